import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Alert, Badge, type BadgeTone } from "@/components/ui";
import { getDb } from "@/db/client";
import { getPublicBusinessInfo, getTrackingView, trackingUrl, type TrackingView } from "@/lib/complaints/tracking";
import { isWellFormedTrackingToken } from "@/lib/complaints/reference";
import { LIMITS } from "@/lib/security/limits";
import { consume } from "@/lib/security/rate-limit";
import { requestClientIp } from "@/lib/security/request-ip";
import { publicBaseUrl } from "../../_components/base-url";
import { formatLongDate, hoursPhrase } from "@/lib/format/dates";
import { TooManyAttempts } from "../../_components/too-many-attempts";
import { ComplaintDetails } from "./_components/complaint-details";
import { CopyLink } from "./_components/copy-link";
import { ForgetComplaintDraft } from "./_components/forget-complaint-draft";
import { MessageForm } from "./_components/message-form";
import { PromiseList } from "./_components/promise-list";
import { ProposalPanel, RestatementPanel } from "./_components/answer-panels";
import { RatingForm } from "./_components/rating-form";
import { Timeline } from "./_components/timeline";

export const metadata: Metadata = { title: "Your complaint" };

type Props = { params: Promise<{ token: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const STATUS_TONES: Record<TrackingView["status"], BadgeTone> = {
  new: "info",
  acknowledged: "info",
  investigating: "brand",
  resolution_proposed: "warning",
  awaiting_customer: "warning",
  carrying_out: "brand",
  resolved: "success",
  follow_up_due: "success",
  closed: "neutral",
};

function nextStep(view: TrackingView, hours: number): string {
  switch (view.status) {
    case "new":
      return `We aim to acknowledge your complaint within ${hoursPhrase(hours)}. We will write to you here, and contact you the way you asked.`;
    case "acknowledged":
    case "investigating":
      return "We are looking into what happened. We will post updates here; you can add information below at any time.";
    case "resolution_proposed":
    case "awaiting_customer":
      return "We are waiting for your answer. Please read our latest message below and reply when you can.";
    case "carrying_out":
      return view.promises.some((p) => !p.keptAt)
        ? "You agreed with our proposal. We are now doing what we promised; each promise and its date is listed below."
        : "You agreed with our proposal. We are now putting it right and will tell you here when it is done.";
    case "resolved":
      return "We believe this is now put right. If it is not, please tell us below.";
    case "follow_up_due":
      return "We will check in with you soon to make sure everything is still right.";
    case "closed":
      return "This complaint is closed. If something is still wrong, you can still write to us below.";
  }
}

/** Confirmation after an answer, keyed by the redirect's `?answered=`. */
const ANSWERED: Record<string, string> = {
  confirmed: "Thank you for confirming our summary.",
  corrected: "Thank you: your correction was sent to the person handling your complaint.",
  agreed: "Thank you: you agreed with the proposal, and we will go ahead.",
  disagreed: "Thank you for telling us. We are looking at your complaint again and will come back to you.",
  rated: "Thank you for rating how we handled your complaint.",
};

/** What the business is asking the customer right now: confirm our summary, answer a proposal, rate us. */
function CustomerQuestions({ view, token, business }: { view: TrackingView; token: string; business: string }) {
  const { restatement, proposal, rating } = view.asks;
  const showRestatement = restatement && restatement.answer === null;
  const showProposal = proposal && view.resolutionDescription;
  if (!showRestatement && !showProposal && !rating.open && view.satisfaction === null) return null;
  return (
    <div id="answers" className="space-y-6">
      {showProposal ? (
        <ProposalPanel token={token} ask={proposal} business={business} resolutionType={view.resolutionType} description={view.resolutionDescription!} />
      ) : null}
      {showRestatement ? <RestatementPanel token={token} ask={restatement} business={business} /> : null}
      {rating.open ? <RatingForm token={token} /> : null}
      {view.satisfaction !== null ? (
        <p className="text-slate-700">
          You rated how we handled your complaint <strong>{view.satisfaction} out of 5</strong>. Thank you.
        </p>
      ) : null}
    </div>
  );
}

/** The customer's private view of their case. Any token that opens nothing gets the same not-found page. */
export default async function TrackingPage({ params, searchParams }: Props) {
  const { token } = await params;
  if (!isWellFormedTrackingToken(token)) notFound();
  const db = await getDb();
  // Every lookup counts against the visitor's address, so links cannot be tried in bulk.
  const lookups = await consume(db, LIMITS.trackingIp, await requestClientIp());
  if (!lookups.allowed) return <TooManyAttempts retryAfterSeconds={lookups.retryAfterSeconds} />;
  const [view, business, query] = await Promise.all([getTrackingView(db, token), getPublicBusinessInfo(db), searchParams]);
  if (!view) notFound();
  const justFiled = query.filed === "1";

  return (
    <div className="space-y-8">
      {justFiled ? (
        <section aria-labelledby="filed-title" className="space-y-4 rounded-lg border-2 border-emerald-600 bg-emerald-50 p-5">
          <ForgetComplaintDraft />
          <h1 id="filed-title" className="text-2xl font-semibold text-emerald-900">
            Thank you: we have your complaint
          </h1>
          <p className="text-emerald-950">
            Your reference is <strong className="whitespace-nowrap font-mono text-lg">{view.reference}</strong>. Quote it if you contact us.
          </p>
          <div className="space-y-2">
            <p className="font-medium text-emerald-950">Keep this private link. It is the only way to open this page:</p>
            <CopyLink url={trackingUrl(await publicBaseUrl(), token)} />
            <p className="text-sm text-emerald-950">Anyone with the link can see your complaint, so keep it to yourself. Bookmark it or save it in your notes.</p>
          </div>
          <p className="text-emerald-950">
            <strong>What happens next:</strong> we aim to acknowledge your complaint within {hoursPhrase(business.firstResponseHours)}, then
            look into it and keep you updated here.
          </p>
        </section>
      ) : null}
      {query.sent === "1" ? <Alert tone="success">Your message was added to your complaint.</Alert> : null}
      {typeof query.answered === "string" && ANSWERED[query.answered] ? <Alert tone="success">{ANSWERED[query.answered]}</Alert> : null}

      <header className="space-y-3">
        {justFiled ? (
          <h2 className="text-xl font-semibold text-slate-900">
            Complaint <span className="whitespace-nowrap">{view.reference}</span>
          </h2>
        ) : (
          <h1 className="text-3xl font-semibold tracking-tight text-slate-900">
            Complaint <span className="whitespace-nowrap">{view.reference}</span>
          </h1>
        )}
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm text-slate-700">
          <span className="flex items-center gap-2">
            Status: <Badge tone={STATUS_TONES[view.status]}>{view.statusLabel}</Badge>
          </span>
          <span>Filed on {formatLongDate(view.receivedAt, business.timeZone)}</span>
        </div>
        {justFiled ? null : <p className="text-slate-700">{nextStep(view, business.firstResponseHours)}</p>}
      </header>

      <CustomerQuestions view={view} token={token} business={business.name} />

      {view.promises.length > 0 ? (
        <section aria-labelledby="promises-title" className="space-y-3">
          <h2 id="promises-title" className="text-lg font-semibold text-slate-900">
            What we have promised
          </h2>
          <PromiseList promises={view.promises} timeZone={business.timeZone} />
        </section>
      ) : null}

      <section id="timeline" aria-labelledby="timeline-title" className="space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="timeline-title" className="text-lg font-semibold text-slate-900">
          What has happened so far
        </h2>
        <Timeline entries={view.timeline} business={business.name} timeZone={business.timeZone} />
        <div className="border-t border-slate-200 pt-4">
          <MessageForm token={token} sent={query.sent === "1"} />
        </div>
      </section>

      <ComplaintDetails view={view} token={token} />
    </div>
  );
}
