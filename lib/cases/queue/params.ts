import { z } from "zod";
import { CASE_STATUSES, FAULT_ATTRIBUTIONS, INTAKE_CHANNELS } from "@/db/schema/enums";
import { hasRole, type StaffRole } from "@/lib/auth/roles";

/**
 * The queue's URL: which view, which filters, what search, which order. Everything lives in
 * query parameters so a filtered queue works without JavaScript and can be bookmarked or shared
 * (analytics links here with ?rootCause=…&fault=…). Pure: used by the page and by lib code.
 */

export const QUEUE_VIEWS = ["mine", "unassigned", "escalated", "overdue", "all"] as const;
export type QueueView = (typeof QUEUE_VIEWS)[number];

export const QUEUE_SORTS = ["newest", "oldest", "due", "activity"] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];

/**
 * Past this many, a tab says "1,000+". A count walks every case it counts, on every page view of
 * every staff member: at a million complaints an agent with thousands of open cases paid 6.5 ms
 * of the database's time per page (0.9 ms capped) for four exact figures nobody reads past "a
 * lot". The exact figures are on the analytics page; a tab only says how much work is waiting.
 */
export const TAB_COUNT_CAP = 1_000;

/** A tab's count as shown: exact up to the cap, then "1,000+". */
export function tabCountLabel(count: number): string {
  return count > TAB_COUNT_CAP ? `${TAB_COUNT_CAP.toLocaleString("en-GB")}+` : count.toLocaleString("en-GB");
}

export const VIEW_LABELS: Record<QueueView, string> = {
  mine: "My cases",
  unassigned: "Unassigned",
  escalated: "Escalated",
  overdue: "Overdue",
  all: "All",
};

export const SORT_LABELS: Record<QueueSort, string> = {
  newest: "Newest first",
  oldest: "Oldest first",
  due: "Due soonest",
  activity: "Recent activity",
};

/** The work views open in the order things fall due; "All" is the plain newest-first list. */
export const DEFAULT_SORT: Record<QueueView, QueueSort> = {
  mine: "due",
  unassigned: "due",
  escalated: "due",
  overdue: "due",
  all: "newest",
};

export type CaseStatusValue = (typeof CASE_STATUSES)[number];
export type IntakeChannel = (typeof INTAKE_CHANNELS)[number];
export type FaultValue = (typeof FAULT_ATTRIBUTIONS)[number];

export type QueueFilters = {
  statuses: CaseStatusValue[];
  /** A process id, or "none" for cases whose process is not set yet. */
  process?: string;
  /** A staff id, or "unassigned". */
  assignee?: string;
  channel?: IntakeChannel;
  /** Local calendar dates (YYYY-MM-DD) in the business's time zone, both inclusive. */
  from?: string;
  to?: string;
  rootCause?: string;
  /** A fault attribution, or "none" for cases not attributed yet (analytics' grey bar parts). */
  fault?: FaultValue | "none";
  customer?: string;
  q?: string;
};

export type QueueQuery = { view: QueueView; sort: QueueSort; filters: QueueFilters; cursor?: string };

export type ParsedQueueQuery = QueueQuery & {
  /** What was ignored and why, shown above the list so a bad link does not fail silently. */
  notices: string[];
};

/** Escalations are a supervisor's queue: agents asking for it get their own cases instead. */
export function viewsFor(role: StaffRole): QueueView[] {
  return QUEUE_VIEWS.filter((v) => v !== "escalated" || hasRole(role, "supervisor"));
}

const uuid = z.uuid();
const calendarDate = z.iso.date();
const PARAM_LABELS: Record<string, string> = {
  view: "view",
  sort: "sort order",
  status: "status",
  process: "process",
  assignee: "assignee",
  channel: "channel",
  from: "received from",
  to: "received to",
  rootCause: "root cause",
  fault: "fault",
  customer: "customer",
  q: "search",
};

type RawParams = Record<string, string | string[] | undefined>;

function values(raw: RawParams, name: string): string[] {
  const value = raw[name];
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.flatMap((v) => v.split(",")).map((v) => v.trim()).filter(Boolean);
}

/**
 * Reads the queue's query parameters. Unknown or malformed values are dropped one by one with a
 * notice; a good filter next to a bad one still applies.
 */
export function parseQueueParams(raw: RawParams, role: StaffRole): ParsedQueueQuery {
  const notices: string[] = [];
  const ignore = (name: string, value: string, why: string) =>
    notices.push(`Ignored the ${PARAM_LABELS[name] ?? name} “${value.slice(0, 40)}”: ${why}.`);

  const one = <T>(name: string, schema: z.ZodType<T>, why: string): T | undefined => {
    const [value] = values(raw, name);
    if (value === undefined) return undefined;
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    ignore(name, value, why);
    return undefined;
  };

  let view = one("view", z.enum(QUEUE_VIEWS), "there is no such view") ?? "all";
  if (!viewsFor(role).includes(view)) {
    notices.push("The Escalated view is for supervisors; showing your cases instead.");
    view = "mine";
  }
  const sort = one("sort", z.enum(QUEUE_SORTS), "there is no such order") ?? DEFAULT_SORT[view];

  const statuses: CaseStatusValue[] = [];
  for (const value of values(raw, "status")) {
    const parsed = z.enum(CASE_STATUSES).safeParse(value);
    if (parsed.success) {
      if (!statuses.includes(parsed.data)) statuses.push(parsed.data);
    } else ignore("status", value, "not a case status");
  }

  const idOr = (extra: string) => z.union([z.literal(extra), uuid]);
  const filters: QueueFilters = {
    statuses,
    process: one("process", idOr("none"), "not a known process"),
    assignee: one("assignee", idOr("unassigned"), "not a staff member"),
    channel: one("channel", z.enum(INTAKE_CHANNELS), "not an intake channel"),
    from: one("from", calendarDate, "not a date (YYYY-MM-DD)"),
    to: one("to", calendarDate, "not a date (YYYY-MM-DD)"),
    rootCause: one("rootCause", uuid, "not a known root cause"),
    fault: one("fault", z.union([z.literal("none"), z.enum(FAULT_ATTRIBUTIONS)]), "fault is service, customer, external, undetermined or none"),
    customer: one("customer", uuid, "not a known customer"),
    q: one("q", z.string().max(200), "searches are at most 200 characters"),
  };
  if (filters.from && filters.to && filters.to < filters.from) {
    ignore("to", filters.to, "it is before the start date");
    filters.to = undefined;
  }
  const [cursor] = values(raw, "cursor");
  return { view, sort, filters: stripEmpty(filters), cursor, notices };
}

function stripEmpty(filters: QueueFilters): QueueFilters {
  const entries = Object.entries(filters).filter(([, v]) => v !== undefined && v !== "");
  return { statuses: [], ...Object.fromEntries(entries) } as QueueFilters;
}

export function hasFilters(filters: QueueFilters): boolean {
  return Object.entries(filters).some(([k, v]) => (k === "statuses" ? (v as unknown[]).length > 0 : v !== undefined));
}

/**
 * The URL for a queue state. The sort is left out when it is the view's default, and the
 * cursor is only kept when asked for, so switching view or filter starts at the first page.
 */
type QueueChanges = Partial<Omit<QueueQuery, "filters">> & { filters?: Partial<QueueFilters> };

export function queueHref(query: QueueQuery, changes: QueueChanges = {}): string {
  const view = changes.view ?? query.view;
  const sort = changes.view && !changes.sort ? DEFAULT_SORT[view] : (changes.sort ?? query.sort);
  const filters = { ...query.filters, ...changes.filters };
  const params = new URLSearchParams();
  if (view !== "all") params.set("view", view);
  if (sort !== DEFAULT_SORT[view]) params.set("sort", sort);
  for (const status of filters.statuses) params.append("status", status);
  for (const key of ["process", "assignee", "channel", "from", "to", "rootCause", "fault", "customer", "q"] as const) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  if (changes.cursor) params.set("cursor", changes.cursor);
  const search = params.toString();
  return search ? `/cases?${search}` : "/cases";
}
