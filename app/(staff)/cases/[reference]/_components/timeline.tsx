import { cx } from "@/components/ui";
import type { CaseTimelineEvent } from "@/lib/cases/detail";
import { formatDateTime } from "@/lib/format/dates";
import { eventDetails } from "./event-details";
import { BLAME_KIND_LABELS, type BlameKind } from "@/lib/messages/blame-check";
import { headline } from "./headline";
import { ApproveApologyForm } from "./approve-apology-form";
import { FilteredTimeline } from "./timeline-filter";

function actorOf(event: CaseTimelineEvent): string {
  if (event.actorKind === "customer") return "The customer";
  if (event.actorKind === "system") return "CaseRoot";
  return event.actorName ?? "A former staff member";
}

const numberOf = (value: unknown) => (typeof value === "number" ? value : typeof value === "string" && /^\d+$/.test(value) ? Number(value) : null);

/** Links between events: a call and its written summary, a restatement and the customer's answer. */
function crossReferences(events: CaseTimelineEvent[]) {
  const summaryOfCall = new Map<number, CaseTimelineEvent>();
  const answerToRestatement = new Map<number, CaseTimelineEvent>();
  const approvalOfApology = new Map<number, CaseTimelineEvent>();
  for (const e of events) {
    const apologyId = numberOf(e.data?.apologyEventId);
    if (e.type === "apology_approved" && apologyId !== null) approvalOfApology.set(apologyId, e);
    const callId = numberOf(e.data?.callEventId);
    if (e.type === "message" && callId !== null) summaryOfCall.set(callId, e);
    const restatedId = numberOf(e.data?.restatedEventId);
    if ((e.type === "restatement_confirmed" || e.type === "restatement_corrected") && restatedId !== null) answerToRestatement.set(restatedId, e);
  }
  return { summaryOfCall, answerToRestatement, approvalOfApology };
}

/**
 * The case's history, oldest first (as the customer's page shows it). Customer-visible, internal
 * and the customer's own entries look different at a glance: colour, border style and a text
 * label, never colour alone. A filter shows only one kind.
 */
export function Timeline({ events, reference, timeZone, approve }: { events: CaseTimelineEvent[]; reference: string; timeZone: string; approve?: ApproveProps }) {
  if (events.length === 0) return <p className="text-sm text-slate-600">Nothing has been recorded on this case yet.</p>;
  const refs = crossReferences(events);
  const items = events.map((event) => ({ id: event.id, visibility: event.visibility, node: <Entry event={event} reference={reference} refs={refs} timeZone={timeZone} approve={approve} /> }));
  // Not wrapped in Suspense (useSearchParams renders on the server in this dynamic page): a
  // boundary could stream the history in after the page, hidden from a browser without scripts.
  return <FilteredTimeline items={items} />;
}

type Refs = ReturnType<typeof crossReferences>;

/** Given when the viewer may approve a flagged apology (a supervisor or owner, case not closed). */
type ApproveProps = { complaintId: string; version: number };

function Entry({ event, reference, refs, timeZone, approve }: { event: CaseTimelineEvent; reference: string; refs: Refs; timeZone: string; approve?: ApproveProps }) {
  // A customer's email (a complaint that arrived as a new email, or a reply): staff may download the full original.
  const emailId = event.originalEmailId ?? null;
  const visible = event.visibility === "customer";
  const byCustomer = event.actorKind === "customer";
  const details = eventDetails(event);
  // Status lines are in the headline; a restatement's list is shown from its data, not its body.
  const lines = event.type === "status_changed" || event.type === "reopened" || event.type === "call_logged" ? [] : details.lines;
  const showBody = event.body && event.type !== "filed" && !(event.type === "restated" && details.items.length);
  return (
    <article
      aria-label={`${headline(event)}, ${formatDateTime(event.createdAt, timeZone)}`}
      className={cx(
        "rounded-md border-l-4 px-4 py-3",
        byCustomer
          ? "border-slate-500 bg-slate-50 ring-1 ring-slate-300"
          : visible
            ? "border-sky-600 bg-white ring-1 ring-slate-200"
            : "border-dashed border-amber-500 bg-amber-50/60 ring-1 ring-amber-200",
      )}
    >
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h3 className="font-medium text-slate-900">{headline(event)}</h3>
        <span className="flex flex-wrap gap-1.5">
          {byCustomer ? <Tag className="bg-slate-200 text-slate-900">From the customer</Tag> : null}
          <Tag className={visible ? "bg-sky-100 text-sky-900" : "bg-amber-100 text-amber-900"}>{visible ? "Visible to customer" : "Internal"}</Tag>
        </span>
      </div>
      <p className="mt-0.5 text-xs text-slate-600">
        {actorOf(event)} · <time dateTime={event.createdAt.toISOString()}>{formatDateTime(event.createdAt, timeZone)}</time>
        {event.minutesSpent > 0 ? ` · ${event.minutesSpent} min spent` : null}
      </p>
      {event.type === "call_logged" ? <CallFacts event={event} summary={refs.summaryOfCall.get(event.id)} timeZone={timeZone} /> : null}
      {lines.map((line) => (
        <p key={line} className="mt-2 text-sm text-slate-800">
          {line}
        </p>
      ))}
      {showBody ? <p className="mt-2 whitespace-pre-wrap break-words text-sm text-slate-800">{event.body}</p> : null}
      {details.items.length ? (
        <ol className="mt-2 list-decimal space-y-0.5 pl-5 text-sm text-slate-800">
          {details.items.map((item, i) => (
            <li key={i}>{item}</li>
          ))}
        </ol>
      ) : null}
      {emailId !== null ? (
        <p className="mt-2 text-sm">
          <a href={`/cases/${reference}/emails/${emailId}`} className="font-medium text-sky-800 underline underline-offset-2">
            View original email
          </a>{" "}
          <span className="text-slate-600">(.eml download: headers, quoted history and signature)</span>
        </p>
      ) : null}
      {event.type === "restated" ? <RestatementAnswer answer={refs.answerToRestatement.get(event.id)} timeZone={timeZone} /> : null}
      <BlameOverrideNote data={event.data} />
      {event.type === "apology" && event.data?.blameOverride ? (
        <ApologyApproval apologyId={event.id} approval={refs.approvalOfApology.get(event.id)} approve={approve} timeZone={timeZone} />
      ) : null}
    </article>
  );
}

function Tag({ className, children }: { className: string; children: React.ReactNode }) {
  return <span className={cx("rounded px-1.5 py-0.5 text-xs font-semibold uppercase tracking-wide", className)}>{children}</span>;
}

function CallFacts({ event, summary, timeZone }: { event: CaseTimelineEvent; summary?: CaseTimelineEvent; timeZone: string }) {
  const minutes = numberOf(event.data?.durationMinutes);
  return (
    <p className="mt-2 flex flex-wrap gap-x-3 text-sm">
      {minutes !== null ? <span className="text-slate-800">Lasted {minutes} min</span> : null}
      {summary ? (
        <span className="text-emerald-800">Written summary sent {formatDateTime(summary.createdAt, timeZone)}</span>
      ) : (
        <a href={`?compose=call-summary&call=${event.id}#composer`} className="font-medium text-red-800 underline underline-offset-2">
          No written summary sent yet: write it
        </a>
      )}
    </p>
  );
}

function RestatementAnswer({ answer, timeZone }: { answer?: CaseTimelineEvent; timeZone: string }) {
  if (!answer) return <p className="mt-2 text-sm text-slate-600">Waiting for the customer to confirm or correct it.</p>;
  const when = formatDateTime(answer.createdAt, timeZone);
  if (answer.type === "restatement_confirmed") return <p className="mt-2 text-sm font-medium text-emerald-800">The customer confirmed this on {when}.</p>;
  return (
    <div className="mt-2 rounded border border-slate-300 bg-slate-50 px-3 py-2 text-sm">
      <p className="font-medium text-slate-900">The customer corrected it on {when}:</p>
      <p className="mt-1 whitespace-pre-wrap break-words text-slate-800">{answer.body}</p>
    </div>
  );
}

/** A flagged apology counts on the checklist once a supervisor approves it. */
function ApologyApproval({ apologyId, approval, approve, timeZone }: { apologyId: number; approval?: CaseTimelineEvent; approve?: ApproveProps; timeZone: string }) {
  const approved = approval ? `Approved by ${actorOf(approval)} on ${formatDateTime(approval.createdAt, timeZone)}: it counts as an apology.` : null;
  // For a supervisor the form stays in place once approved, so its confirmation outlives the refresh.
  if (approve) return <ApproveApologyForm complaintId={approve.complaintId} version={approve.version} apologyEventId={apologyId} approved={approved} />;
  if (approved) return <p className="mt-2 text-sm font-medium text-emerald-800">{approved}</p>;
  return <p className="mt-2 text-sm text-slate-700">Not counted as an apology until a supervisor approves it.</p>;
}

/** Staff sent this despite the blame-language check: shown to staff with the reason given. */
function BlameOverrideNote({ data }: { data: Record<string, unknown> | null }) {
  const override = data?.blameOverride as { reason?: unknown; flags?: unknown } | undefined;
  if (!override || typeof override !== "object") return null;
  const kinds = Array.isArray(override.flags) ? override.flags.filter((f): f is string => typeof f === "string") : [];
  return (
    <div className="mt-2 rounded border border-dashed border-red-400 bg-red-50 px-3 py-2 text-sm text-red-950">
      <p className="font-semibold">
        Sent despite the blame-language check{kinds.length ? ` (${kinds.map((k) => (BLAME_KIND_LABELS[k as BlameKind] ?? k).toLowerCase()).join(", ")})` : ""}
      </p>
      {typeof override.reason === "string" ? <p className="mt-0.5">Reason given: {override.reason}</p> : null}
      <p className="mt-0.5 text-xs text-red-900">Only staff see this note.</p>
    </div>
  );
}
