import { z } from "zod";
import { INTAKE_CHANNELS } from "@/db/schema/enums";
import { addDays, addMonths, daysBetween } from "@/lib/time/zone";

/**
 * The analytics section's filter bar, kept entirely in the URL so a view can be shared by link.
 * Dates are calendar days in the business's time zone ("2026-03-01"); `to` is inclusive.
 * Anything invalid falls back to its default and says so, never a crash: a refused date range
 * comes back as `rangeRefused` (the page names it and says which range it shows instead), the
 * other filters as `notices`.
 */
export const RANGE_PRESETS = ["30d", "90d", "6m", "12m", "all", "custom"] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];
export const RANGE_LABELS: Record<RangePreset, string> = {
  "30d": "Last 30 days",
  "90d": "Last 90 days",
  "6m": "Last 6 months",
  "12m": "Last 12 months",
  all: "All time",
  custom: "Custom dates",
};
export const DEFAULT_RANGE: RangePreset = "90d";
/**
 * Ranges have no length cap (the time series switches to weekly, then monthly buckets); only a
 * start before this date is refused, as no complaint record can be that old and a range reaching
 * back centuries would only draw empty months.
 */
export const EARLIEST_START = "1970-01-01";

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

export type ParsedFilters = {
  filters: AnalyticsFilters;
  /** Why the requested date range was refused (the filters then hold the last 90 days). */
  rangeRefused: string | null;
  /** The dates as typed, so the filter bar can offer them again to correct. */
  typed: { from?: string; to?: string };
  notices: string[];
};

const isoDate = z.iso.date();

/**
 * The dates of a preset. "All time" starts on the day of the earliest complaint on record (today
 * when there is none), so its buckets fit the data rather than an arbitrary epoch.
 */
export function presetRange(preset: Exclude<RangePreset, "custom">, today: string, earliest: string | null = null): { from: string; to: string } {
  switch (preset) {
    case "all":
      return { from: earliest && earliest < today ? earliest : today, to: today };
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

type RangeResult = Pick<AnalyticsFilters, "range" | "from" | "to"> & { refused: string | null };

function parseRange(params: SearchParams, today: string, earliest: string | null): RangeResult {
  const fallback = (refused: string): RangeResult => ({ range: DEFAULT_RANGE, ...presetRange("90d", today), refused });
  const rawRange = first(params.range);
  const rawFrom = first(params.from);
  const rawTo = first(params.to);
  // Dates without a preset mean a custom range (a shared link may carry only from/to).
  const range = rawRange ?? (rawFrom || rawTo ? "custom" : DEFAULT_RANGE);
  const preset = z.enum(RANGE_PRESETS).safeParse(range);
  if (!preset.success) return fallback(`"${rawRange}" is not a date range we know.`);
  if (preset.data !== "custom") return { range: preset.data, ...presetRange(preset.data, today, earliest), refused: null };

  if (!rawFrom) return fallback("A custom range needs a start date.");
  const from = isoDate.safeParse(rawFrom);
  if (!from.success) return fallback(`The start date "${rawFrom}" is not a real date (use YYYY-MM-DD).`);
  const to = isoDate.safeParse(rawTo ?? today);
  if (!to.success) return fallback(`The end date "${rawTo}" is not a real date (use YYYY-MM-DD).`);
  if (from.data > to.data) return fallback(`The end date (${to.data}) is before the start date (${from.data}).`);
  if (from.data < EARLIEST_START) return fallback(`The start date (${from.data}) is before ${EARLIEST_START}; no complaint can be that old.`);
  return { range: "custom", from: from.data, to: to.data, refused: null };
}

/**
 * The filters from a page's search params; `today` is the business's local date, `earliest` the
 * local date of the first complaint on record (for "All time").
 */
export function parseAnalyticsFilters(params: SearchParams, today: string, earliest: string | null = null): ParsedFilters {
  const notices: string[] = [];
  const { range, from, to, refused } = parseRange(params, today, earliest);

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

  return {
    filters: { range, from, to, days: daysBetween(from, to) + 1, processId, channel, staffId },
    rangeRefused: refused,
    typed: { from: first(params.from), to: first(params.to) },
    notices,
  };
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

export type CaseListLink = Partial<Record<"process" | "rootCause" | "fault" | "assignee" | "channel" | "customer" | "status" | "from" | "to", string>>;

/** The case list's fault parameter for a chart's fault key ("unattributed" is the list's "none"). */
export function faultParam(key: string): string {
  return key === "unattributed" ? "none" : key;
}

/**
 * The dates of one chart bucket (a day, the week from its Monday, a calendar month), cut to the
 * range, as case-list parameters: a bar for a month half inside the range opens only that half.
 */
export function periodParams(filters: Pick<AnalyticsFilters, "from" | "to">, start: string, bucket: "day" | "week" | "month"): { from: string; to: string } {
  const end = bucket === "day" ? start : bucket === "week" ? addDays(start, 6) : addDays(addMonths(start, 1), -1);
  return { from: start < filters.from ? filters.from : start, to: end > filters.to ? filters.to : end };
}

/**
 * The case list narrowed to what a chart element counts: the same dates, channel, process and
 * staff member as the analytics view, plus every dimension of the element itself (a root cause
 * and a fault for a part of a bar, a period's dates, a process...), which override the view's.
 */
export function casesHref(filters: AnalyticsFilters, extra: CaseListLink = {}): string {
  const params = new URLSearchParams({ from: filters.from, to: filters.to });
  if (filters.processId) params.set("process", filters.processId);
  if (filters.channel) params.set("channel", filters.channel);
  if (filters.staffId) params.set("assignee", filters.staffId);
  for (const [key, value] of Object.entries(extra)) if (value) params.set(key, value);
  return `/cases?${params}`;
}
