import type { Sql } from "postgres";
import type { Db } from "@/db/client";
import type { AnalyticsFilters } from "@/lib/analytics/filters";
import { loadRepeatCustomers } from "@/lib/analytics/queries/customers";
import { loadProcesses } from "@/lib/analytics/queries/processes";
import { loadRootCauses } from "@/lib/analytics/queries/root-causes";
import type { AnalyticsScope } from "@/lib/analytics/queries/scope";
import { loadStaff } from "@/lib/analytics/queries/staff";
import { countOpenBrokenPromises, loadSummary } from "@/lib/analytics/queries/summary";
import { bucketFor, loadTimeSeries } from "@/lib/analytics/queries/time-series";
import type { AnalyticsCopy } from "@/lib/analytics/engine/copy";
import { copyFigures, type FigureSource } from "@/lib/analytics/engine/figures";
import { loadAnalyticsReport, scopeFor, type Viewer } from "@/lib/analytics/report";
import { listQueue } from "@/lib/cases/list";
import { parseQueueParams } from "@/lib/cases/queue/params";
import { encodeCursor } from "@/lib/cases/queue/sorts";

export type BenchContext = {
  db: Db;
  sql: Sql;
  viewer: Viewer;
  filters: AnalyticsFilters;
  timeZone: string;
  /** The (received_at text, id) of a row far down the newest-first list: where a deep page starts. */
  deepRow: { receivedAt: string; id: string };
};

/** The plain-SQL side: the same aggregate over the base tables, without the app's extras. */
type Range = { from: Date; to: Date; assignee: string | null };

function rangeOf(scope: AnalyticsScope): Range {
  // Dates are local calendar days; for a side-by-side cost comparison UTC midnight is close enough.
  return { from: new Date(`${scope.from}T00:00:00Z`), to: new Date(Date.parse(`${scope.to}T00:00:00Z`) + 86_400_000), assignee: scope.assigneeId };
}

const PLAIN: Record<string, (sql: Sql, r: Range) => Promise<unknown>> = {
  summary: (sql, r) => sql`select count(*), count(fault_attribution), count(*) filter (where fault_attribution = 'service'),
      percentile_cont(0.5) within group (order by extract(epoch from first_response_at - received_at)),
      percentile_cont(0.5) within group (order by extract(epoch from resolved_at - received_at))
    from complaints where received_at >= ${r.from} and received_at < ${r.to} and (${r.assignee}::uuid is null or assignee_id = ${r.assignee})`,
  brokenPromises: (sql, r) => sql`select count(*) from promises p join complaints c on c.id = p.complaint_id
    where p.kept_at is null and p.due_at < now() and (${r.assignee}::uuid is null or c.assignee_id = ${r.assignee})`,
  timeSeries: (sql, r) => sql`select date_trunc('week', received_at), fault_attribution, count(*) from complaints
    where received_at >= ${r.from} and received_at < ${r.to} and (${r.assignee}::uuid is null or assignee_id = ${r.assignee}) group by 1, 2`,
  rootCauses: (sql, r) => sql`select root_cause_id, count(*), count(distinct customer_id) from complaints
    where received_at >= ${r.from} and received_at < ${r.to} and (${r.assignee}::uuid is null or assignee_id = ${r.assignee}) group by 1`,
  processes: (sql, r) => sql`select process_id, count(*), count(distinct customer_id), count(*) filter (where fault_attribution = 'service') from complaints
    where received_at >= ${r.from} and received_at < ${r.to} and (${r.assignee}::uuid is null or assignee_id = ${r.assignee}) group by 1`,
  staff: (sql, r) => sql`select assignee_id, count(*), percentile_cont(0.5) within group (order by extract(epoch from first_response_at - received_at)) from complaints
    where received_at >= ${r.from} and received_at < ${r.to} and (${r.assignee}::uuid is null or assignee_id = ${r.assignee}) group by 1`,
  repeatCustomers: (sql, r) => sql`select customer_id, count(*) from complaints
    where received_at >= ${r.from} and received_at < ${r.to} and (${r.assignee}::uuid is null or assignee_id = ${r.assignee})
    group by 1 having count(*) >= 2 order by 2 desc limit 50`,
};

/** One analytics query of the app, by the name its plain-SQL twin has in PLAIN. Add a query: add a line. */
/** `copy`: the same figure from the columnar copy's engine (none where the page always asks PostgreSQL). */
type Figure = {
  key: keyof typeof PLAIN;
  run: (db: Db, scope: AnalyticsScope, viewer: Viewer, days: number) => Promise<unknown>;
  copy?: (figures: FigureSource, scope: AnalyticsScope, viewer: Viewer, days: number) => Promise<unknown>;
};
const onlyStaff = (viewer: Viewer) => (viewer.role === "agent" ? viewer.id : null);
const ANALYTICS: Figure[] = [
  { key: "summary", run: (db, scope) => loadSummary(db, scope), copy: (f, scope) => f.summary(scope) },
  { key: "brokenPromises", run: (db, scope) => countOpenBrokenPromises(db, scope), copy: (f, scope) => f.openBrokenPromises(scope) },
  { key: "timeSeries", run: (db, scope, _v, days) => loadTimeSeries(db, scope, bucketFor(days)), copy: (f, scope, _v, days) => f.timeSeries(scope, bucketFor(days)) },
  { key: "rootCauses", run: (db, scope) => loadRootCauses(db, scope), copy: (f, scope) => f.rootCauses(scope) },
  { key: "processes", run: (db, scope) => loadProcesses(db, scope), copy: (f, scope) => f.processes(scope) },
  { key: "staff", run: (db, scope, viewer) => loadStaff(db, scope, onlyStaff(viewer)), copy: (f, scope, viewer) => f.staff(scope, onlyStaff(viewer)) },
  { key: "repeatCustomers", run: (db, scope) => loadRepeatCustomers(db, scope), copy: (f, scope) => f.repeatCustomers(scope) },
];

export type BenchCase = { name: string; app: () => Promise<unknown>; plain?: () => Promise<unknown>; copy?: () => Promise<unknown>; page?: boolean };

/** The whole page from the copy as the page asks for it: brought up to date first, then the figures. */
export function copyPage(ctx: BenchContext, copy: AnalyticsCopy, now: Date = new Date()) {
  return async () => {
    await copy.catchUp(ctx.db);
    return loadAnalyticsReport(ctx.db, ctx.viewer, ctx.filters, ctx.timeZone, now, copyFigures(copy, ctx.db));
  };
}

/**
 * Everything measured for one viewer (an owner sees the whole business; an agent only their
 * cases); with a loaded copy, each figure and the page from it too.
 */
export function benchCases(ctx: BenchContext, label: string, copy?: AnalyticsCopy): BenchCase[] {
  const { scope } = scopeFor(ctx.viewer, ctx.filters, ctx.timeZone, new Date());
  const range = rangeOf(scope);
  const figures = copy ? copyFigures(copy, ctx.db) : null;
  const cases: BenchCase[] = ANALYTICS.map((q) => ({
    name: `${label}: ${q.key}`,
    app: () => q.run(ctx.db, scope, ctx.viewer, ctx.filters.days),
    plain: () => PLAIN[q.key]!(ctx.sql, range),
    copy: figures && q.copy ? () => q.copy!(figures, scope, ctx.viewer, ctx.filters.days) : undefined,
  }));
  cases.push({
    name: `${label}: whole analytics page`,
    app: () => loadAnalyticsReport(ctx.db, ctx.viewer, ctx.filters, ctx.timeZone),
    plain: () => Promise.all(Object.values(PLAIN).map((q) => q(ctx.sql, range))),
    copy: copy ? copyPage(ctx, copy) : undefined,
    page: true,
  });
  return cases;
}

/** The case queue as its page calls it: the default view for the viewer, the first page and a deep keyset page. */
export function queueCases(ctx: BenchContext, label: string): BenchCase[] {
  const query = parseQueueParams({ sort: "newest" }, ctx.viewer.role);
  const options = () => ({ now: new Date(), timeZone: ctx.timeZone });
  const cursor = encodeCursor({ move: "next", sort: "newest", segment: 0, key: ctx.deepRow.receivedAt, id: ctx.deepRow.id });
  const mine = ctx.viewer.role === "agent" ? ctx.viewer.id : null;
  return [
    {
      name: `${label}: queue first page (${query.view})`,
      app: () => listQueue(ctx.db, ctx.viewer, query, options()),
      plain: () => ctx.sql`select id from complaints where (${mine}::uuid is null or assignee_id = ${mine}) order by received_at desc, id desc limit 26`,
    },
    {
      name: `${label}: queue deep keyset page`,
      app: () => listQueue(ctx.db, ctx.viewer, { ...query, cursor }, options()),
      plain: () =>
        ctx.sql`select id from complaints where (${mine}::uuid is null or assignee_id = ${mine})
          and (received_at, id) < (${ctx.deepRow.receivedAt}::timestamptz, ${ctx.deepRow.id}::uuid) order by received_at desc, id desc limit 26`,
    },
  ];
}
