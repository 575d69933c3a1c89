import { Alert } from "@/components/ui";
import type { Complaint } from "@/db/schema";
import { FAULT_ATTRIBUTIONS } from "@/db/schema/enums";
import { hasRole } from "@/lib/auth/roles";
import type { StaffUserSession } from "@/lib/auth/session";
import { FAULT_LABELS } from "@/lib/settings/labels";
import { formatDateTime } from "@/lib/format/dates";
import { DebriefForm } from "./debrief-form";
import { DebriefList } from "./debrief-list";
import { DeEscalateForm, EscalateForm } from "./escalation-forms";
import { ConfirmFaultForm } from "./fault-form";
import { FaultReviewForm } from "./fault-review-form";
import { isOpen } from "@/lib/cases/state-machine";
import type { DecisionData, FaultReview } from "@/lib/cases/workspace";
import { RootCauseForm } from "./root-cause-form";
import { Section } from "./section";

type Props = { complaint: Complaint; viewer: StaffUserSession; timeZone: string; data: DecisionData };

const FAULT_OPTIONS = FAULT_ATTRIBUTIONS.map((f) => ({ value: f, label: FAULT_LABELS[f] }));

export function RootCauseSection({ complaint, data }: Props) {
  const cause = data.rootCauses.find((c) => c.value === complaint.rootCauseId);
  const staff = data.staff.map((s) => ({ value: s.id, label: s.active ? s.name : `${s.name} (inactive)` }));
  return (
    <Section title="Root cause" status={cause?.label ?? "Not set"} testId="decision-root-cause">
      <RootCauseForm
        complaintId={complaint.id}
        version={complaint.version}
        current={{
          processId: complaint.processId,
          rootCauseId: complaint.rootCauseId,
          faultAttribution: complaint.faultAttribution,
          responsibleStaffId: complaint.responsibleStaffId,
        }}
        faultConfirmed={complaint.faultConfirmedAt !== null}
        processes={data.processes}
        rootCauses={data.rootCauses}
        faults={FAULT_OPTIONS}
        staff={staff}
      />
    </Section>
  );
}

export function FaultSection({ complaint, viewer, timeZone, data }: Props) {
  const fault = complaint.faultAttribution;
  const confirmedBy = complaint.faultConfirmedById ? (data.names.get(complaint.faultConfirmedById) ?? "a former colleague") : null;
  const review = data.faultReview;
  const rejected = !fault && review?.type === "fault_rejected";
  const status = complaint.faultConfirmedAt ? "Confirmed" : fault ? "Not confirmed" : rejected ? "Rejected" : "No fault set";
  const supervisor = hasRole(viewer.role, "supervisor");
  return (
    <Section title="Fault confirmation" status={status} testId="decision-fault">
      {review && (rejected || (review.type === "fault_changed" && fault)) ? <FaultReviewNote review={review} timeZone={timeZone} /> : null}
      {complaint.faultConfirmedAt ? (
        <p className="text-sm text-slate-800">
          {FAULT_LABELS[fault!]} confirmed by {confirmedBy} on {formatDateTime(complaint.faultConfirmedAt, timeZone)}.
        </p>
      ) : !fault ? (
        <p className="text-sm text-slate-600">Set the fault under Root cause first.</p>
      ) : hasRole(viewer.role, "supervisor") ? (
        <>
          <p className="text-sm text-slate-700">
            Confirming lets staff acknowledge the fault to the customer. Current attribution: <strong>{FAULT_LABELS[fault]}</strong>.
          </p>
          <ConfirmFaultForm complaintId={complaint.id} version={complaint.version} faultLabel={FAULT_LABELS[fault]} />
        </>
      ) : (
        <p className="text-sm text-slate-600">
          {FAULT_LABELS[fault]}, not confirmed yet. A supervisor confirms the fault before anyone admits it to the customer; escalate if
          you need one.
        </p>
      )}
      {(fault || rejected) && supervisor && complaint.status !== "closed" ? (
        <FaultReviewForm complaintId={complaint.id} version={complaint.version} current={fault} faults={FAULT_OPTIONS} canReject={isOpen(complaint.status)} />
      ) : null}
    </Section>
  );
}

/** What a supervisor last decided about the attribution, and why. */
function FaultReviewNote({ review, timeZone }: { review: FaultReview; timeZone: string }) {
  const from = review.from && review.from in FAULT_LABELS ? FAULT_LABELS[review.from as keyof typeof FAULT_LABELS] : "the earlier attribution";
  return (
    <div className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-800" data-testid="fault-review">
      <p className="font-medium">
        {review.type === "fault_rejected" ? `${review.by} rejected “${from}”` : `${review.by} changed it from “${from}”`} on {formatDateTime(review.at, timeZone)}.
      </p>
      {review.reason ? <p className="mt-0.5 whitespace-pre-wrap break-words">Reason: {review.reason}</p> : null}
      {review.type === "fault_rejected" ? <p className="mt-0.5 text-xs text-slate-600">Set the fault again under Root cause.</p> : null}
    </div>
  );
}

export function EscalationSection({ complaint, viewer, timeZone, data }: Props) {
  const supervisors = data.staff.filter((s) => s.active && hasRole(s.role, "supervisor")).map((s) => ({ value: s.id, label: s.name }));
  return (
    <Section title="Escalation" status={complaint.escalatedAt ? "Escalated" : "Not escalated"} testId="decision-escalation">
      {complaint.escalatedAt ? (
        <>
          <Alert tone="warning" title={`Escalated ${formatDateTime(complaint.escalatedAt, timeZone)}`}>
            {complaint.escalationReason}
          </Alert>
          {hasRole(viewer.role, "supervisor") ? (
            <DeEscalateForm complaintId={complaint.id} version={complaint.version} />
          ) : (
            <p className="text-sm text-slate-600">A supervisor ends the escalation.</p>
          )}
        </>
      ) : complaint.status === "closed" ? (
        <p className="text-sm text-slate-600">Reopen the case to escalate it.</p>
      ) : (
        <EscalateForm complaintId={complaint.id} version={complaint.version} supervisors={supervisors} />
      )}
    </Section>
  );
}

export function DebriefSection({ complaint, viewer, timeZone, data }: Props) {
  const seesAll = hasRole(viewer.role, "supervisor");
  return (
    <Section title="Debriefs" status={data.debriefs.length > 0 ? `${data.debriefs.length}` : undefined} testId="decision-debriefs">
      <p className="text-xs text-slate-600">
        Private: only the author and supervisors read debriefs. Never shown to the customer, never exported.
        {seesAll ? "" : " You see your own."}
      </p>
      <DebriefList debriefs={data.debriefs} viewerId={viewer.id} timeZone={timeZone} />
      <DebriefForm complaintId={complaint.id} />
    </Section>
  );
}
