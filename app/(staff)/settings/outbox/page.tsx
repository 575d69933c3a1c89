import type { Metadata } from "next";
import Link from "next/link";
import { Alert, Badge, EmptyState, LinkButton, SelectField, buttonClasses } from "@/components/ui";
import { getDb } from "@/db/client";
import { OUTBOX_KINDS, OUTBOX_STATUSES } from "@/db/schema";
import { requireStaff } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { listOutbox, outboxCounts, outboxFiltersSchema } from "@/lib/outbox/admin";
import { KIND_LABELS } from "@/lib/outbox/templates";
import { getBusinessTimeZone } from "@/lib/settings/business";
import { formatDateTime } from "@/lib/format/dates";
import { OUTBOX_STATUS_LABELS, STATUS_TONES } from "./_labels";

export const metadata: Metadata = { title: "Outbox" };

type SearchParams = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** Every email the portal has written, newest first: what went out, what waits, what failed and why. */
export default async function OutboxPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireStaff("owner");
  const params = await searchParams;
  const filters = outboxFiltersSchema.parse({ status: first(params.status) || undefined, kind: first(params.kind) || undefined, before: first(params.before) });
  const db = await getDb();
  const [page, counts, timeZone] = await Promise.all([listOutbox(db, user, filters), outboxCounts(db, user), getBusinessTimeZone(db)]);
  const nextHref = page.next
    ? `/settings/outbox?${new URLSearchParams({ ...(filters.status ? { status: filters.status } : {}), ...(filters.kind ? { kind: filters.kind } : {}), before: page.next })}`
    : null;

  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-2xl font-semibold text-slate-900">Outbox</h1>
        <p className="text-sm text-slate-600">Every email to customers and staff, as it was written. Open one to read it.</p>
      </div>
      {env.SMTP_URL ? null : (
        <Alert tone="warning" title="Email is not set up">
          Nothing is sent while SMTP_URL is not configured: messages wait here, and go out once it is. Customers can still follow their
          complaints through their tracking links.
        </Alert>
      )}
      <p className="flex flex-wrap gap-2 text-sm text-slate-700">
        {OUTBOX_STATUSES.map((s) => (
          <span key={s} className="flex items-center gap-1">
            <Badge tone={STATUS_TONES[s]}>{OUTBOX_STATUS_LABELS[s]}</Badge> {counts[s] ?? 0}
          </span>
        ))}
      </p>
      <form method="get" className="flex flex-wrap items-end gap-3" aria-label="Filter the outbox">
        <div className="w-52">
          <SelectField
            id="status"
            label="Status"
            defaultValue={filters.status ?? ""}
            options={[{ value: "", label: "Any status" }, ...OUTBOX_STATUSES.map((s) => ({ value: s, label: OUTBOX_STATUS_LABELS[s] }))]}
          />
        </div>
        <div className="w-72">
          <SelectField
            id="kind"
            label="Kind"
            defaultValue={filters.kind ?? ""}
            options={[{ value: "", label: "Any kind" }, ...OUTBOX_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))]}
          />
        </div>
        <button type="submit" className={buttonClasses("secondary")}>
          Filter
        </button>
        {filters.status || filters.kind ? (
          <Link href="/settings/outbox" className="py-2 text-sm font-medium text-brand-700 hover:text-brand-800">
            Clear filters
          </Link>
        ) : null}
      </form>

      {page.items.length === 0 ? (
        <EmptyState title="No emails here">{filters.status || filters.kind ? "Try other filters." : "Emails appear here as cases are filed and handled."}</EmptyState>
      ) : (
        <ul aria-label="Emails, newest first" className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white shadow-sm">
          {page.items.map((m) => (
            <li key={m.id} className="flex flex-col gap-1 p-4 sm:flex-row sm:items-start sm:justify-between sm:gap-4">
              <div className="min-w-0 space-y-0.5">
                <Link href={`/settings/outbox/${m.id}`} className="font-medium break-words text-brand-700 hover:underline">
                  {m.subject}
                </Link>
                <p className="text-sm break-words text-slate-700">
                  To {m.toAddress ?? "—"} · {KIND_LABELS[m.kind]}
                  {m.reference ? ` · ${m.reference}` : ""}
                </p>
                {m.lastError ? <p className="text-sm break-words text-red-800">Last error: {m.lastError}</p> : null}
              </div>
              <div className="flex shrink-0 flex-wrap items-center gap-2 text-sm text-slate-600 sm:flex-col sm:items-end sm:gap-1">
                <Badge tone={STATUS_TONES[m.status]}>{OUTBOX_STATUS_LABELS[m.status]}</Badge>
                {m.status === "pending" && m.attempts > 0 ? <span>retrying ({m.attempts} tries)</span> : null}
                <span>{formatDateTime(m.createdAt, timeZone)}</span>
              </div>
            </li>
          ))}
        </ul>
      )}
      {nextHref ? (
        <LinkButton href={nextHref} variant="secondary">
          Older emails
        </LinkButton>
      ) : null}
    </div>
  );
}
