import { localDate } from "@/lib/cases/promises";

/**
 * Local calendar days in the business's time zone as instants, for SQL ranges. Offsets come from
 * Intl (the platform's time-zone data), so days of 23 or 25 hours and zones whose midnight is
 * skipped by a daylight-saving change come out right. Pure: unit-tested across zones and DST.
 */

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/** How far the zone's wall clock is ahead of UTC at this instant, in milliseconds. */
export function zoneOffsetMs(instant: Date, timeZone: string): number {
  let formatter = offsetFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    offsetFormatters.set(timeZone, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(instant).map((p) => [p.type, p.value]));
  const wall = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return wall - Math.floor(instant.getTime() / 1000) * 1000;
}

/** The first instant of a local calendar date ("YYYY-MM-DD") in the zone. */
export function startOfLocalDate(date: string, timeZone: string): Date {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const wallMidnight = Date.UTC(y, m - 1, d);
  // Try the offsets in force a day either side: one of them gives midnight (or, where midnight is
  // skipped, the first instant of the day). Keep the earliest candidate that falls on the date.
  const candidates = [-1, 1]
    .map((side) => wallMidnight - zoneOffsetMs(new Date(wallMidnight + side * 86_400_000), timeZone))
    .filter((t) => localDate(new Date(t), timeZone) === date);
  if (candidates.length === 0) throw new RangeError(`Cannot find the start of ${date} in ${timeZone}`);
  return new Date(Math.min(...candidates));
}

/** The local date of `instant`, moved by whole calendar days. */
export function addLocalDays(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** [start of today, start of tomorrow) in the zone, as instants. */
export function localDayRange(now: Date, timeZone: string): { today: string; start: Date; end: Date } {
  const today = localDate(now, timeZone);
  return { today, start: startOfLocalDate(today, timeZone), end: startOfLocalDate(addLocalDays(today, 1), timeZone) };
}

/** The hour (0–23) on the zone's wall clock. */
export function localHour(instant: Date, timeZone: string): number {
  return new Date(instant.getTime() + zoneOffsetMs(instant, timeZone)).getUTCHours();
}

export type DueWhen = "overdue" | "today" | "later";

/** Whether something due at `dueAt` is overdue, due later today (local calendar), or later. */
export function dueWhen(dueAt: Date, now: Date, timeZone: string): DueWhen {
  if (dueAt.getTime() < now.getTime()) return "overdue";
  return dueAt.getTime() < localDayRange(now, timeZone).end.getTime() ? "today" : "later";
}
