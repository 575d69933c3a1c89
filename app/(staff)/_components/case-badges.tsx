import { Badge, type BadgeTone } from "@/components/ui";
import type { CASE_STATUSES, SEVERITIES } from "@/db/schema/enums";

type CaseStatus = (typeof CASE_STATUSES)[number];
type Severity = (typeof SEVERITIES)[number];

export const STATUS_LABELS: Record<CaseStatus, string> = {
  new: "New",
  acknowledged: "Acknowledged",
  investigating: "Investigating",
  resolution_proposed: "Resolution proposed",
  awaiting_customer: "Awaiting customer",
  resolved: "Resolved",
  follow_up_due: "Follow-up due",
  closed: "Closed",
};

const STATUS_TONES: Record<CaseStatus, BadgeTone> = {
  new: "info",
  acknowledged: "brand",
  investigating: "brand",
  resolution_proposed: "warning",
  awaiting_customer: "warning",
  resolved: "success",
  follow_up_due: "warning",
  closed: "neutral",
};

export const SEVERITY_LABELS: Record<Severity, string> = { low: "Low", medium: "Medium", high: "High", critical: "Critical" };
const SEVERITY_TONES: Record<Severity, BadgeTone> = { low: "neutral", medium: "info", high: "warning", critical: "danger" };

export function StatusBadge({ status }: { status: CaseStatus }) {
  return <Badge tone={STATUS_TONES[status]}>{STATUS_LABELS[status]}</Badge>;
}

/** The word "severity" is part of the text so colour is never the only signal. */
export function SeverityBadge({ severity }: { severity: Severity }) {
  return <Badge tone={SEVERITY_TONES[severity]}>{SEVERITY_LABELS[severity]} severity</Badge>;
}
