import type { CaseTimelineEvent } from "@/lib/cases/detail";
import { STATUS_LABELS, TAKEN_DOWN_WORDS } from "@/lib/labels";
import { EVENT_LABELS } from "./labels";

const statusLabel = (value: unknown) => (typeof value === "string" && value in STATUS_LABELS ? STATUS_LABELS[value as keyof typeof STATUS_LABELS] : null);

/** The heading of one timeline entry. */
export function headline(event: CaseTimelineEvent): string {
  if (event.type === "status_changed" || event.type === "reopened") {
    const from = statusLabel(event.data?.from);
    const to = statusLabel(event.data?.to);
    if (to) return `${event.type === "reopened" ? "Reopened" : "Status"}: ${from ? `${from} → ${to}` : to}`;
  }
  if (event.type === "filed" && event.data?.takenDown === true) {
    const how = TAKEN_DOWN_WORDS[event.data.channel as keyof typeof TAKEN_DOWN_WORDS];
    return `Complaint taken down by ${event.actorName ?? "a former staff member"}${how ? ` ${how}` : ""}`;
  }
  if (event.type === "filed" && event.data?.channel === "email" && event.actorKind === "customer") return "Complaint received by email";
  if (event.type === "message" && event.data?.kind === "call_summary") return "Call summary sent to customer";
  if (event.type === "call_logged") {
    if (event.data?.direction === "inbound") return "Call from the customer";
    if (event.data?.direction === "outbound") return "Call to the customer";
  }
  return EVENT_LABELS[event.type];
}
