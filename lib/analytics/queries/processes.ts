import "server-only";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import { type AnalyticsScope, int, num, overduePromisesJoin, scopeWhere } from "./scope";

export type ProcessRow = {
  processId: string;
  name: string;
  complaints: number;
  distinctCustomers: number;
  attributed: number;
  attributedToService: number;
  attributedToCustomer: number;
  attributedToExternal: number;
  attributedUndetermined: number;
  medianResolutionHours: number | null;
  /** Promises due by now (or already kept) on these complaints, and how many were kept. */
  promisesDue: number;
  promisesKept: number;
  averageSatisfaction: number | null;
  ratings: number;
};

type Row = Record<string, unknown>;

/**
 * Every process with its complaints in the range. The process filter is ignored here on purpose:
 * a process is judged against the others, so they all have to be counted. Archived processes
 * appear only when they still have complaints in the range.
 *
 * Promises "due" are the kept ones (a per-case count kept by a trigger) plus the unkept ones past
 * their due time (few, read from promises_open_due_idx, each looking up its own case): the same
 * figure as counting every promise of the range, without joining them all.
 */
export async function loadProcesses(db: Db, scope: AnalyticsScope): Promise<ProcessRow[]> {
  const where = scopeWhere(scope, { ignoreProcess: true });
  const rows = await queryRows<Row>(
    db,
    sql`with agg as (
        select c.process_id, count(*)::int as complaints, count(distinct c.customer_id)::int as customers,
          count(c.fault_attribution)::int as attributed,
          count(*) filter (where c.fault_attribution = 'service')::int as service,
          count(*) filter (where c.fault_attribution = 'customer')::int as customer,
          count(*) filter (where c.fault_attribution = 'external')::int as external,
          count(*) filter (where c.fault_attribution = 'undetermined')::int as undetermined,
          percentile_cont(0.5) within group (order by c.resolution_hours) as median_resolution,
          avg(c.satisfaction)::float8 as satisfaction, count(c.satisfaction)::int as ratings,
          sum(c.promises_kept)::int as kept
        from complaints c where ${where} and c.process_id is not null group by c.process_id
      ), overdue as (
        select c.process_id, count(*)::int as n
        from ${overduePromisesJoin(scope, sql`c.process_id`, sql`${where} and c.process_id is not null`)}
        group by c.process_id
      )
      select pr.id, pr.name, coalesce(a.complaints, 0) as complaints, coalesce(a.customers, 0) as customers,
        coalesce(a.attributed, 0) as attributed, coalesce(a.service, 0) as service, coalesce(a.customer, 0) as customer,
        coalesce(a.external, 0) as external, coalesce(a.undetermined, 0) as undetermined,
        a.median_resolution, a.satisfaction, coalesce(a.ratings, 0) as ratings,
        coalesce(a.kept, 0) + coalesce(o.n, 0) as due, coalesce(a.kept, 0) as kept
      from processes pr left join agg a on a.process_id = pr.id left join overdue o on o.process_id = pr.id
      where pr.archived_at is null or a.complaints > 0`,
  );
  return toProcessRows(rows);
}

/**
 * The table from its rows (the same columns from either engine), busiest first, then by name as
 * the app sorts text (not the database's collation, so both engines agree).
 */
export function toProcessRows(rows: Row[]): ProcessRow[] {
  return rows
    .map((r) => ({
    processId: String(r.id),
    name: String(r.name),
    complaints: int(r.complaints),
    distinctCustomers: int(r.customers),
    attributed: int(r.attributed),
    attributedToService: int(r.service),
    attributedToCustomer: int(r.customer),
    attributedToExternal: int(r.external),
    attributedUndetermined: int(r.undetermined),
    medianResolutionHours: num(r.median_resolution),
    promisesDue: int(r.due),
    promisesKept: int(r.kept),
    averageSatisfaction: num(r.satisfaction),
    ratings: int(r.ratings),
  }))
    .sort((a, b) => b.complaints - a.complaints || a.name.localeCompare(b.name, "en") || a.processId.localeCompare(b.processId));
}
