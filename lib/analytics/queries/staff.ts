import "server-only";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import { type AnalyticsScope, bool, int, num, overduePromisesJoin, scopeWhere } from "./scope";

export type StaffFigures = {
  casesHandled: number;
  conductAttributed: number;
  medianFirstResponseHours: number | null;
  medianResolutionHours: number | null;
  promisesDue: number;
  promisesKept: number;
  reopenedCases: number;
  averageSatisfaction: number | null;
  ratings: number;
  hardInteractions: number;
};

export type StaffRow = StaffFigures & { staffId: string; name: string; active: boolean };
export type StaffTable = { rows: StaffRow[]; team: StaffFigures };

type Row = Record<string, unknown>;

/**
 * Per staff member, and for the whole team (grouping sets: the `()` set is the team line). Cases
 * handled are the cases assigned to them; conduct counts the cases whose responsible staff member
 * they are; hard interactions count their own debriefs (never the text). Promises due are the
 * kept ones (a per-case count) plus the unkept ones past due. `onlyStaffId` limits every part to
 * one person: an agent's own figures.
 */
export async function loadStaff(db: Db, scope: AnalyticsScope, onlyStaffId: string | null): Promise<StaffTable> {
  // The assignee filter does not apply to conduct or debriefs: those are about a person, not a queue.
  const where = scopeWhere({ ...scope, assigneeId: null });
  const only = (column: string) => (onlyStaffId ? sql`and ${sql.raw(column)} = ${onlyStaffId}::uuid` : sql``);
  const rows = await queryRows<Row>(
    db,
    sql`with handled as (
        select c.assignee_id as staff_id, grouping(c.assignee_id) as is_team, count(*)::int as cases,
          percentile_cont(0.5) within group (order by c.first_response_hours) as median_fr,
          percentile_cont(0.5) within group (order by c.resolution_hours) as median_res,
          count(*) filter (where c.reopened_count > 0)::int as reopened,
          avg(c.satisfaction)::float8 as satisfaction, count(c.satisfaction)::int as ratings,
          sum(c.promises_kept)::int as kept
        from complaints c where ${where} and c.assignee_id is not null ${only("c.assignee_id")}
        group by grouping sets ((c.assignee_id), ())
      ), conduct as (
        select c.responsible_staff_id as staff_id, grouping(c.responsible_staff_id) as is_team, count(*)::int as n
        from complaints c where ${where} and c.responsible_staff_id is not null ${only("c.responsible_staff_id")}
        group by grouping sets ((c.responsible_staff_id), ())
      ), overdue as (
        select c.assignee_id as staff_id, grouping(c.assignee_id) as is_team, count(*)::int as n
        from ${overduePromisesJoin(scope, sql`c.assignee_id`, sql`${where} and c.assignee_id is not null ${only("c.assignee_id")}`)}
        group by grouping sets ((c.assignee_id), ())
      ), hard as (
        select d.author_id as staff_id, grouping(d.author_id) as is_team, count(*)::int as n
        from debriefs d join complaints c on c.id = d.complaint_id
        where ${where} and d.hard_interaction ${only("d.author_id")}
        group by grouping sets ((d.author_id), ())
      ), people as (
        select staff_id from handled where is_team = 0 union select staff_id from conduct where is_team = 0
        union select staff_id from hard where is_team = 0
      )
      select s.id, s.name, s.active, false as is_team, h.cases, h.median_fr, h.median_res, h.reopened, h.satisfaction, h.ratings,
        co.n as conduct, coalesce(h.kept, 0) + coalesce(o.n, 0) as due, h.kept, hd.n as hard
      from people pe join staff_users s on s.id = pe.staff_id
        left join handled h on h.staff_id = s.id and h.is_team = 0
        left join conduct co on co.staff_id = s.id and co.is_team = 0
        left join overdue o on o.staff_id = s.id and o.is_team = 0
        left join hard hd on hd.staff_id = s.id and hd.is_team = 0
      union all
      select null, 'Team', true, true, h.cases, h.median_fr, h.median_res, h.reopened, h.satisfaction, h.ratings,
        (select n from conduct where is_team = 1), coalesce(h.kept, 0) + coalesce((select n from overdue where is_team = 1), 0), h.kept,
        (select n from hard where is_team = 1)
      from (select 1) one left join handled h on h.is_team = 1`,
  );
  return toStaffTable(rows);
}

/** The table from its rows (the same columns from either engine): one per person and the team line. */
export function toStaffTable(rows: Row[]): StaffTable {
  const figures = (r: Row): StaffFigures => ({
    casesHandled: int(r.cases),
    conductAttributed: int(r.conduct),
    medianFirstResponseHours: num(r.median_fr),
    medianResolutionHours: num(r.median_res),
    promisesDue: int(r.due),
    promisesKept: int(r.kept),
    reopenedCases: int(r.reopened),
    averageSatisfaction: num(r.satisfaction),
    ratings: int(r.ratings),
    hardInteractions: int(r.hard),
  });
  const team = rows.find((r) => bool(r.is_team));
  return {
    team: team ? figures(team) : figures({}),
    rows: rows
      .filter((r) => !bool(r.is_team))
      .map((r) => ({ staffId: String(r.id), name: String(r.name), active: Boolean(r.active), ...figures(r) }))
      .sort((a, b) => b.casesHandled - a.casesHandled || a.name.localeCompare(b.name, "en") || a.staffId.localeCompare(b.staffId)),
  };
}
