import type { Metadata } from "next";
import Link from "next/link";
import { Alert, Badge, EmptyState, SubmitButton, type BadgeTone } from "@/components/ui";
import { getDb } from "@/db/client";
import type { InboundEmailOutcome } from "@/db/schema";
import { requireStaff } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { formatDateTime } from "@/lib/format/dates";
import { INBOUND_OUTCOME_LABELS } from "@/lib/labels";
import { listFailingEmails, MAX_INGEST_ATTEMPTS, type FailingEmailRow } from "@/lib/mail/attempts";
import { listInboundEmails } from "@/lib/mail/inbound";
import { getBusinessTimeZone } from "@/lib/settings/business";
import { retryEmailAction } from "./actions";

export const metadata: Metadata = { title: "Mailbox" };

const TONES: Record<InboundEmailOutcome, BadgeTone> = { complaint: "success", message: "info", ignored: "neutral", refused: "danger" };

/** The last 100 emails read from the mailbox: what each became, and why robots' mail and refusals made nothing. */
export default async function MailboxPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireStaff("owner");
  const [db, query] = await Promise.all([getDb(), searchParams]);
  const [emails, failing, timeZone] = await Promise.all([listInboundEmails(db, { limit: 100 }), listFailingEmails(db), getBusinessTimeZone(db)]);
  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-2xl font-semibold text-slate-900">Mailbox</h1>
        <p className="text-sm text-slate-600">
          Emails from customers, newest first: new complaints, replies added to their cases, and what was ignored or refused, with the reason.
        </p>
      </div>
      {env.IMAP_URL ? null : (
        <Alert tone="info" title="No mailbox is read">
          Set IMAP_URL to read customers&apos; emails, or hand messages to <code>npm run mail:ingest</code>.
        </Alert>
      )}
      {query.retry === "queued" ? (
        <Alert tone="success">The email will be read again on the next pass over the mailbox, with a fresh set of {MAX_INGEST_ATTEMPTS} attempts.</Alert>
      ) : null}
      {query.retry === "refused" ? <Alert tone="error">Only an email that was set aside can be tried again.</Alert> : null}
      {failing.length > 0 ? <FailingEmails rows={failing} timeZone={timeZone} /> : null}
      {emails.length === 0 ? (
        <EmptyState title="No emails yet">Emails appear here as they are read.</EmptyState>
      ) : (
        <ul aria-label="Emails read, newest first" className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white shadow-sm">
          {emails.map((m) => (
            <li key={m.id} className="flex flex-col gap-1 p-4 sm:flex-row sm:items-start sm:justify-between sm:gap-4">
              <div className="min-w-0 space-y-0.5">
                <p className="font-medium break-words text-slate-900">{m.subject || "(no subject)"}</p>
                <p className="text-sm break-words text-slate-700">
                  From {m.fromAddress ?? "—"}
                  {m.reference ? (
                    <>
                      {" · "}
                      <Link href={`/cases/${m.reference}`} className="font-medium text-brand-700 hover:underline">
                        {m.reference}
                      </Link>
                    </>
                  ) : null}
                </p>
                {m.reason ? <p className="text-sm break-words text-slate-700">{m.reason}</p> : null}
              </div>
              <div className="flex shrink-0 flex-wrap items-center gap-2 text-sm text-slate-600 sm:flex-col sm:items-end sm:gap-1">
                <Badge tone={TONES[m.outcome]}>{INBOUND_OUTCOME_LABELS[m.outcome]}</Badge>
                <span>{formatDateTime(m.receivedAt, timeZone)}</span>
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * Emails CaseRoot could not take: those it stopped trying (set aside after MAX_INGEST_ATTEMPTS
 * failures) and those still being retried. They are in the mailbox, not on a case, so the owner
 * is told how to find them there.
 */
function FailingEmails({ rows, timeZone }: { rows: FailingEmailRow[]; timeZone: string }) {
  const setAside = rows.filter((r) => r.setAside).length;
  return (
    <section aria-labelledby="failing-emails" className="space-y-2">
      <h2 id="failing-emails" className="text-lg font-semibold text-slate-900">
        Emails that could not be taken
      </h2>
      <p className="text-sm text-slate-700">
        {setAside > 0
          ? `${setAside === 1 ? "One email failed" : `${setAside} emails failed`} ${MAX_INGEST_ATTEMPTS} times and ${setAside === 1 ? "is" : "are"} no longer tried. `
          : null}
        Emails set aside stay unread in the mailbox: find them there by sender and subject and, if one is a complaint, take it down by hand with New
        complaint (channel email), or once whoever runs CaseRoot has fixed the cause (the error helps them find it), try it again. Emails still being
        retried are taken as soon as an attempt succeeds.
      </p>
      <ul aria-label="Emails that could not be taken" className="divide-y divide-slate-200 rounded-lg border border-red-200 bg-white shadow-sm">
        {rows.map((r) => (
          <li key={r.id} className="flex flex-col gap-1 p-4 sm:flex-row sm:items-start sm:justify-between sm:gap-4">
            <div className="min-w-0 space-y-0.5">
              <p className="font-medium break-words text-slate-900">{r.subject || "(no subject)"}</p>
              <p className="text-sm break-words text-slate-700">
                From {r.fromAddress ?? "—"} · {r.mailbox}, message {r.uid}
              </p>
              <p className="text-sm break-words text-slate-700">
                Last error: <span className="font-mono text-xs">{r.lastError}</span>
              </p>
              <p className="text-sm text-slate-600">
                {r.attempts} of {MAX_INGEST_ATTEMPTS} attempts failed · first {formatDateTime(r.firstFailedAt, timeZone)} · last {formatDateTime(r.lastFailedAt, timeZone)}
              </p>
            </div>
            <div className="flex shrink-0 flex-wrap items-center gap-2 sm:flex-col sm:items-end">
              <Badge tone={r.setAside ? "danger" : "warning"}>{r.setAside ? "Set aside" : "Retrying"}</Badge>
              {r.setAside ? (
                <form action={retryEmailAction.bind(null, String(r.id))}>
                  <SubmitButton pendingLabel="Queuing…" variant="secondary">
                    Try again<span className="sr-only">: {r.subject || "(no subject)"}</span>
                  </SubmitButton>
                </form>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
