import { CASE_STATUSES, RESOLUTION_TYPES, type INTAKE_CHANNELS } from "@/db/schema/enums";

export type Channel = (typeof INTAKE_CHANNELS)[number];
export type Status = (typeof CASE_STATUSES)[number];
export type ResolutionType = (typeof RESOLUTION_TYPES)[number];
export type Parsed<T> = { ok: true; value: T; note?: string } | { ok: false; message: string };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
// A spreadsheet re-save turns 2019-09-24 into 2019/9/24.
const YMD_SLASH = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/;

function calendarDate(year: number, month: number, day: number): Date | null {
  // Midday UTC: the same calendar day in every business time zone from UTC-11 to UTC+11.
  const date = new Date(Date.UTC(year, month - 1, day, 12));
  const valid = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return valid ? date : null;
}

/**
 * A date as past complaint files write them: YYYY-MM-DD, MM/DD/YYYY (US order, as the CFPB and
 * most US tools export), YYYY/M/D, or an ISO date-time. Dates without a time are taken as midday.
 */
export function parseDate(raw: string, now: Date = new Date()): Parsed<Date> {
  const value = raw.trim();
  let date: Date | null = null;
  let m: RegExpMatchArray | null;
  if ((m = value.match(ISO_DATE)) || (m = value.match(YMD_SLASH))) date = calendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
  else if ((m = value.match(US_DATE))) {
    if (Number(m[1]) > 12) return { ok: false, message: `“${value}” looks like day/month/year; use MM/DD/YYYY or YYYY-MM-DD` };
    date = calendarDate(Number(m[3]), Number(m[1]), Number(m[2]));
  } else if (ISO_DATE_TIME.test(value)) {
    const t = Date.parse(value.replace(" ", "T"));
    date = Number.isNaN(t) ? null : new Date(t);
  }
  if (!date) return { ok: false, message: value ? `“${value}” is not a date (use MM/DD/YYYY or YYYY-MM-DD)` : "the date is empty" };
  if (date.getTime() > now.getTime() + 86_400_000) return { ok: false, message: `${value} is in the future` };
  if (date.getUTCFullYear() < 1970) return { ok: false, message: `${value} is before 1970` };
  return { ok: true, value: date };
}

/** How other systems name channels, and the CaseRoot channel each becomes. */
export const CHANNEL_TABLE: Record<string, Channel> = {
  web: "web", website: "web", online: "web", "web form": "web", internet: "web", portal: "web",
  phone: "phone", telephone: "phone", call: "phone", "phone call": "phone",
  email: "email", "e-mail": "email", mail: "letter",
  "postal mail": "letter", post: "letter", letter: "letter", fax: "letter",
  "in person": "in_person", "in-person": "in_person", "walk-in": "in_person", store: "in_person",
  social: "social", "social media": "social", twitter: "social", facebook: "social",
  api: "api",
  // Passed on by another body: the way the customer first complained is not known.
  referral: "import",
};

export function parseChannel(raw: string): Parsed<Channel> {
  const key = raw.trim().toLowerCase();
  if (!key) return { ok: true, value: "import" };
  const channel = CHANNEL_TABLE[key];
  if (channel) return { ok: true, value: channel };
  return { ok: true, value: "import", note: `channel “${raw.trim()}” is not one CaseRoot knows; recorded as Import` };
}

/** "Consumer disputed?": Yes means they disagreed with the resolution; N/A means nobody asked. */
export function parseDisputed(raw: string): Parsed<"agreed" | "disagreed" | null> {
  const key = raw.trim().toLowerCase();
  if (["yes", "y", "true", "1", "disputed"].includes(key)) return { ok: true, value: "disagreed" };
  if (["no", "n", "false", "0"].includes(key)) return { ok: true, value: "agreed" };
  if (["", "n/a", "na", "unknown", "-"].includes(key)) return { ok: true, value: null };
  return { ok: false, message: `“${raw.trim()}” is not Yes, No or N/A` };
}

/** What a resolution's wording says about the case: still open, or closed with which kind of remedy. */
export function readResolution(raw: string): { type: ResolutionType | null; open: boolean } {
  const text = raw.trim().toLowerCase();
  if (!text) return { type: null, open: true };
  if (text.includes("in progress")) return { type: null, open: true };
  if (text.includes("non-monetary relief")) return { type: "repair", open: false };
  if (text.includes("monetary relief")) return { type: "refund", open: false };
  if (text.includes("explanation")) return { type: "explanation", open: false };
  if (text.includes("refund")) return { type: "refund", open: false };
  if (text.includes("replace")) return { type: "replace", open: false };
  if (text.includes("credit")) return { type: "credit", open: false };
  if (text.includes("referr")) return { type: "referral", open: false };
  return { type: "none", open: false };
}

const plain = (s: string) => s.trim().toLowerCase().replace(/[\s-]+/g, "_");

export function parseResolutionType(raw: string): Parsed<ResolutionType | null> {
  const key = plain(raw);
  if (!key) return { ok: true, value: null };
  const match = RESOLUTION_TYPES.find((t) => t === key);
  return match ? { ok: true, value: match } : { ok: false, message: `“${raw.trim()}” is not a resolution type (${RESOLUTION_TYPES.join(", ")})` };
}

export function parseStatus(raw: string): Parsed<Status | null> {
  const key = plain(raw);
  if (!key) return { ok: true, value: null };
  if (key === "open") return { ok: true, value: "new" };
  const match = CASE_STATUSES.find((s) => s === key);
  return match ? { ok: true, value: match } : { ok: false, message: `“${raw.trim()}” is not a status (${CASE_STATUSES.join(", ")})` };
}
