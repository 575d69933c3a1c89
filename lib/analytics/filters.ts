import { z } from "zod";
import { INTAKE_CHANNELS } from "@/db/schema/enums";
import { addDays, addMonths, daysBetween } from "@/lib/time/zone";

/**
 * The analytics section's filter bar, kept entirely in the URL so a view can be shared by link.
 * Dates are calendar days in the business's time zone ("2026-03-01"); `to` is inclusive.
 * Anything invalid falls back to its default and says so in `notices`, never a crash.
 */
export const RANGE_PRESETS = ["30d", "90d", "6m", "12m", "custom"] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];
export const RANGE_LABELS: Record<RangePreset, string> = {
  "30d": "Last 30 days",
  "90d": "Last 90 days",
  "6m": "Last 6 months",
  "12m": "Last 12 months",
  custom: "Custom dates",
};
export const DEFAULT_RANGE: RangePreset = "90d";
/** Longest custom range: two years, the same cap as the verdict look-back. */
export const MAX_RANGE_DAYS = 731;

export type Channel = (typeof INTAKE_CHANNELS)[number];
export type AnalyticsFilters = {
  range: RangePreset;
  from: string;
  to: string;
  /** Length of the range in days, both ends included. */
  days: number;
  processId: string | null;
  channel: Channel | null;
  staffId: string | null;
};

export type ParsedFilters = { filters: AnalyticsFilters; notices: string[] };

const isoDate = z.iso.date();

export function presetRange(preset: Exclude<RangePreset, "custom">, today: string): { from: string; to: string } {
  switch (preset) {
    case "30d":
      return { from: addDays(today, -29), to: today };
    case "90d":
      return { from: addDays(today, -89), to: today };
    case "6m":
      return { from: addDays(addMonths(today, -6), 1), to: today };
    case "12m":
      return { from: addDays(addMonths(today, -12), 1), to: today };
  }
}

type SearchParams = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;

function parseRange(params: SearchParams, today: string, notices: string[]): Pick<AnalyticsFilters, "range" | "from" | "to"> {
  const fallback = () => ({ range: DEFAULT_RANGE, ...presetRange("90d", today) });
  const rawRange = first(params.range);
  const rawFrom = first(params.from);
  const rawTo = first(params.to);
  // Dates without a preset mean a custom range (a shared link may carry only from/to).
  const range = rawRange ?? (rawFrom || rawTo ? "custom" : DEFAULT_RANGE);
  const preset = z.enum(RANGE_PRESETS).safeParse(range);
  if (!preset.success) {
    notices.push(`"${rawRange}" is not a date range we know; showing the last 90 days.`);
    return fallback();
  }
  if (preset.data !== "custom") return { range: preset.data, ...presetRange(preset.data, today) };

  const from = isoDate.safeParse(rawFrom);
  const to = isoDate.safeParse(rawTo ?? today);
  if (!from.success || !to.success) {
    notices.push("The custom dates were missing or not real dates (use YYYY-MM-DD); showing the last 90 days.");
    return fallback();
  }
  if (from.data > to.data) {
    notices.push("The start date was after the end date; showing the last 90 days.");
    return fallback();
  }
  if (daysBetween(from.data, to.data) + 1 > MAX_RANGE_DAYS) {
    notices.push("Custom ranges can cover at most two years; showing the last 90 days.");
    return fallback();
  }
  return { range: "custom", from: from.data, to: to.data };
}

/** The filters from a page's search params; `today` is the business's local date. */
export function parseAnalyticsFilters(params: SearchParams, today: string): ParsedFilters {
  const notices: string[] = [];
  const { range, from, to } = parseRange(params, today, notices);

  const id = (key: "process" | "staff", what: string): string | null => {
    const raw = first(params[key]);
    if (raw === undefined) return null;
    if (z.uuid().safeParse(raw).success) return raw.toLowerCase();
    notices.push(`The ${what} in the link is not valid; showing every ${what}.`);
    return null;
  };
  const processId = id("process", "process");
  const staffId = id("staff", "staff member");

  let channel: Channel | null = null;
  const rawChannel = first(params.channel);
  if (rawChannel !== undefined) {
    const parsed = z.enum(INTAKE_CHANNELS).safeParse(rawChannel);
    if (parsed.success) channel = parsed.data;
    else notices.push(`"${rawChannel}" is not a channel; showing every channel.`);
  }

  return { filters: { range, from, to, days: daysBetween(from, to) + 1, processId, channel, staffId }, notices };
}

/** The URL query for these filters (defaults left out, so links stay short). */
export function filtersQuery(filters: AnalyticsFilters, overrides: Partial<Record<string, string | null>> = {}): string {
  const params = new URLSearchParams();
  if (filters.range !== DEFAULT_RANGE) params.set("range", filters.range);
  if (filters.range === "custom") {
    params.set("from", filters.from);
    params.set("to", filters.to);
  }
  if (filters.processId) params.set("process", filters.processId);
  if (filters.channel) params.set("channel", filters.channel);
  if (filters.staffId) params.set("staff", filters.staffId);
  for (const [key, value] of Object.entries(overrides)) {
    if (value === null || value === undefined) params.delete(key);
    else params.set(key, value);
  }
  return params.toString();
}

export type CaseListLink = Partial<Record<"process" | "rootCause" | "fault" | "assignee" | "channel" | "customer" | "status", string>>;

/**
 * The case list narrowed to what a chart element counts: the same dates, channel, process and
 * staff member as the analytics view, plus the element's own key (a root cause, a process...).
 */
export function casesHref(filters: AnalyticsFilters, extra: CaseListLink = {}): string {
  const params = new URLSearchParams({ from: filters.from, to: filters.to });
  if (filters.processId) params.set("process", filters.processId);
  if (filters.channel) params.set("channel", filters.channel);
  if (filters.staffId) params.set("assignee", filters.staffId);
  for (const [key, value] of Object.entries(extra)) if (value) params.set(key, value);
  return `/cases?${params}`;
}
