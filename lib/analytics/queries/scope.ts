import { sql, type SQL } from "drizzle-orm";
import type { Channel } from "../filters";

/**
 * What every aggregate counts: complaints received between two local calendar dates (the end
 * date included) in the business's time zone, optionally narrowed to a process, a channel and
 * an assignee. For agents the assignee is always themselves (lib/analytics/report.ts sets it).
 */
export type AnalyticsScope = {
  from: string;
  to: string;
  timeZone: string;
  processId: string | null;
  channel: Channel | null;
  assigneeId: string | null;
  /** "Now" for anything judged against the clock (broken promises): fixed in tests. */
  now: Date;
};

/** Start of a local calendar day as a timestamptz. */
export function startOfDay(date: string, timeZone: string): SQL {
  return sql`((${date}::date)::timestamp at time zone ${timeZone})`;
}

/** The first instant after the range: midnight at the start of the day after `to`. */
export function rangeEnd(scope: AnalyticsScope): SQL {
  return sql`(((${scope.to}::date + 1)::timestamp) at time zone ${scope.timeZone})`;
}

/** Length of the range in days, as SQL (used to step back one equal-length period). */
export function rangeDays(scope: AnalyticsScope): SQL {
  return sql`(${scope.to}::date - ${scope.from}::date + 1)`;
}

type Options = {
  /** Table alias of complaints in the query. */
  alias?: string;
  /** Leave out the process filter (per-process breakdowns show every process). */
  ignoreProcess?: boolean;
  /** Leave out the date range (state "now", such as open broken promises). */
  ignoreDates?: boolean;
  /** Start the range this many periods earlier (1: the previous equal-length period too). */
  extraPeriodsBefore?: number;
};

/**
 * The WHERE conditions for a scope. The received_at range comes first so PostgreSQL can use
 * complaints_received_at_idx (or the (process_id, received_at) index with a process filter).
 */
export function scopeWhere(scope: AnalyticsScope, options: Options = {}): SQL {
  const c = sql.raw(options.alias ?? "c");
  const parts: SQL[] = [];
  if (!options.ignoreDates) {
    const start = options.extraPeriodsBefore
      ? sql`(((${scope.from}::date - ${rangeDays(scope)} * ${options.extraPeriodsBefore}::int)::timestamp) at time zone ${scope.timeZone})`
      : startOfDay(scope.from, scope.timeZone);
    parts.push(sql`${c}.received_at >= ${start}`, sql`${c}.received_at < ${rangeEnd(scope)}`);
  }
  if (scope.processId && !options.ignoreProcess) parts.push(sql`${c}.process_id = ${scope.processId}::uuid`);
  if (scope.channel) parts.push(sql`${c}.channel = ${scope.channel}::intake_channel`);
  if (scope.assigneeId) parts.push(sql`${c}.assignee_id = ${scope.assigneeId}::uuid`);
  return parts.length ? sql.join(parts, sql` and `) : sql`true`;
}

/**
 * One row per unkept promise past its due time (at the scope's "now"), joined to its case's
 * `columns` when the case is in `where`. Such promises are few (promises_open_due_idx holds only
 * the unkept ones), so each looks up its own case by primary key. The OFFSET 0 keeps PostgreSQL
 * from flattening the lateral subquery into a hash join that scans every case of the range.
 */
export function overduePromisesJoin(scope: AnalyticsScope, columns: SQL, where: SQL): SQL {
  return sql`(select p.complaint_id from promises p where p.kept_at is null and p.due_at < ${scope.now.toISOString()}::timestamptz) p
    cross join lateral (select ${columns} from complaints c where c.id = p.complaint_id and ${where} offset 0) c`;
}

/** postgres.js hands back numeric/bigint as strings; PGlite as numbers. Null stays null. */
export function num(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  const n = typeof value === "number" ? value : Number(value);
  return Number.isFinite(n) ? n : null;
}

/** A boolean column, whichever driver read it (older drivers hand back "t"/"f"). */
export function bool(value: unknown): boolean {
  return value === true || value === "t";
}

export function int(value: unknown): number {
  return num(value) ?? 0;
}
