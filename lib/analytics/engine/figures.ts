import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import { REPEAT_CUSTOMERS_LIMIT, loadRepeatCustomers, toRepeatCustomerRows, type RepeatCustomers } from "../queries/customers";
import { loadProcesses, toProcessRows, type ProcessRow } from "../queries/processes";
import { foldRootCauses, loadRootCauses, type RootCauseRow } from "../queries/root-causes";
import { type AnalyticsScope, int, overduePromisesJoin, rangeEnd, scopeWhere } from "../queries/scope";
import { loadStaff, toStaffTable, type StaffTable } from "../queries/staff";
import { countOpenBrokenPromises, loadResponseTargets, loadSummary, toSummary, type Summary } from "../queries/summary";
import { foldTimeSeries, loadTimeSeries, type Bucket, type TimePoint, type TimeSeriesRow } from "../queries/time-series";
import type { AnalyticsCopy } from "./copy";
import { enumLabel } from "./facts";

/**
 * Where the analytics page's figures come from. Both engines return the same figures (tested by
 * lib/analytics/engine/exactness.test.ts on both databases):
 * - `postgresFigures`: aggregates over the row store (lib/analytics/queries), the answer while an
 *   instance's copy is loading and the yardstick the copy is checked against;
 * - `copyFigures`: the same aggregates over the columnar copy (./copy.ts). What is "now" rather
 *   than history stays a small lookup in PostgreSQL: promises past due and not kept, customers'
 *   names, the count of customers on record and the response targets.
 */
export type FigureSource = {
  engine: "copy" | "postgres";
  summary(scope: AnalyticsScope): Promise<Summary>;
  /** Promises past due and not kept on cases in the scope's filters, received at any time. */
  openBrokenPromises(scope: AnalyticsScope): Promise<number>;
  timeSeries(scope: AnalyticsScope, bucket: Bucket): Promise<TimePoint[]>;
  rootCauses(scope: AnalyticsScope): Promise<RootCauseRow[]>;
  processes(scope: AnalyticsScope): Promise<ProcessRow[]>;
  staff(scope: AnalyticsScope, onlyStaffId: string | null): Promise<StaffTable>;
  repeatCustomers(scope: AnalyticsScope): Promise<RepeatCustomers>;
};

export function postgresFigures(db: Db): FigureSource {
  return {
    engine: "postgres",
    summary: (scope) => loadSummary(db, scope),
    openBrokenPromises: (scope) => countOpenBrokenPromises(db, scope),
    timeSeries: (scope, bucket) => loadTimeSeries(db, scope, bucket),
    rootCauses: (scope) => loadRootCauses(db, scope),
    processes: (scope) => loadProcesses(db, scope),
    staff: (scope, only) => loadStaff(db, scope, only),
    repeatCustomers: (scope) => loadRepeatCustomers(db, scope),
  };
}

type Row = Record<string, unknown>;

const fault = (label: string) => enumLabel("fault_attribution", label);
const judgement = (label: string) => enumLabel("request_judgement", label);

/** The copy's WHERE for a scope: local days, so no time-zone work per row. */
function where(scope: AnalyticsScope, options: { ignoreProcess?: boolean; ignoreAssignee?: boolean; periodsBefore?: number } = {}): SQL {
  const from = options.periodsBefore
    ? sql`(${scope.from}::date - ((${scope.to}::date - ${scope.from}::date + 1) * ${options.periodsBefore}::int)::int)`
    : sql`${scope.from}::date`;
  const parts: SQL[] = [sql`c.received_day between ${from} and ${scope.to}::date`];
  if (scope.processId && !options.ignoreProcess) parts.push(sql`c.process_id = ${scope.processId}::uuid`);
  if (scope.channel) parts.push(sql`c.channel = ${scope.channel}::intake_channel`);
  if (scope.assigneeId && !options.ignoreAssignee) parts.push(sql`c.assignee_id = ${scope.assigneeId}::uuid`);
  return sql.join(parts, sql` and `);
}

/**
 * Promises past due and not kept on cases in the scope's filters (any date), grouped small
 * enough to fold: by process, assignee and whether the case is in the date range. They are a
 * state of now, few, and change by the minute without any write, so they stay in PostgreSQL.
 */
async function overduePromises(db: Db, scope: AnalyticsScope) {
  const inRange = sql`c.received_at >= ((${scope.from}::date)::timestamp at time zone ${scope.timeZone}) and c.received_at < ${rangeEnd(scope)}`;
  const rows = await queryRows<Row>(
    db,
    sql`select c.process_id::text as process_id, c.assignee_id::text as assignee_id, (${inRange}) as in_range, count(*)::int as n
      from ${overduePromisesJoin(scope, sql`c.process_id, c.assignee_id, c.received_at`, scopeWhere({ ...scope, processId: null, assigneeId: null }, { ignoreDates: true }))}
      group by 1, 2, 3`,
  );
  return rows.map((r) => ({ processId: r.process_id as string | null, assigneeId: r.assignee_id as string | null, inRange: r.in_range === true, n: int(r.n) }));
}

export function copyFigures(copy: AnalyticsCopy, db: Db): FigureSource {
  // The count, the processes and the staff tables of one page ask for the same overdue promises at once: one lookup serves all three.
  const inFlight = new Map<string, ReturnType<typeof overduePromises>>();
  const sharedOverdue = (scope: AnalyticsScope) => {
    const key = JSON.stringify(scope);
    let found = inFlight.get(key);
    if (!found) {
      found = overduePromises(db, scope).finally(() => inFlight.delete(key));
      inFlight.set(key, found);
    }
    return found;
  };
  return {
    engine: "copy",

    async summary(scope) {
      const [rows, targets] = await Promise.all([
        copy.query<Row>(
          sql`select count(*)::int as complaints, count(c.fault)::int as attributed,
            count(*) filter (where c.fault = ${fault("service")})::int as service,
            quantile_cont(c.first_response_hours, [0.5, 0.9]) as fr_percentiles,
            count(c.first_response_hours)::int as fr_measured,
            count(*) filter (where c.fr_with_target)::int as fr_with_target,
            count(*) filter (where c.fr_on_time)::int as fr_on_time,
            quantile_cont(c.resolution_hours, [0.5, 0.9]) as res_percentiles,
            count(c.resolution_hours)::int as res_measured,
            count(*) filter (where c.resolution_hours is not null and t.resolution_days is not null)::int as res_with_target,
            count(*) filter (where c.resolution_hours <= t.resolution_days * 24)::int as res_on_time
          from facts c left join severity_targets t on t.severity = c.severity
          where ${where(scope)}`,
        ),
        loadResponseTargets(db),
      ]);
      return toSummary(rows[0] ?? {}, targets);
    },

    async openBrokenPromises(scope) {
      const overdue = await sharedOverdue(scope);
      return overdue
        .filter((o) => (!scope.processId || o.processId === scope.processId) && (!scope.assigneeId || o.assigneeId === scope.assigneeId))
        .reduce((sum, o) => sum + o.n, 0);
    },

    async timeSeries(scope, bucket) {
      const unit = sql.raw(`'${bucket}'`);
      const step = sql.raw(`interval 1 ${bucket}`);
      const rows = await copy.query<TimeSeriesRow>(
        sql`with buckets as (
            select unnest(generate_series(date_trunc(${unit}, ${scope.from}::date)::timestamp, date_trunc(${unit}, ${scope.to}::date)::timestamp, ${step}))::date as start
          ), counts as (
            select date_trunc(${unit}, c.received_day)::date as start, c.channel, c.fault, count(*)::int as n
            from facts c where ${where(scope)} group by all
          )
          select strftime(b.start, '%Y-%m-%d') as bucket, k.channel, k.fault, coalesce(k.n, 0)::int as n
          from buckets b left join counts k on k.start = b.start
          order by b.start`,
      );
      return foldTimeSeries(rows);
    },

    async rootCauses(scope) {
      const rows = await copy.query<Row>(
        sql`with counts as (
            select c.root_cause_id, c.received_day >= ${scope.from}::date as current, c.fault,
              count(*)::int as n, coalesce(sum(c.goodwill_cost_cents), 0)::double as goodwill_cents,
              count(*) filter (where c.goodwill_cost_cents > 0)::int as goodwill_cases
            from facts c where ${where(scope, { periodsBefore: 1 })}
            group by all
          )
          select k.root_cause_id::varchar as root_cause_id, k.current, k.fault, k.n, k.goodwill_cents, k.goodwill_cases, rc.name, rc.default_fault
          from counts k left join root_causes rc on rc.id = k.root_cause_id`,
      );
      return foldRootCauses(rows);
    },

    async processes(scope) {
      const [rows, overdue] = await Promise.all([
        copy.query<Row>(
          sql`with agg as (
              select c.process_id, count(*)::int as complaints, count(distinct c.customer_id)::int as customers,
                count(c.fault)::int as attributed,
                count(*) filter (where c.fault = ${fault("service")})::int as service,
                count(*) filter (where c.fault = ${fault("customer")})::int as customer,
                count(*) filter (where c.fault = ${fault("external")})::int as external,
                count(*) filter (where c.fault = ${fault("undetermined")})::int as undetermined,
                quantile_cont(c.resolution_hours, 0.5) as median_resolution,
                avg(c.satisfaction)::double as satisfaction, count(c.satisfaction)::int as ratings,
                sum(c.promises_kept)::int as kept
              from facts c where ${where(scope, { ignoreProcess: true })} and c.process_id is not null group by c.process_id
            )
            select pr.id::varchar as id, pr.name, coalesce(a.complaints, 0) as complaints, coalesce(a.customers, 0) as customers,
              coalesce(a.attributed, 0) as attributed, coalesce(a.service, 0) as service, coalesce(a.customer, 0) as customer,
              coalesce(a.external, 0) as external, coalesce(a.undetermined, 0) as undetermined,
              a.median_resolution, a.satisfaction, coalesce(a.ratings, 0) as ratings, coalesce(a.kept, 0) as kept
            from processes pr left join agg a on a.process_id = pr.id
            where not pr.archived or a.complaints > 0`,
        ),
        sharedOverdue(scope),
      ]);
      const overdueByProcess = new Map<string, number>();
      for (const o of overdue) {
        if (!o.inRange || !o.processId || (scope.assigneeId && o.assigneeId !== scope.assigneeId)) continue;
        overdueByProcess.set(o.processId, (overdueByProcess.get(o.processId) ?? 0) + o.n);
      }
      return toProcessRows(rows.map((r) => ({ ...r, due: int(r.kept) + (overdueByProcess.get(String(r.id)) ?? 0) })));
    },

    async staff(scope, onlyStaffId) {
      const all = where(scope, { ignoreAssignee: true });
      const only = (column: string) => (onlyStaffId ? sql`and ${sql.raw(column)} = ${onlyStaffId}::uuid` : sql``);
      const [rows, overdue] = await Promise.all([
        copy.query<Row>(
          sql`with handled as (
              select c.assignee_id as staff_id, grouping(c.assignee_id) as is_team, count(*)::int as cases,
                quantile_cont(c.first_response_hours, 0.5) as median_fr,
                quantile_cont(c.resolution_hours, 0.5) as median_res,
                count(*) filter (where c.reopened_count > 0)::int as reopened,
                avg(c.satisfaction)::double as satisfaction, count(c.satisfaction)::int as ratings,
                sum(c.promises_kept)::int as kept
              from facts c where ${all} and c.assignee_id is not null ${only("c.assignee_id")}
              group by grouping sets ((c.assignee_id), ())
            ), conduct as (
              select c.responsible_staff_id as staff_id, grouping(c.responsible_staff_id) as is_team, count(*)::int as n
              from facts c where ${all} and c.responsible_staff_id is not null ${only("c.responsible_staff_id")}
              group by grouping sets ((c.responsible_staff_id), ())
            ), hard as (
              select d.author_id as staff_id, grouping(d.author_id) as is_team, count(*)::int as n
              from hard_interactions d join facts c on c.id = d.complaint_id
              where ${all} ${only("d.author_id")}
              group by grouping sets ((d.author_id), ())
            ), people as (
              select staff_id from handled where is_team = 0 union select staff_id from conduct where is_team = 0
              union select staff_id from hard where is_team = 0
            )
            select s.id::varchar as id, s.name, s.active, false as is_team, h.cases, h.median_fr, h.median_res, h.reopened, h.satisfaction,
              h.ratings, co.n as conduct, h.kept, hd.n as hard
            from people pe join staff_users s on s.id = pe.staff_id
              left join handled h on h.staff_id = s.id and h.is_team = 0
              left join conduct co on co.staff_id = s.id and co.is_team = 0
              left join hard hd on hd.staff_id = s.id and hd.is_team = 0
            union all
            select null, 'Team', true, true, h.cases, h.median_fr, h.median_res, h.reopened, h.satisfaction, h.ratings,
              (select n from conduct where is_team = 1), h.kept, (select n from hard where is_team = 1)
            from (select 1) one left join handled h on h.is_team = 1`,
        ),
        sharedOverdue(scope),
      ]);
      let teamOverdue = 0;
      const overdueByStaff = new Map<string, number>();
      for (const o of overdue) {
        if (!o.inRange || !o.assigneeId || (scope.processId && o.processId !== scope.processId) || (onlyStaffId && o.assigneeId !== onlyStaffId)) continue;
        teamOverdue += o.n;
        overdueByStaff.set(o.assigneeId, (overdueByStaff.get(o.assigneeId) ?? 0) + o.n);
      }
      return toStaffTable(
        rows.map((r) => ({ ...r, due: int(r.kept) + (r.is_team === true ? teamOverdue : (overdueByStaff.get(String(r.id)) ?? 0)) })),
      );
    },

    async repeatCustomers(scope) {
      // Each customer's set of processes is a row of 63-bit words (one bit per process). Their
      // number must be a constant of the query: the processes there are, with room for 64 more
      // added between the two queries (each query reads one state of the copy; a bit beyond
      // the words stops the query rather than be dropped).
      const [counted] = await copy.query<Row>(sql`select count(*)::int as n from processes`);
      const words = Array.from({ length: Math.ceil((int(counted?.n) + 64) / 63) }, (_, k) => sql.raw(`w${k}`));
      const setOf = sql.join(
        words.map((w, k) => sql`coalesce(bit_or(case when bit // 63 = ${sql.raw(String(k))} then 1::bigint << (bit % 63) end), 0) as ${w}`),
        sql`, `,
      );
      const setColumns = sql.join(words, sql`, `);
      const overlaps = (a: string, b: string) => sql`(${sql.join(words.map((w) => sql`(${sql.raw(a)}.${w} & ${sql.raw(b)}.${w}) <> 0`), sql` or `)})`;
      const size = (a: string) => sql.join(words.map((w) => sql`bit_count(${sql.raw(a)}.${w})`), sql` + `);
      const [rows, onRecord] = await Promise.all([
        copy.query<Row>(
          // How many customers share each set: the top customers' reach ("other customers on my
          // processes") is a sum over the few distinct sets, not a join of each top customer's
          // processes with every customer of them. Integer words, not DuckDB's bit strings:
          // the same sets, and the page's heaviest query about a sixth faster.
          sql`with bits as (
              select id, (row_number() over (order by id) - 1)::int as bit from processes
            ), ranged as (
              select c.customer_id, c.customer_imported, c.process_id, c.request_judgement, c.fault, c.minutes_spent,
                case when b.bit >= ${sql.raw(String(words.length * 63))} then error('more processes than the query made room for') else b.bit end as bit
              from facts c left join bits b on b.id = c.process_id where ${where(scope)}
            ), per_customer as (
              select customer_id, count(*)::int as complaints, count(process_id)::int as with_process, ${setOf}
              from ranged group by customer_id
            ), per_set as (
              select ${setColumns}, count(*)::int as customers from per_customer where with_process > 0 group by all
            ), process_complaints as (
              select ${setOf}, count(*)::int as n from ranged where process_id is not null group by process_id
            ), top as (
              select * from per_customer where complaints >= 2 order by complaints desc, customer_id limit ${sql.raw(String(REPEAT_CUSTOMERS_LIMIT))}
            ), totals as (
              select (select count(*) from per_customer where complaints >= 2)::int as total_repeaters,
                (select count(distinct customer_id) from ranged where customer_imported)::int as imported_in_range
            ), reach as (
              select t.customer_id, case when t.with_process = 0 then 0 else ${size("t")} end::int as processes,
                case when t.with_process = 0 then 0
                  else (select sum(s.customers) from per_set s where ${overlaps("s", "t")}) - 1 end::int as other_customers,
                case when t.with_process = 0 then 0
                  else (select sum(p.n) from process_complaints p where ${overlaps("p", "t")}) - t.with_process end::int as other_complaints
              from top t
            )
            select t.customer_id::varchar as customer_id, t.complaints, any_value(h.processes) as processes,
              any_value(h.other_customers) as other_customers, any_value(h.other_complaints) as other_complaints,
              count(r.request_judgement)::int as judged,
              count(*) filter (where r.request_judgement = ${judgement("reasonable")})::int as reasonable,
              count(*) filter (where r.request_judgement = ${judgement("partly")})::int as partly,
              count(*) filter (where r.request_judgement = ${judgement("unreasonable")})::int as unreasonable,
              count(r.fault)::int as attributed,
              count(*) filter (where r.fault = ${fault("customer")})::int as to_customer,
              count(*) filter (where r.fault = ${fault("service")})::int as to_service,
              count(*) filter (where r.fault = ${fault("external")})::int as to_external,
              count(*) filter (where r.fault = ${fault("undetermined")})::int as undetermined,
              coalesce(sum(r.minutes_spent), 0)::int as minutes, any_value(x.total_repeaters) as total_repeaters,
              any_value(x.imported_in_range) as imported_in_range
            from top t join ranged r on r.customer_id = t.customer_id cross join totals x join reach h on h.customer_id = t.customer_id
            group by t.customer_id, t.complaints`,
        ),
        queryRows<Row>(db, sql`select count(*)::int as n from customers where created_at < ${rangeEnd(scope)} and imported_at is null`),
      ]);
      const ids = rows.map((r) => String(r.customer_id));
      const names = ids.length
        ? await queryRows<Row>(db, sql`select id::text as id, name, erased_at is not null as erased from customers where id = any(${`{${ids.join(",")}}`}::uuid[])`)
        : [];
      const byId = new Map(names.map((n) => [String(n.id), n]));
      let importedInRange = int(rows[0]?.imported_in_range);
      if (rows.length === 0) {
        const [r] = await copy.query<Row>(sql`select count(distinct c.customer_id)::int as n from facts c where ${where(scope)} and c.customer_imported`);
        importedInRange = int(r?.n);
      }
      return {
        customersOnRecord: int(onRecord[0]?.n) + importedInRange,
        totalRepeaters: int(rows[0]?.total_repeaters),
        rows: toRepeatCustomerRows(rows.map((r) => ({ ...r, name: byId.get(String(r.customer_id))?.name, erased: byId.get(String(r.customer_id))?.erased }))),
      };
    },
  };
}
