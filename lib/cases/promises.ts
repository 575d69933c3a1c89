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

/**
 * Whole calendar days from the local date of `from` to the local date of `to` in `timeZone`
 * (negative when `to` is on an earlier day). Local dates come from Intl, so daylight-saving
 * changes are handled by the platform's time-zone data; only date arithmetic happens here.
 */
export function calendarDaysBetween(from: Date, to: Date, timeZone: string): number {
  return localDayNumber(to, timeZone) - localDayNumber(from, timeZone);
}

/** The local calendar date of an instant, as "YYYY-MM-DD". */
export function localDate(instant: Date, timeZone: string): string {
  const { year, month, day } = localParts(instant, timeZone);
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function localParts(instant: Date, timeZone: string): { year: number; month: number; day: number } {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // Throws RangeError for an unknown zone, which is what callers should see.
    formatter = new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "numeric", day: "numeric" });
    formatters.set(timeZone, formatter);
  }
  const parts = formatter.formatToParts(instant);
  const value = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return { year: value("year"), month: value("month"), day: value("day") };
}

/** Days since 1970-01-01 of a local calendar date (a date label, not an instant). */
function localDayNumber(instant: Date, timeZone: string): number {
  const { year, month, day } = localParts(instant, timeZone);
  return Date.UTC(year, month - 1, day) / 86_400_000;
}

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? "" : "s"}`;
}
