/**
 * Turning a local date and time in the business's time zone ("2026-03-29", "10:00",
 * "Europe/London") into the instant it names, and back. The offset for a local time comes from
 * the platform's time-zone data through Intl, so daylight-saving changes are right without any
 * hand-written rules; only plain date arithmetic happens here.
 */

export type LocalDateTimeResult = { ok: true; instant: Date } | { ok: false; message: string };

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** The end of a local day, used when a promise or follow-up names a date but no time. */
export const END_OF_DAY = "23:59";

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/** Minutes the zone is ahead of UTC at `instant` (60 for London in summer, -300 for New York in winter). */
export function utcOffsetMinutes(instant: Date, timeZone: string): number {
  let formatter = offsetFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" });
    offsetFormatters.set(timeZone, formatter);
  }
  const name = formatter.formatToParts(instant).find((p) => p.type === "timeZoneName")?.value ?? "GMT";
  const match = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name);
  if (!match) return 0; // "GMT" alone: the zone is on UTC at that instant.
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  return match[1] === "-" ? -minutes : minutes;
}

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
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const check = new Date(wall);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    return { ok: false, message: "That date does not exist." };
  }

  // Try the offsets in force just before and just after the wall time; the earliest candidate
  // that reads back as the same wall time wins. Offsets differ only around a clock change.
  const offsets = new Set([utcOffsetMinutes(new Date(wall - 86_400_000), timeZone), utcOffsetMinutes(new Date(wall + 86_400_000), timeZone)]);
  const candidates = [...offsets]
    .map((offset) => wall - offset * 60_000)
    .filter((instant) => instant + utcOffsetMinutes(new Date(instant), timeZone) * 60_000 === wall)
    .sort((a, b) => a - b);
  if (candidates.length === 0) {
    return { ok: false, message: `${time} does not exist on ${date} in ${timeZone}: the clocks go forward then. Choose a later time.` };
  }
  return { ok: true, instant: new Date(candidates[0]!) };
}

/** The local date and time ("2026-03-29", "10:00") of an instant in `timeZone`. */
export function instantToLocal(instant: Date, timeZone: string): { date: string; time: string } {
  const local = new Date(instant.getTime() + utcOffsetMinutes(instant, timeZone) * 60_000);
  const iso = local.toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
}

/** "2026-03-29" plus `days` calendar days. */
export function addCalendarDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
