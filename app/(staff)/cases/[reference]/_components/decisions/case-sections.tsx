import type { Complaint } from "@/db/schema";
import { SEVERITIES } from "@/db/schema/enums";
import type { StaffUserSession } from "@/lib/auth/session";
import { allowedTransitions, isReopen, transitionError, transitionLabel } from "@/lib/cases/state-machine";
import { JUDGEMENT_LABELS, SEVERITY_LABELS, STATUS_LABELS } from "@/lib/labels";
import { resolutionDueAt } from "@/lib/cases/targets";
import { formatDateTime } from "@/lib/format/dates";
import { AssessmentForm } from "./assessment-form";
import { AssignForms } from "./assign-form";
import { JudgeForm } from "./judge-form";
import type { DecisionData } from "@/lib/cases/workspace";
import { Section } from "./section";
import { StatusForm } from "./status-form";

type Props = { complaint: Complaint; viewer: StaffUserSession; timeZone: string; data: DecisionData };


export function StatusSection({ complaint, data }: Props) {
  const facts = { ...complaint, followUpCompleted: (data.handling.counts.follow_up_done ?? 0) > 0 };
  const options = allowedTransitions(complaint.status).map((to) => ({
    to,
    label: transitionLabel(complaint.status, to),
    reopen: isReopen(complaint.status, to),
    blockedBecause: transitionError(complaint.status, to, facts),
  }));
  return (
    <Section title="Status" status={STATUS_LABELS[complaint.status]} open testId="decision-status">
      <StatusForm
        complaintId={complaint.id}
        version={complaint.version}
        options={options}
        closingWithoutFollowUp={!facts.followUpCompleted && options.some((o) => o.to === "closed" && !o.blockedBecause)}
      />
    </Section>
  );
}

export function AssessmentSection({ complaint, timeZone, data }: Props) {
  const { bySeverity } = data.targets;
  const options = SEVERITIES.map((s) => ({
    value: s,
    label: `${SEVERITY_LABELS[s]} · reply ${bySeverity[s]?.firstResponseHours ?? "?"} h · resolve ${bySeverity[s]?.resolutionDays ?? "?"} d`,
  }));
  const target = complaint.severity ? bySeverity[complaint.severity] : undefined;
  const resolveBy = resolutionDueAt({ receivedAt: complaint.receivedAt, severity: complaint.severity, history: [] }, data.targets, new Date());
  return (
    <Section title="Assessment" status={complaint.severity ? `${SEVERITY_LABELS[complaint.severity]} severity` : "Not assessed"} testId="decision-assessment">
      <dl className="space-y-1 text-sm">
        <div>
          <dt className="inline text-slate-600">{complaint.firstResponseAt ? "First response: " : "First response due: "}</dt>
          <dd className="inline text-slate-900">
            {complaint.firstResponseAt
              ? formatDateTime(complaint.firstResponseAt, timeZone)
              : complaint.firstResponseDueAt
                ? formatDateTime(complaint.firstResponseDueAt, timeZone)
                : "no deadline yet"}
          </dd>
        </div>
        <div>
          <dt className="inline text-slate-600">Resolution target: </dt>
          <dd className="inline text-slate-900">
            {target && resolveBy ? `${target.resolutionDays} days, by ${formatDateTime(resolveBy, timeZone)}` : "set by the severity"}
          </dd>
        </div>
      </dl>
      <AssessmentForm complaintId={complaint.id} version={complaint.version} severity={complaint.severity} options={options} />
      <p className="text-xs text-slate-600">Assessing does not acknowledge the case; use Status for that.</p>
    </Section>
  );
}

export function AssignSection({ complaint, viewer, data }: Props) {
  const assignee = complaint.assigneeId ? { id: complaint.assigneeId, name: data.names.get(complaint.assigneeId) ?? "A former colleague" } : null;
  const staff = data.staff.filter((s) => s.active).map((s) => ({ value: s.id, label: s.id === viewer.id ? `${s.name} (you)` : s.name }));
  return (
    <Section
      title="Assignee"
      status={assignee ? (assignee.id === viewer.id ? "You" : assignee.name) : "Unassigned"}
      open={!complaint.assigneeId}
      testId="decision-assign"
    >
      <AssignForms complaintId={complaint.id} version={complaint.version} viewerId={viewer.id} assignee={assignee} staff={staff} />
    </Section>
  );
}

export function JudgeSection({ complaint }: Props) {
  return (
    <Section title="Request judged" status={complaint.requestJudgement ? JUDGEMENT_LABELS[complaint.requestJudgement] : "Not yet"} testId="decision-judge">
      <JudgeForm complaintId={complaint.id} version={complaint.version} judgement={complaint.requestJudgement} reason={complaint.requestJudgementReason} />
    </Section>
  );
}
