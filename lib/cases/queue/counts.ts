import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import { complaints } from "@/db/schema";
import { allOf, notClosedSql, viewSql } from "./conditions";
import { TAB_COUNT_CAP, type QueueView } from "./params";

/** Each tab's count, at most TAB_COUNT_CAP + 1 (shown as "1,000+"). */
export type ViewCounts = Record<QueueView, number | null>;

/**
 * How many cases each tab holds, under the current filters and search, in one round trip: one
 * scalar subquery per tab, each stopping once it passes the cap. Each tab is its own subquery, not a
 * `count(*) filter (where …)` over every case not yet closed: that form walks all the open and
 * resolved cases (over a hundred thousand in a large history) for every tab, while a subquery per
 * tab lets the planner find just that tab's cases from the index that fits it (My cases and
 * Unassigned through the assignee in complaints_open_work_idx). The escalated count is null for a
 * viewer who may not see that view, so it is never computed for them.
 */
export async function countViews(
  db: Db,
  viewer: { id: string },
  views: readonly QueueView[],
  where: SQL | undefined,
  now: Date,
): Promise<ViewCounts> {
  const workViews = views.filter((v) => v !== "all");
  // Every work view lies among the cases not yet closed; saying so up front puts the status
  // index to use even where the view's own condition does not start with the status.
  const capped = (condition: SQL | undefined) =>
    sql`(select count(*)::int from (select 1 from ${complaints} ${condition ? sql`where ${condition}` : sql``} limit ${TAB_COUNT_CAP + 1}) as capped)`;
  const columns = workViews.map((view, i) => sql`${capped(allOf([notClosedSql, where, viewSql(view, viewer.id, now)]))} as ${sql.identifier(`c${i}`)}`);
  const [row] = await queryRows<Record<string, number | string>>(db, sql`select ${sql.join([...columns, sql`${capped(where)} as all_count`], sql`, `)}`);
  const counts: ViewCounts = { mine: null, unassigned: null, escalated: null, overdue: null, all: null };
  workViews.forEach((view, i) => (counts[view] = Number(row?.[`c${i}`] ?? 0)));
  if (views.includes("all")) counts.all = Number(row?.all_count ?? 0);
  return counts;
}
