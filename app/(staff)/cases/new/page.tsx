import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { Alert, Card, LinkButton } from "@/components/ui";
import { getDb } from "@/db/client";
import { requireStaff } from "@/lib/auth/session";
import { listIntakeProcesses, STAFF_INTAKE_CHANNELS } from "@/lib/complaints/intake";
import { normalizeReference } from "@/lib/complaints/reference";
import { takenDownSummary, type TakenDownSummary } from "@/lib/complaints/take-down";
import { searchCustomers } from "@/lib/customers/search";
import { idleState } from "@/lib/forms/action-state";
import { formatDateTime } from "@/lib/format/dates";
import { CHANNEL_LABELS, TAKEN_DOWN_WORDS } from "@/lib/labels";
import { getBusinessTimeZone } from "@/lib/settings/business";
import { localDate } from "@/lib/time/zone";
import { CustomerSearch } from "./_components/customer-search";
import { TakeDownForm } from "./_components/take-down-form";

export const metadata: Metadata = { title: "New complaint" };

type SearchParams = Record<string, string | string[] | undefined>;

const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : "");

/**
 * A complaint taken down for the customer: on the phone, from a letter or an email, at the
 * counter. The customer search is a plain GET (`?q=`), so it works without JavaScript; once
 * saved, the page shows the reference to read out (`?filed=`).
 */
export default async function NewComplaintPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireStaff();
  const params = await searchParams;
  const db = await getDb();
  const filed = normalizeReference(one(params.filed));
  const summary = filed ? await takenDownSummary(db, filed) : null;
  if (summary) return <Saved summary={summary} />;

  const query = one(params.q).slice(0, 200);
  const [processes, matches, timeZone] = await Promise.all([listIntakeProcesses(db), searchCustomers(db, query), getBusinessTimeZone(db)]);
  const now = new Date();
  // A fresh key per visit: a double press of Save files one complaint.
  const initialState = { ...idleState, values: { idempotencyKey: randomUUID(), channel: "phone" } };

  return (
    <div className="max-w-4xl space-y-5">
      <PageTitle title="New complaint">
        A complaint by phone, letter, email, in person or on social media. On the phone, tell the customer you are writing it all down, and
        take it down in their own words.
      </PageTitle>
      <Card>
        <CustomerSearch query={query} />
      </Card>
      <Card>
        <TakeDownForm
          initialState={initialState}
          query={query}
          matches={matches.map((m) => ({
            id: m.id,
            name: m.name,
            contact: [m.email, m.phone].filter(Boolean).join(" · "),
            history: m.latestReference
              ? `${m.complaintCount === 1 ? "1 complaint" : `${m.complaintCount} complaints`}, latest ${m.latestReference} on ${formatDateTime(m.latestReceivedAt!, timeZone)}`
              : "No complaints yet",
          }))}
          channels={STAFF_INTAKE_CHANNELS.map((value) => ({ value, label: CHANNEL_LABELS[value] }))}
          processes={processes.map(({ id, name }) => ({ id, name }))}
          today={localDate(now, timeZone)}
          timeZone={timeZone}
        />
      </Card>
    </div>
  );
}

/** The reference, large, to read out on the phone; then on to the case. */
function Saved({ summary }: { summary: TakenDownSummary }) {
  // Any reference opens this page; one filed on the web was not taken down by anyone.
  const how = TAKEN_DOWN_WORDS[summary.channel as keyof typeof TAKEN_DOWN_WORDS];
  // "CR-7KQ4-M9TA" → "7 K Q 4, M 9 T A": the alphabet has no look-alikes, and spaced out it reads aloud clearly.
  const spelled = summary.reference.replace(/^CR-/, "").split("-").map((part) => part.split("").join(" ")).join(", ");
  return (
    <div className="max-w-3xl space-y-5">
      <PageTitle title="Complaint saved">
        {summary.customerName}’s complaint{how ? `, taken down ${how},` : ""} is on the queue.
      </PageTitle>
      <section aria-labelledby="reference-heading" className="rounded-lg border-2 border-brand-700 bg-white p-6 text-center shadow-sm">
        <h2 id="reference-heading" className="text-base font-semibold text-slate-900">
          Read this reference to the customer
        </h2>
        <p data-testid="filed-reference" className="mt-3 break-all font-mono text-4xl font-bold tracking-wider text-slate-900 sm:text-5xl">
          {summary.reference}
        </p>
        <p className="mt-3 text-sm text-slate-700">
          Letter by letter: C R, then <span className="whitespace-nowrap font-mono">{spelled}</span>. They quote it whenever they contact you.
        </p>
      </section>
      {summary.callToConfirm ? (
        <Alert tone="warning" title="No email address: call the customer to confirm">
          This customer gave no email address, so no acknowledgement was sent. Call them to confirm the complaint, its reference and what happens next.
        </Alert>
      ) : (
        <p className="text-sm text-slate-700">The acknowledgement, with the reference and their private tracking link, goes to the customer by email.</p>
      )}
      <div className="flex flex-wrap gap-3">
        <LinkButton href={`/cases/${encodeURIComponent(summary.reference)}`}>Open the case {summary.reference}</LinkButton>
        <LinkButton href={`/cases/${encodeURIComponent(summary.reference)}?compose=restate#composer`} variant="secondary">
          Restate the complaint
        </LinkButton>
        <LinkButton href="/cases/new" variant="secondary">
          Record another complaint
        </LinkButton>
      </div>
    </div>
  );
}

/** The back link to the queue, the page's title and a line under it. */
function PageTitle({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div>
      <Link href="/cases" className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
        ← Cases
      </Link>
      <h1 className="mt-2 text-2xl font-semibold text-slate-900">{title}</h1>
      <p className="text-sm text-slate-700">{children}</p>
    </div>
  );
}
