import { Badge, type BadgeTone } from "@/components/ui";
import type { CASE_STATUSES, SEVERITIES } from "@/db/schema/enums";
import { SEVERITY_LABELS, STATUS_LABELS } from "@/lib/labels";

type CaseStatus = (typeof CASE_STATUSES)[number];
type Severity = (typeof SEVERITIES)[number];

const STATUS_TONES: Record<CaseStatus, BadgeTone> = {
  new: "info",
  acknowledged: "brand",
  investigating: "brand",
  resolution_proposed: "warning",
  awaiting_customer: "warning",
  carrying_out: "brand",
  resolved: "success",
  follow_up_due: "warning",
  closed: "neutral",
};

const SEVERITY_TONES: Record<Severity, BadgeTone> = { low: "neutral", medium: "info", high: "warning", critical: "danger" };

export function StatusBadge({ status }: { status: CaseStatus }) {
  return <Badge tone={STATUS_TONES[status]}>{STATUS_LABELS[status]}</Badge>;
}

/** The word "severity" is part of the text so colour is never the only signal. */
export function SeverityBadge({ severity }: { severity: Severity }) {
  return <Badge tone={SEVERITY_TONES[severity]}>{SEVERITY_LABELS[severity]} severity</Badge>;
}
