import { describeDue } from "@/lib/cases/promises";
import { calendarDaysBetween } from "@/lib/time/zone";
import type { DueItem } from "./due";

/** The words for one due item, shared by the What's due page and the digest email. */
export const DUE_KIND_LABELS: Record<DueItem["kind"], string> = {
  promise: "Promise",
  follow_up: "Follow-up",
  first_response: "First response",
  customer_waiting: "Customer waiting",
  call_to_confirm: "Call to confirm",
};

/** "overdue by 2 days", "due today", "since 3 hours" … in the business's calendar. */
export function whenPhrase(item: Pick<DueItem, "kind" | "at" | "overdue">, now: Date, timeZone: string): string {
  if (item.kind === "customer_waiting") return now.getTime() - item.at.getTime() < 60_000 ? "wrote just now" : `waiting for ${sinceWords(item.at, now)}`;
  // A day's task: due on its day (a follow-up's, or the day a call-to-confirm complaint was taken down).
  if (item.kind === "follow_up" || item.kind === "call_to_confirm") {
    const days = -calendarDaysBetween(now, item.at, timeZone);
    return days > 0 ? `${days} day${days === 1 ? "" : "s"} overdue` : "due today";
  }
  if (item.kind === "first_response") return `target passed ${sinceWords(item.at, now)} ago`;
  return describeDue({ dueAt: item.at, keptAt: null }, now, timeZone);
}

export function describeDueItem(item: DueItem, now: Date, timeZone: string): string {
  return `${item.reference} (${item.customerName}): ${DUE_KIND_LABELS[item.kind]}, ${whenPhrase(item, now, timeZone)}: ${item.detail}`;
}

function sinceWords(at: Date, now: Date): string {
  const minutes = Math.max(0, Math.floor((now.getTime() - at.getTime()) / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h`;
  return `${Math.floor(hours / 24)} days`;
}
