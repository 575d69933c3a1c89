import type { Metadata } from "next";
import Link from "next/link";
import { Card, EmptyState, Table, Td, Th } from "@/components/ui";
import { getDb } from "@/db/client";
import { requireStaff } from "@/lib/auth/session";
import { AUDIT_ACTIONS, auditPageSchema, listAuditLog, type AuditRow } from "@/lib/privacy/audit";
import { getRetentionMonths, RETENTION_MAX_MONTHS } from "@/lib/privacy/settings";
import { getBusinessTimeZone } from "@/lib/settings/business";
import { formatDateTime } from "@/lib/format/dates";
import { RetentionForm } from "./_components/retention-form";

export const metadata: Metadata = { title: "Privacy" };

type SearchParams = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** The retention rule and the audit log of every action on personal data, newest first. */
export default async function PrivacySettingsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireStaff("owner");
  const { before } = auditPageSchema.parse({ before: first((await searchParams).before) });
  const db = await getDb();
  const [months, page, timeZone] = await Promise.all([getRetentionMonths(db), listAuditLog(db, { before }), getBusinessTimeZone(db)]);

  return (
    <div className="space-y-5">
      <div>
        <p className="text-sm text-slate-600">Settings</p>
        <h1 className="text-2xl font-semibold text-slate-900">Privacy</h1>
        <p className="mt-1 max-w-2xl text-sm text-slate-600">
          How long you keep customers&rsquo; personal data, and a record of who exported, erased or downloaded it. To export or erase one
          customer&rsquo;s data, open one of their cases: the tools are on the customer panel.
        </p>
      </div>

      <Card title="Retention">
        <p className="mb-4 max-w-2xl text-sm text-slate-600">
          Closed cases older than this lose the customer&rsquo;s words, files and contact details, the same way an erasure does; once all of
          a customer&rsquo;s cases are anonymised, their name goes too. Counts, processes, root causes, times and ratings stay, so your
          analytics do not change.
        </p>
        <RetentionForm months={months} max={RETENTION_MAX_MONTHS} />
      </Card>

      <section aria-labelledby="audit-heading" className="space-y-3">
        <div>
          <h2 id="audit-heading" className="text-lg font-semibold text-slate-900">
            Audit log
          </h2>
          <p className="text-sm text-slate-600">Newest first. Entries cannot be changed or removed.</p>
        </div>
        {page.items.length === 0 ? (
          <EmptyState title={before ? "No older entries" : "Nothing recorded yet"}>
            {before ? (
              <Link href="/settings/privacy" className="font-medium text-brand-700 underline underline-offset-2">
                Back to the newest entries
              </Link>
            ) : (
              "Exports, erasures, retention runs and attachment downloads appear here."
            )}
          </EmptyState>
        ) : (
          <Table caption="Audit log, newest first">
            <thead>
              <tr>
                <Th>When</Th>
                <Th>Who</Th>
                <Th>What</Th>
                <Th>Subject</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200">
              {page.items.map((entry) => (
                <tr key={entry.id}>
                  <Td className="whitespace-nowrap">{formatDateTime(entry.at, timeZone)}</Td>
                  <Td>{entry.staffName ?? <span className="text-slate-600">System</span>}</Td>
                  <Td>{describe(entry)}</Td>
                  <Td className="break-all">
                    <Subject entry={entry} />
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
        <nav aria-label="Audit log pages" className="flex gap-4 text-sm">
          {before ? (
            <Link href="/settings/privacy" className="font-medium text-brand-700 underline underline-offset-2">
              Newest entries
            </Link>
          ) : null}
          {page.next ? (
            <Link href={`/settings/privacy?before=${page.next}`} className="font-medium text-brand-700 underline underline-offset-2">
              Older entries
            </Link>
          ) : null}
        </nav>
      </section>
    </div>
  );
}

function describe(entry: AuditRow): string {
  const label = AUDIT_ACTIONS[entry.action as keyof typeof AUDIT_ACTIONS] ?? entry.action;
  const d = entry.detail;
  if (entry.action === "retention.applied") return `${label}: ${count(d.cases, "case")}, ${count(d.customers, "customer record")}`;
  if (entry.action === "retention.changed") return `${label}: ${months(d.from)} → ${months(d.to)}`;
  if (entry.action === "signin.under_attack" && typeof d.failures === "number") return `${label}: ${count(d.failures, "failed sign-in")} within ${d.minutes} minutes`;
  if ((entry.action === "customer.erased" || entry.action === "customer.exported") && typeof d.complaints === "number") {
    return `${label} (${count(d.complaints, "case")})`;
  }
  return label;
}

function count(value: unknown, noun: string): string {
  const n = typeof value === "number" ? value : 0;
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

function months(value: unknown): string {
  return typeof value === "number" ? `${value} months` : "keep forever";
}

function Subject({ entry }: { entry: AuditRow }) {
  const reference = typeof entry.detail.reference === "string" ? entry.detail.reference : null;
  if (reference) {
    return (
      <Link href={`/cases/${reference}`} className="font-mono text-brand-700 underline underline-offset-2">
        {reference}
      </Link>
    );
  }
  if (entry.subjectType === "customer" && entry.subjectId) return <span className="font-mono text-xs">Customer {entry.subjectId}</span>;
  if (entry.subjectType === "staff_user" && typeof entry.detail.account === "string") return <span className="break-all">{entry.detail.account}</span>;
  return <span className="text-slate-600">{entry.subjectType === "settings" ? "Settings" : entry.subjectType === "complaints" ? "Closed cases" : entry.subjectType}</span>;
}
