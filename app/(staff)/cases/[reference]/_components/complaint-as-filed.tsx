import type { Complaint } from "@/db/schema";
import { formatCalendarDate, formatDateTime } from "@/lib/format/dates";
import { CHANNEL_LABELS } from "@/lib/labels";

function Fact({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-600">{term}</dt>
      <dd className="mt-0.5 text-sm text-slate-900">{children}</dd>
    </div>
  );
}

/** The complaint in the customer's own words, exactly as filed. It is never edited. */
export function ComplaintAsFiled({ complaint, timeZone }: { complaint: Complaint; timeZone: string }) {
  return (
    <div className="space-y-4">
      <div>
        <h3 className="text-sm font-semibold text-slate-700">What went wrong</h3>
        <blockquote className="mt-1 whitespace-pre-wrap break-words border-l-4 border-slate-300 pl-3 text-slate-900">
          {complaint.description}
        </blockquote>
      </div>
      <div>
        <h3 className="text-sm font-semibold text-slate-700">What would put it right</h3>
        {complaint.desiredOutcome ? (
          <blockquote className="mt-1 whitespace-pre-wrap break-words border-l-4 border-slate-300 pl-3 text-slate-900">
            {complaint.desiredOutcome}
          </blockquote>
        ) : (
          <p className="mt-1 text-sm text-slate-600">The customer did not say.</p>
        )}
      </div>
      <dl className="grid grid-cols-1 gap-3 border-t border-slate-200 pt-4 sm:grid-cols-2">
        <Fact term="Received">{formatDateTime(complaint.receivedAt, timeZone)}</Fact>
        <Fact term="Channel">{CHANNEL_LABELS[complaint.channel]}</Fact>
        <Fact term="When it happened">{complaint.occurredOn ? formatCalendarDate(complaint.occurredOn) : "Not given"}</Fact>
        <Fact term="Order reference">
          {complaint.orderReference ? <span className="font-mono">{complaint.orderReference}</span> : "Not given"}
        </Fact>
        {complaint.externalId ? (
          <Fact term="Imported from">
            <span className="font-mono">{complaint.externalId}</span>
          </Fact>
        ) : null}
      </dl>
    </div>
  );
}
