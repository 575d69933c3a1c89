import { addDays, type CalendarDate, instantToLocal, isoWeekday, localDate, wallClockInstant } from "./zone";

/**
 * Business days: the working weekdays of a business in its own time zone, less its holidays.
 * Days are judged on the local calendar, so an instant late on Friday in New York is a Friday even
 * when it is already Saturday in UTC, and moving across a clock change keeps the wall-clock time.
 */
export type WorkingCalendar = {
  timeZone: string;
  /** ISO weekdays worked: 1 Monday … 7 Sunday. */
  workingDays: readonly number[];
  /** Calendar dates ("2026-12-25") that are not worked even when their weekday is. */
  holidays: readonly CalendarDate[];
};

const DAY_MS = 86_400_000;

export const MONDAY_TO_FRIDAY: readonly number[] = [1, 2, 3, 4, 5];

export function isBusinessDay(date: CalendarDate, calendar: WorkingCalendar): boolean {
  return calendar.workingDays.includes(isoWeekday(date)) && !calendar.holidays.includes(date);
}

/**
 * The instant `days` business days after `from` (before, when negative), at the same local
 * wall-clock time. Counting starts with the day after `from`'s local date, so Saturday plus one
 * business day is Monday and Sunday minus one is Friday; zero returns `from` unchanged.
 */
export function addBusinessDays(from: Date, days: number, calendar: WorkingCalendar): Date {
  if (!Number.isInteger(days)) throw new RangeError(`Business days must be a whole number, not ${days}`);
  if (!calendar.workingDays.some((d) => d >= 1 && d <= 7)) throw new RangeError("A working calendar needs at least one working weekday");
  const step = Math.sign(days);
  const local = instantToLocal(from, calendar.timeZone);
  let date = local.date;
  for (let left = Math.abs(days); left > 0; ) {
    date = addDays(date, step);
    if (isBusinessDay(date, calendar)) left -= 1;
  }
  if (date === local.date) return from;
  // Same wall-clock time; the seconds within the minute carry over as they are.
  return new Date(wallClockInstant(date, local.time, calendar.timeZone).getTime() + (from.getTime() % 60_000 + 60_000) % 60_000);
}

/**
 * Business days from `from` to `to`: the business days after `from`'s local date up to and
 * including `to`'s (negative when `to` is earlier). Friday to the next Monday is 1; the same day is 0.
 */
export function businessDaysBetween(from: Date, to: Date, calendar: WorkingCalendar): number {
  const [a, b] = [localDate(from, calendar.timeZone), localDate(to, calendar.timeZone)];
  const [start, end, sign] = a <= b ? [a, b, 1] : [b, a, -1];
  // A plain walk over the UTC calendar (every day 24 hours): fast enough for ranges of years.
  const [first, last] = [Date.parse(`${start}T00:00:00Z`) + DAY_MS, Date.parse(`${end}T00:00:00Z`)];
  const holidays = new Set(calendar.holidays);
  let count = 0;
  for (let t = first; t <= last; t += DAY_MS) {
    const day = new Date(t);
    if (calendar.workingDays.includes(day.getUTCDay() || 7) && !holidays.has(day.toISOString().slice(0, 10))) count += 1;
  }
  return sign * count || 0;
}
