import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Alert, Card } from "@/components/ui";
import { getDb } from "@/db/client";
import { hasRole } from "@/lib/auth/roles";
import { requireStaff } from "@/lib/auth/session";
import { getCaseDetail } from "@/lib/cases/detail";
import { recurrenceWarnings } from "@/lib/improvements/queries";
import { getBusinessTimeZone } from "@/lib/settings/business";
import { SeverityBadge, StatusBadge } from "../../_components/case-badges";
import { formatDate } from "@/lib/format/dates";
import { formatBytes } from "@/lib/format/numbers";
import { CaseAnnouncer } from "./_components/case-form";
import { ComplaintAsFiled } from "./_components/complaint-as-filed";
import { CustomerPanel } from "./_components/customer-panel";
import { Timeline } from "./_components/timeline";
import { CaseComposer } from "./_components/workspace/composer";
import { DecisionPanel } from "./_components/workspace/decision-panel";
import { ResolutionPanel } from "./_components/workspace/resolution-panel";

type Params = Promise<{ reference: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { reference } = await params;
  return { title: `Case ${decodeURIComponent(reference).toUpperCase()}` };
}

export default async function CasePage({ params }: { params: Params }) {
  const viewer = await requireStaff("agent");
  const { reference } = await params;
  const db = await getDb();
  const [detail, timeZone] = await Promise.all([getCaseDetail(db, decodeURIComponent(reference)), getBusinessTimeZone(db)]);
  if (!detail) notFound();
  const { complaint, customer, attachments, timeline } = detail;
  const addressedBy = await recurrenceWarnings(db, complaint);

  return (
    <CaseAnnouncer>
    <div className="space-y-5">
      <div>
        <Link href="/cases" className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
          ← All cases
        </Link>
        <div className="mt-2 flex flex-wrap items-center gap-3">
          <h1 className="font-mono text-2xl font-semibold text-slate-900">{complaint.reference}</h1>
          <StatusBadge status={complaint.status} />
          {complaint.severity ? <SeverityBadge severity={complaint.severity} /> : null}
        </div>
        <p className="mt-1 text-sm text-slate-600">
          {customer.erasedAt ? "Erased customer" : customer.name} · {detail.processName ?? "Process not set"} ·{" "}
          {detail.assignee ? `Assigned to ${detail.assignee.name}` : "Unassigned"}
        </p>
        {complaint.anonymizedAt && !customer.erasedAt ? (
          <p className="mt-1 text-sm text-slate-700">Personal data removed from this case on {formatDate(complaint.anonymizedAt, timeZone)} (retention period).</p>
        ) : null}
      </div>

      {addressedBy.length > 0 ? (
        <Alert tone="warning" title="This may be a recurrence">
          <ul className="space-y-1">
            {addressedBy.map((a) => (
              <li key={a.id}>
                This cause was addressed by{" "}
                {hasRole(viewer.role, "supervisor") ? (
                  <Link href={`/improvements/${a.id}`} className="font-medium underline">
                    “{a.title}”
                  </Link>
                ) : (
                  <strong>“{a.title}”</strong>
                )}{" "}
                on {formatDate(a.doneAt, timeZone)}; this complaint came after it.
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}

      <div className="grid grid-cols-1 gap-5 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="min-w-0 space-y-5">
          <Card title="The complaint, as filed">
            <ComplaintAsFiled complaint={complaint} timeZone={timeZone} />
          </Card>

          <CaseComposer complaint={complaint} viewer={viewer} timeZone={timeZone} />
          <ResolutionPanel complaint={complaint} viewer={viewer} timeZone={timeZone} />

          <Card title={`Attachments (${attachments.length})`}>
            {attachments.length === 0 ? (
              <p className="text-sm text-slate-600">The customer did not attach any files.</p>
            ) : (
              <ul className="divide-y divide-slate-200">
                {attachments.map((file) => (
                  <li key={file.id} className="flex flex-wrap items-baseline justify-between gap-2 py-2 text-sm">
                    <a
                      href={`/cases/${complaint.reference}/attachments/${file.id}`}
                      className="break-all font-medium text-brand-700 underline underline-offset-2"
                    >
                      {file.fileName}
                    </a>
                    <span className="text-slate-600">
                      {file.contentType} · {formatBytes(file.sizeBytes)}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </Card>

          <Card title="Timeline">
            <Timeline
              events={timeline}
              reference={complaint.reference}
              timeZone={timeZone}
              approve={hasRole(viewer.role, "supervisor") && complaint.status !== "closed" ? { complaintId: complaint.id, version: complaint.version } : undefined}
            />
          </Card>
        </div>

        <aside className="space-y-5" aria-label="Case details">
          <DecisionPanel complaint={complaint} viewer={viewer} timeZone={timeZone} />
          <Card title="Case">
            <dl className="space-y-3 text-sm">
              <div>
                <dt className="text-xs font-medium uppercase tracking-wide text-slate-600">Status</dt>
                <dd className="mt-0.5">
                  <StatusBadge status={complaint.status} />
                </dd>
              </div>
              <div>
                <dt className="text-xs font-medium uppercase tracking-wide text-slate-600">Severity</dt>
                <dd className="mt-0.5">
                  {complaint.severity ? <SeverityBadge severity={complaint.severity} /> : <span className="text-slate-600">Not assessed</span>}
                </dd>
              </div>
              <div>
                <dt className="text-xs font-medium uppercase tracking-wide text-slate-600">Assignee</dt>
                <dd className="text-slate-900">{detail.assignee?.name ?? <span className="text-slate-600">Unassigned</span>}</dd>
              </div>
              <div>
                <dt className="text-xs font-medium uppercase tracking-wide text-slate-600">Process</dt>
                <dd className="text-slate-900">{detail.processName ?? <span className="text-slate-600">Not set</span>}</dd>
              </div>
            </dl>
          </Card>
          <CustomerPanel customer={customer} reference={complaint.reference} viewerRole={viewer.role} timeZone={timeZone} />
        </aside>
      </div>
    </div>
    </CaseAnnouncer>
  );
}
