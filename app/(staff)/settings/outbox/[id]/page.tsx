import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Alert, Badge, SubmitButton } from "@/components/ui";
import { getDb } from "@/db/client";
import { requireStaff } from "@/lib/auth/session";
import { getOutboxMessage } from "@/lib/outbox/admin";
import { KIND_LABELS } from "@/lib/outbox/templates";
import { getBusinessTimeZone } from "@/lib/settings/business";
import { formatDateTime } from "@/lib/format/dates";
import { OUTBOX_STATUS_LABELS, STATUS_TONES } from "../_labels";
import { retryAction } from "./actions";

export const metadata: Metadata = { title: "Email" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * One email as written. The HTML part is shown in a sandboxed frame (no scripts, no same-origin
 * access), so even a message with hostile content cannot act on this page.
 */
export default async function OutboxMessagePage({ params, searchParams }: Props) {
  const user = await requireStaff("owner");
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const db = await getDb();
  const [row, timeZone] = await Promise.all([getOutboxMessage(db, user, id), getBusinessTimeZone(db)]);
  if (!row) notFound();
  const m = row.message;
  const facts: Array<[string, React.ReactNode]> = [
    ["To", m.toAddress ?? "—"],
    ["Kind", KIND_LABELS[m.kind]],
    ["Case", row.reference ? <Link href={`/cases/${row.reference}`} className="text-brand-700 hover:underline">{row.reference}</Link> : "—"],
    ["Written", formatDateTime(m.createdAt, timeZone)],
    ["Sent", m.sentAt ? formatDateTime(m.sentAt, timeZone) : "—"],
    ["Tries", String(m.attempts)],
  ];
  if (m.status === "pending" && m.attempts > 0) facts.push(["Next try", formatDateTime(m.nextAttemptAt, timeZone)]);

  return (
    <div className="max-w-4xl space-y-5">
      <Link href="/settings/outbox" className="text-sm font-medium text-brand-700 hover:text-brand-800">
        ← Outbox
      </Link>
      <div className="space-y-2">
        <h1 className="break-words text-2xl font-semibold text-slate-900">{m.subject}</h1>
        <Badge tone={STATUS_TONES[m.status]}>{OUTBOX_STATUS_LABELS[m.status]}</Badge>
      </div>
      {query.retry === "queued" ? <Alert tone="success">The email is back in the queue and will be sent on the next pass.</Alert> : null}
      {query.retry === "refused" ? <Alert tone="error">Only a message that failed can be retried.</Alert> : null}
      {m.skipReason ? <Alert tone="info" title="Not sent">{m.skipReason}</Alert> : null}
      {m.lastError ? (
        <Alert tone={m.status === "failed" ? "error" : "warning"} title={m.status === "failed" ? "Delivery failed" : "Last try failed"}>
          <span className="break-words">{m.lastError}</span>
        </Alert>
      ) : null}
      {m.status === "failed" ? (
        <form action={retryAction.bind(null, m.id)}>
          <SubmitButton pendingLabel="Queuing…">Retry now</SubmitButton>
        </form>
      ) : null}
      <dl className="grid gap-x-6 gap-y-1 rounded-lg border border-slate-200 bg-white p-4 text-sm sm:grid-cols-[max-content_1fr]">
        {facts.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="font-medium text-slate-700">{label}</dt>
            <dd className="break-words text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>
      {m.status === "skipped" ? null : (
        <>
          <section aria-labelledby="html-title" className="space-y-2">
            <h2 id="html-title" className="text-lg font-semibold text-slate-900">
              As the recipient sees it
            </h2>
            <iframe title="Email preview" sandbox="" srcDoc={m.htmlBody} className="h-[28rem] w-full rounded-lg border border-slate-200 bg-white" />
          </section>
          <section aria-labelledby="text-title" className="space-y-2">
            <h2 id="text-title" className="text-lg font-semibold text-slate-900">
              Plain-text version
            </h2>
            <pre className="overflow-x-auto whitespace-pre-wrap break-words rounded-lg border border-slate-200 bg-white p-4 font-sans text-sm text-slate-900">
              {m.textBody}
            </pre>
          </section>
        </>
      )}
    </div>
  );
}
