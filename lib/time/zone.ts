import { TZDate, tzOffset } from "@date-fns/tz";
import { addDays as addDaysTo, addMonths as addMonthsTo, differenceInCalendarDays, format } from "date-fns";

/**
 * The one place for time: instants, the business's time zone, and calendar dates ("2026-03-29",
 * a date label with no zone). Zone offsets come from `@date-fns/tz` (the platform's time-zone data
 * through Intl), so days of 23 or 25 hours, times skipped or repeated by a clock change and zones
 * whose midnight is skipped come out right without hand-written rules. Pure and unit-tested.
 */

/** A calendar date, "YYYY-MM-DD". */
export type CalendarDate = string;

/** The end of a local day, used when a promise or follow-up names a date but no time. */
export const END_OF_DAY = "23:59";

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Whether the runtime knows this IANA zone name. */
export function isTimeZone(timeZone: string): boolean {
  return !Number.isNaN(tzOffset(timeZone, new Date(0)));
}

/** The business's time zone until its owner sets one (the settings column's default, migration 0000). */
export const DEFAULT_TIME_ZONE = "Europe/London";

/**
 * The zone to reckon the business's days in, from what its settings hold: the stored zone, or
 * the default when there is no settings row or it names a zone this runtime does not know (the
 * settings form refuses unknown zones, but a row edited by hand or a runtime with older zone
 * data must not stop every page). Every reader of the business's zone goes through this.
 */
export function businessTimeZoneOf(stored: string | null | undefined): string {
  return stored && isTimeZone(stored) ? stored : DEFAULT_TIME_ZONE;
}

/** Minutes the zone is ahead of UTC at `instant` (60 for London in summer, -300 for New York in winter). */
export function utcOffsetMinutes(instant: Date, timeZone: string): number {
  const offset = tzOffset(timeZone, instant);
  if (Number.isNaN(offset)) throw new RangeError(`Unknown time zone: ${timeZone}`);
  return offset;
}

/** `instant` on the zone's wall clock; throws RangeError for a zone the runtime does not know. */
function zoned(instant: Date, timeZone: string): TZDate {
  utcOffsetMinutes(instant, timeZone);
  return new TZDate(instant, timeZone);
}

/** The local calendar date of an instant in `timeZone`. */
export function localDate(instant: Date, timeZone: string): CalendarDate {
  return format(zoned(instant, timeZone), "yyyy-MM-dd");
}

/** The local date and time ("2026-03-29", "10:00") of an instant in `timeZone`. */
export function instantToLocal(instant: Date, timeZone: string): { date: CalendarDate; time: string } {
  const local = zoned(instant, timeZone);
  return { date: format(local, "yyyy-MM-dd"), time: format(local, "HH:mm") };
}

/** The hour (0–23) on the zone's wall clock. */
export function localHour(instant: Date, timeZone: string): number {
  return zoned(instant, timeZone).getHours();
}

/**
 * Whole calendar days from the local date of `from` to the local date of `to` in `timeZone`
 * (negative when `to` is on an earlier day).
 */
export function calendarDaysBetween(from: Date, to: Date, timeZone: string): number {
  return daysBetween(localDate(from, timeZone), localDate(to, timeZone));
}

export type LocalDateTimeResult = { ok: true; instant: Date } | { ok: false; message: string };

/**
 * The instant of a local wall-clock time in `timeZone`. Refuses dates that do not exist
 * ("2026-02-30") and times skipped when clocks go forward. When clocks go back and a time occurs
 * twice, the first occurrence is used (the earlier deadline is the safer one to promise).
 */
export function localDateTimeToInstant(date: string, time: string, timeZone: string): LocalDateTimeResult {
  const d = DATE_RE.exec(date);
  if (!d) return { ok: false, message: "Enter a date as YYYY-MM-DD." };
  const t = TIME_RE.exec(time);
  if (!t) return { ok: false, message: "Enter a time as HH:MM (24-hour clock)." };
  const [year, month, day, hour, minute] = [Number(d[1]), Number(d[2]), Number(d[3]), Number(t[1]), Number(t[2])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    return { ok: false, message: "That date does not exist." };
  }
  const instant = instantsAtWallTime(Date.UTC(year, month - 1, day, hour, minute), timeZone)[0];
  if (instant === undefined) {
    return { ok: false, message: `${time} does not exist on ${date} in ${timeZone}: the clocks go forward then. Choose a later time.` };
  }
  return { ok: true, instant: new Date(instant) };
}

/**
 * The instants at which the zone's wall clock reads `wall` (a wall-clock time written as UTC
 * milliseconds), earliest first: two when the clocks go back, none when they skip it. Offsets
 * differ only around a clock change, so those in force a day either side are the only candidates.
 */
function instantsAtWallTime(wall: number, timeZone: string): number[] {
  const offsets = new Set([-1, 1].map((side) => utcOffsetMinutes(new Date(wall + side * 86_400_000), timeZone)));
  return [...offsets]
    .map((offset) => wall - offset * 60_000)
    .filter((instant) => instant + utcOffsetMinutes(new Date(instant), timeZone) * 60_000 === wall)
    .sort((a, b) => a - b);
}

/**
 * The instant of `time` on a local date, like localDateTimeToInstant but never refusing: a time
 * skipped by the clocks going forward moves forward by the gap, as a wall clock would read it.
 */
export function wallClockInstant(date: CalendarDate, time: string, timeZone: string): Date {
  const wall = Date.parse(`${date}T${time}:00Z`);
  const before = utcOffsetMinutes(new Date(wall - 86_400_000), timeZone);
  return new Date(instantsAtWallTime(wall, timeZone)[0] ?? wall - before * 60_000);
}

/** The first instant of a local calendar date in the zone (01:00 where midnight is skipped). */
export function startOfLocalDate(date: CalendarDate, timeZone: string): Date {
  return wallClockInstant(date, "00:00", timeZone);
}

/** [start of today, start of tomorrow) in the zone, as instants. */
export function localDayRange(now: Date, timeZone: string): { today: CalendarDate; start: Date; end: Date } {
  const today = localDate(now, timeZone);
  return { today, start: startOfLocalDate(today, timeZone), end: startOfLocalDate(addDays(today, 1), timeZone) };
}

// Calendar-date arithmetic: on the UTC calendar, where every day has 24 hours.
const utcDay = (date: CalendarDate) => new TZDate(`${date}T00:00:00Z`, "UTC");

/** "2026-03-29" plus `days` calendar days (negative to go back). */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  return format(addDaysTo(utcDay(date), days), "yyyy-MM-dd");
}

/** "2026-03-31" plus `months` months, clamped to the month's last day ("2026-02-28" for -1). */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  return format(addMonthsTo(utcDay(date), months), "yyyy-MM-dd");
}

/** Whole days from `a` to `b` ("2026-01-01" → "2026-01-03" is 2). */
export function daysBetween(a: CalendarDate, b: CalendarDate): number {
  return differenceInCalendarDays(utcDay(b), utcDay(a));
}

/** The ISO weekday of a calendar date: 1 Monday … 7 Sunday. */
export function isoWeekday(date: CalendarDate): number {
  return utcDay(date).getDay() || 7;
}
