import { Badge } from "@/components/ui";
import type { Complaint } from "@/db/schema";
import { formatDateTime } from "@/lib/format/dates";
import { AgreementForm, SatisfactionForm } from "./answer-forms";
import { Block, Disclosure } from "./block";
import { RATING_LABELS } from "./labels";
import type { AnswerRecord } from "@/lib/cases/workspace";

const ANSWERABLE = new Set<Complaint["status"]>(["resolution_proposed", "awaiting_customer", "resolved", "follow_up_due"]);

/** Whether the customer agreed and how satisfied they are, and who heard it. */
export function AnswerBlock({ complaint, agreement, rating, timeZone }: { complaint: Complaint; agreement: AnswerRecord | null; rating: AnswerRecord | null; timeZone: string }) {
  const hasPlan = Boolean(complaint.resolutionType);
  const status =
    complaint.customerAgreement === "agreed" ? (
      <Badge tone="success">Agreed</Badge>
    ) : complaint.customerAgreement === "disagreed" ? (
      <Badge tone="danger">Disagreed</Badge>
    ) : complaint.status === "awaiting_customer" ? (
      <Badge tone="warning">Waiting for their answer</Badge>
    ) : (
      "No answer yet"
    );
  return (
    <Block title="Customer's answer" testId="customer-answer" status={status}>
      <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[8rem_minmax(0,1fr)]">
        {agreement ? (
          <>
            <dt className="text-slate-600">Agreement</dt>
            <dd className="text-slate-900">
              {agreement.type === "customer_agreed" ? "Agreed" : "Disagreed"} — recorded by {agreement.by}, {formatDateTime(agreement.at, timeZone)}
            </dd>
          </>
        ) : null}
        {complaint.satisfaction ? (
          <>
            <dt className="text-slate-600">Satisfaction</dt>
            <dd className="text-slate-900">
              {RATING_LABELS[complaint.satisfaction]}
              {complaint.satisfactionComment ? <span className="block break-words text-slate-700">“{complaint.satisfactionComment}”</span> : null}
              {rating ? <span className="block text-xs text-slate-600">Recorded by {rating.by}</span> : null}
            </dd>
          </>
        ) : null}
      </dl>
      {!hasPlan ? <p className="text-xs text-slate-600">Record a resolution plan first; the customer answers a proposed plan.</p> : null}
      {hasPlan && ANSWERABLE.has(complaint.status) ? (
        <Disclosure label="Record their answer (after a call)">
          <AgreementForm complaintId={complaint.id} version={complaint.version} />
        </Disclosure>
      ) : null}
      {hasPlan && complaint.status !== "closed" ? (
        <Disclosure label="Record their satisfaction">
          <SatisfactionForm complaintId={complaint.id} version={complaint.version} />
        </Disclosure>
      ) : null}
    </Block>
  );
}
