import { calendarDaysBetween } from "@/lib/time/zone";

/** The two facts about a promise that decide its state (a subset of the promises row). */
export interface PromiseDue {
  dueAt: Date;
  keptAt: Date | null;
}

export type PromiseState = "kept" | "broken" | "due_today" | "due_soon" | "open";

/** Promises due within this many calendar days (after today) count as "due soon". */
export const DUE_SOON_DAYS = 2;

export const PROMISE_STATE_LABELS: Record<PromiseState, string> = {
  kept: "Kept",
  broken: "Broken",
  due_today: "Due today",
  due_soon: "Due soon",
  open: "Open",
};

/**
 * Where a promise stands. Broken means its due time has passed and it was not kept; "today" and
 * "soon" are judged on the calendar of the business's time zone, because that is the calendar the
 * customer was given ("by Friday").
 */
export function promiseState(promise: PromiseDue, now: Date, timeZone: string): PromiseState {
  if (promise.keptAt) return "kept";
  if (now.getTime() > promise.dueAt.getTime()) return "broken";
  const days = calendarDaysBetween(now, promise.dueAt, timeZone);
  if (days <= 0) return "due_today";
  if (days <= DUE_SOON_DAYS) return "due_soon";
  return "open";
}

/**
 * A short phrase for a list row: "due today", "due tomorrow", "due in 3 days", "2 days overdue",
 * "1 day overdue", "3 hours overdue" (past its time but still the same local day), "kept".
 */
export function describeDue(promise: PromiseDue, now: Date, timeZone: string): string {
  if (promise.keptAt) return "kept";
  const days = calendarDaysBetween(now, promise.dueAt, timeZone);
  if (now.getTime() > promise.dueAt.getTime()) {
    if (days < 0) return `${plural(-days, "day")} overdue`;
    const hours = Math.floor((now.getTime() - promise.dueAt.getTime()) / 3_600_000);
    return hours < 1 ? "just overdue" : `${plural(hours, "hour")} overdue`;
  }
  if (days <= 0) return "due today";
  if (days === 1) return "due tomorrow";
  return `due in ${days} days`;
}

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? "" : "s"}`;
}
