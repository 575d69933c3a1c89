import "server-only";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import { type AnalyticsScope, int, num, overduePromisesJoin, scopeWhere } from "./scope";

export type ResponseTimes = { median: number | null; p90: number | null; measured: number; onTime: number; withTarget: number };

export type Summary = {
  complaints: number;
  attributed: number;
  attributedToService: number;
  firstResponse: ResponseTimes;
  resolution: ResponseTimes;
  /** Hours to a first response when a case has no severity yet (business default). */
  firstResponseTargetHours: number;
  /** The owner's per-severity targets, for the "vs target" lines. */
  severityTargets: { severity: string; firstResponseHours: number; resolutionDays: number }[];
};

type Row = Record<string, unknown>;

/**
 * The KPI tiles and response times in one pass over the range. "On time" compares each case
 * with its own deadline: the first-response due time stored on the case, and the resolution
 * target of its severity in days of 24 hours, as the workspace counts it (cases without a
 * severity have no resolution target). The hours are columns PostgreSQL computes on write.
 */
export async function loadSummary(db: Db, scope: AnalyticsScope): Promise<Summary> {
  const [rows, targets] = await Promise.all([
    queryRows<Row>(
      db,
      sql`select count(*)::int as complaints,
        count(c.fault_attribution)::int as attributed,
        count(*) filter (where c.fault_attribution = 'service')::int as service,
        percentile_cont(array[0.5, 0.9]) within group (order by c.first_response_hours) as fr_percentiles,
        count(c.first_response_hours)::int as fr_measured,
        count(*) filter (where c.first_response_at is not null and c.first_response_due_at is not null)::int as fr_with_target,
        count(*) filter (where c.first_response_at <= c.first_response_due_at)::int as fr_on_time,
        percentile_cont(array[0.5, 0.9]) within group (order by c.resolution_hours) as res_percentiles,
        count(c.resolution_hours)::int as res_measured,
        count(*) filter (where c.resolution_hours is not null and t.resolution_days is not null)::int as res_with_target,
        count(*) filter (where c.resolution_hours <= t.resolution_days * 24)::int as res_on_time
      from complaints c left join severity_targets t on t.severity = c.severity
      where ${scopeWhere(scope)}`,
    ),
    loadResponseTargets(db),
  ]);
  return toSummary(rows[0] ?? {}, targets);
}

/** The business default and the owner's per-severity targets, read from PostgreSQL by both engines. */
export async function loadResponseTargets(db: Db): Promise<Pick<Summary, "firstResponseTargetHours" | "severityTargets">> {
  const [settings, targets] = await Promise.all([
    queryRows<Row>(db, sql`select first_response_hours from business_settings where id = 1`),
    queryRows<Row>(db, sql`select severity::text, first_response_hours, resolution_days from severity_targets order by severity`),
  ]);
  return {
    firstResponseTargetHours: int(settings[0]?.first_response_hours ?? 24),
    severityTargets: targets.map((t) => ({
      severity: String(t.severity),
      firstResponseHours: int(t.first_response_hours),
      resolutionDays: int(t.resolution_days),
    })),
  };
}

/** The summary from its one aggregate row (the same columns from either engine). */
export function toSummary(r: Row, targets: Pick<Summary, "firstResponseTargetHours" | "severityTargets">): Summary {
  const [frMedian, frP90] = pair(r.fr_percentiles);
  const [resMedian, resP90] = pair(r.res_percentiles);
  return {
    complaints: int(r.complaints),
    attributed: int(r.attributed),
    attributedToService: int(r.service),
    firstResponse: { median: frMedian, p90: frP90, measured: int(r.fr_measured), onTime: int(r.fr_on_time), withTarget: int(r.fr_with_target) },
    resolution: { median: resMedian, p90: resP90, measured: int(r.res_measured), onTime: int(r.res_on_time), withTarget: int(r.res_with_target) },
    ...targets,
  };
}

/**
 * The median and 90th percentile come from one sort (percentile_cont over an array of
 * fractions); both drivers return float8[] as an array. No measured values gives null.
 */
function pair(value: unknown): [number | null, number | null] {
  return Array.isArray(value) ? [num(value[0]), num(value[1])] : [null, null];
}

/**
 * Promises past their due time and not kept, on cases in scope, whenever the case was received:
 * a state of things now, not of the range (uses the partial index promises_open_due_idx).
 */
export async function countOpenBrokenPromises(db: Db, scope: AnalyticsScope): Promise<number> {
  const rows = await queryRows<Row>(
    db,
    sql`select count(*)::int as n from ${overduePromisesJoin(scope, sql`1`, scopeWhere(scope, { ignoreDates: true }))}`,
  );
  return int(rows[0]?.n);
}
