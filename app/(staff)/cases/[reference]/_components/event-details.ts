import type { CaseTimelineEvent } from "@/lib/cases/detail";
import { SEVERITY_LABELS, STATUS_LABELS } from "@/lib/labels";

const JUDGEMENTS: Record<string, string> = { reasonable: "Reasonable request", partly: "Partly reasonable request", unreasonable: "Unreasonable request" };
const FAULTS: Record<string, string> = { service: "Service", customer: "Customer", external: "External", undetermined: "Undetermined" };

const str = (value: unknown): string | null => (typeof value === "string" && value.trim() ? value : null);
const labelFrom = (labels: Record<string, string>, value: unknown) => {
  const key = str(value);
  return key && key in labels ? labels[key]! : null;
};

/**
 * The structured part of an event (its `data`), as short lines of text. Events store their
 * details as JSON; unknown or missing keys are skipped, so older events never break the page.
 */
export function eventDetails(event: Pick<CaseTimelineEvent, "type" | "data">): { lines: string[]; items: string[] } {
  const data = event.data ?? {};
  const lines: Array<string | null> = [];
  let items: string[] = [];
  switch (event.type) {
    case "status_changed": {
      const from = labelFrom(STATUS_LABELS, data.from);
      const to = labelFrom(STATUS_LABELS, data.to);
      if (to) lines.push(from ? `${from} → ${to}` : to);
      break;
    }
    case "assessed": {
      const severity = labelFrom(SEVERITY_LABELS, data.severity);
      if (severity) lines.push(`Severity: ${severity}`);
      break;
    }
    case "assigned":
      if (str(data.assigneeName)) lines.push(`Assigned to ${str(data.assigneeName)}`);
      break;
    case "call_logged": {
      const direction = data.direction === "inbound" ? "Inbound call" : data.direction === "outbound" ? "Outbound call" : null;
      const minutes = typeof data.durationMinutes === "number" ? `${data.durationMinutes} min` : null;
      if (direction || minutes) lines.push([direction, minutes].filter(Boolean).join(", "));
      break;
    }
    case "restated":
      items = Array.isArray(data.issues) ? data.issues.filter((i): i is string => typeof i === "string") : [];
      break;
    case "request_judged":
      lines.push(labelFrom(JUDGEMENTS, data.judgement));
      break;
    case "root_cause_set": {
      const parts = [
        str(data.rootCause) && `Root cause: ${str(data.rootCause)}`,
        str(data.process) && `Process: ${str(data.process)}`,
        labelFrom(FAULTS, data.faultAttribution) && `Fault: ${labelFrom(FAULTS, data.faultAttribution)}`,
      ];
      lines.push(parts.filter(Boolean).join(" · ") || null);
      break;
    }
    case "fault_confirmed":
      if (labelFrom(FAULTS, data.faultAttribution)) lines.push(`Fault: ${labelFrom(FAULTS, data.faultAttribution)}`);
      break;
    case "fault_changed":
      if (labelFrom(FAULTS, data.to)) lines.push(`Fault: ${labelFrom(FAULTS, data.from) ?? "?"} → ${labelFrom(FAULTS, data.to)} (confirmed)`);
      break;
    case "fault_rejected":
      if (labelFrom(FAULTS, data.from)) lines.push(`Rejected: ${labelFrom(FAULTS, data.from)}. To be set again.`);
      break;
    case "satisfaction_rated":
      if (typeof data.rating === "number") lines.push(`Rated ${data.rating} out of 5`);
      break;
  }
  return { lines: lines.filter((l): l is string => Boolean(l)), items };
}
