import "server-only";
import { and, asc, eq, lte, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { correctiveActions } from "@/db/schema";
import { formatCalendarDate } from "@/lib/format/dates";
import { addDays } from "@/lib/time/zone";

/** Open actions show in their owner's What's due this many days before they fall due. */
export const ACTION_DUE_SOON_DAYS = 7;

/** An owner's open actions that are overdue or fall due within ACTION_DUE_SOON_DAYS: the list and the badge count the same ones. */
function dueActionConditions(ownerId: string, today: string) {
  return and(eq(correctiveActions.ownerId, ownerId), eq(correctiveActions.status, "open"), lte(correctiveActions.dueOn, addDays(today, ACTION_DUE_SOON_DAYS)));
}

export type DueAction = { id: string; title: string; dueOn: string; overdue: boolean };

/**
 * The open corrective actions a staff member owns that are overdue or fall due within
 * ACTION_DUE_SOON_DAYS; `today` is the business's local date (YYYY-MM-DD). Most overdue first.
 */
export async function dueActionsForOwner(db: Db, ownerId: string, today: string): Promise<DueAction[]> {
  const rows = await db
    .select({ id: correctiveActions.id, title: correctiveActions.title, dueOn: correctiveActions.dueOn })
    .from(correctiveActions)
    .where(dueActionConditions(ownerId, today))
    .orderBy(asc(correctiveActions.dueOn), asc(correctiveActions.title));
  return rows.map((r) => ({ id: r.id, title: r.title, dueOn: r.dueOn!, overdue: r.dueOn! < today }));
}

/**
 * How many of an owner's open actions are due within the week or overdue, for the What's due
 * badge: a one-row query (`total`, `overdue`) that the due counts (lib/reminders/due.ts) run
 * inside their one statement.
 */
export function dueActionsCountQuery(db: Db, ownerId: string, today: string) {
  return db
    .select({ total: sql<number>`count(*)::int`.as("total"), overdue: sql<number>`(count(*) filter (where ${correctiveActions.dueOn} < ${today}::date))::int`.as("overdue") })
    .from(correctiveActions)
    .where(dueActionConditions(ownerId, today));
}

/** One line of the digest and the What's due page: "Overdue since 2 Dec 2026: corrective action “Add a second van”". */
export function describeDueAction(action: DueAction): string {
  return `${action.overdue ? "Overdue since" : "Due"} ${formatCalendarDate(action.dueOn)}: corrective action “${action.title}”`;
}
