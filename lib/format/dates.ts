import { instantToLocal, END_OF_DAY } from "@/lib/time/zone";

/**
 * Dates and times as people read them (British English), always in the business's time zone
 * passed in, never the server's. Calendar dates ("2026-03-04") are shown without any zone shift.
 * Short forms ("4 Mar 2026") are for staff tables; long forms ("4 March 2026") for customers.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = JSON.stringify(options);
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.DateTimeFormat("en-GB", options)));
  return f;
}
const calendarDay = (date: string) => new Date(`${date}T12:00:00Z`);

/** "4 Mar 2026" */
export function formatDate(value: Date, timeZone: string): string {
  return formatter({ day: "numeric", month: "short", year: "numeric", timeZone }).format(value);
}

/** "4 March 2026" */
export function formatLongDate(value: Date, timeZone: string): string {
  return formatter({ dateStyle: "long", timeZone }).format(value);
}

/** "4 Mar 2026, 09:05" */
export function formatDateTime(value: Date, timeZone: string): string {
  return formatter({ day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone }).format(value);
}

/** "Wednesday 4 March" */
export function formatWeekdayDate(value: Date, timeZone: string): string {
  return formatter({ weekday: "long", day: "numeric", month: "long", timeZone }).format(value);
}

/** "Wednesday 4 March at 09:05", as emails say when something is due. */
export function formatWeekdayDateTime(value: Date, timeZone: string): string {
  return formatter({ weekday: "long", day: "numeric", month: "long", hour: "2-digit", minute: "2-digit", timeZone }).format(value);
}

/** "10 Mar 2026, 17:00", or "end of 10 Mar 2026" for a promise made for a day without a time. */
export function formatDue(dueAt: Date, timeZone: string): string {
  return instantToLocal(dueAt, timeZone).time === END_OF_DAY ? `end of ${formatDate(dueAt, timeZone)}` : formatDateTime(dueAt, timeZone);
}

/** A calendar date ("2026-03-04") as "4 Mar 2026"; anything that is not a date comes back as it is. */
export function formatCalendarDate(value: string): string {
  const date = calendarDay(value);
  return Number.isNaN(date.getTime()) ? value : formatDate(date, "UTC");
}

/** A calendar date ("2026-03-04") as "4 March 2026"; anything that is not a date comes back as it is. */
export function formatLongCalendarDate(value: string): string {
  const date = calendarDay(value);
  return Number.isNaN(date.getTime()) ? value : formatLongDate(date, "UTC");
}

/** "3 d", "5 h", "12 min", "just now": how long ago, compact enough for a table column. */
export function formatAge(then: Date, now: Date = new Date()): string {
  const minutes = Math.floor((now.getTime() - then.getTime()) / 60_000);
  if (minutes < 1) return "just now";
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h`;
  const days = Math.floor(hours / 24);
  if (days < 60) return `${days} d`;
  const months = Math.floor(days / 30);
  if (months < 24) return `${months} mo`;
  return `${Math.floor(days / 365)} y`;
}

/** "3 d ago", or "just now". */
export function formatAgo(then: Date, now: Date = new Date()): string {
  const age = formatAge(then, now);
  return age === "just now" ? age : `${age} ago`;
}

/** "1 hour", "36 hours", "3 days" (whole days from two days up). */
export function hoursPhrase(hours: number): string {
  if (hours % 24 === 0 && hours >= 48) return `${hours / 24} days`;
  return hours === 1 ? "1 hour" : `${hours} hours`;
}
