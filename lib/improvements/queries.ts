import "server-only";
import { and, asc, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import {
  complaints,
  correctiveActionComplaints,
  correctiveActionEvents,
  correctiveActions,
  processes,
  processVolumes,
  rootCauses,
  staffUsers,
  type CorrectiveAction,
} from "@/db/schema";
import { evaluateFix, windowDaysFor, type FixEffect } from "./fix-effect";

/** How the list groups actions: what needs doing first. */
export type ActionGroup = "overdue" | "open" | "done" | "cancelled";

export type ActionSummary = {
  id: string;
  title: string;
  status: CorrectiveAction["status"];
  group: ActionGroup;
  ownerName: string | null;
  dueOn: string | null;
  doneAt: Date | null;
  rootCauseName: string | null;
  processName: string | null;
  linkedComplaints: number;
  /** Complaints about the same target received after it was done. */
  recurrences: number;
};

const owner = alias(staffUsers, "action_owner");

/** Counts per action in one grouped pass each, never per row in JavaScript. */
function summaryColumns() {
  return {
    id: correctiveActions.id,
    title: correctiveActions.title,
    status: correctiveActions.status,
    ownerName: owner.name,
    dueOn: correctiveActions.dueOn,
    doneAt: correctiveActions.doneAt,
    rootCauseId: correctiveActions.rootCauseId,
    processId: correctiveActions.processId,
    rootCauseName: rootCauses.name,
    processName: processes.name,
    linkedComplaints: sql<number>`(select count(*)::int from ${correctiveActionComplaints} where ${correctiveActionComplaints.correctiveActionId} = ${correctiveActions.id})`,
    recurrences: sql<number>`case when ${correctiveActions.status} = 'done' then (
      select count(*)::int from ${complaints}
      where ${complaints.receivedAt} > ${correctiveActions.doneAt}
        and (${correctiveActions.rootCauseId} is null or ${complaints.rootCauseId} = ${correctiveActions.rootCauseId})
        and (${correctiveActions.processId} is null or ${complaints.processId} = ${correctiveActions.processId})
    ) else 0 end`,
  };
}

function groupOf(row: { status: CorrectiveAction["status"]; dueOn: string | null }, today: string): ActionGroup {
  if (row.status === "done") return "done";
  if (row.status === "cancelled") return "cancelled";
  return row.dueOn && row.dueOn < today ? "overdue" : "open";
}

/** Every action, grouped; `today` is the business's local date (YYYY-MM-DD). */
export async function listCorrectiveActions(db: Db, today: string, where?: SQL): Promise<ActionSummary[]> {
  const rows = await db
    .select(summaryColumns())
    .from(correctiveActions)
    .leftJoin(owner, eq(owner.id, correctiveActions.ownerId))
    .leftJoin(rootCauses, eq(rootCauses.id, correctiveActions.rootCauseId))
    .leftJoin(processes, eq(processes.id, correctiveActions.processId))
    .where(where)
    .orderBy(asc(sql`case ${correctiveActions.status} when 'open' then 0 when 'done' then 1 else 2 end`), asc(correctiveActions.dueOn), desc(correctiveActions.doneAt), asc(correctiveActions.title));
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    status: r.status,
    group: groupOf(r, today),
    ownerName: r.ownerName,
    dueOn: r.dueOn,
    doneAt: r.doneAt,
    rootCauseName: r.rootCauseName,
    processName: r.processName,
    linkedComplaints: Number(r.linkedComplaints),
    recurrences: Number(r.recurrences),
  }));
}

export type ActionDetail = ActionSummary & {
  description: string | null;
  doneNote: string | null;
  cancelReason: string | null;
  cancelledAt: Date | null;
  rootCauseId: string | null;
  processId: string | null;
  ownerId: string | null;
  createdAt: Date;
  trail: { id: number; type: string; staffName: string | null; detail: Record<string, unknown>; at: Date }[];
  complaints: { id: string; reference: string; receivedAt: Date; status: string }[];
  effect:
    | (FixEffect & {
        windowDays: number;
        before: number;
        after: number;
        weekly: WeeklyCount[];
        /** Units of work in each window, prorated from the monthly volumes; null when not entered for every day of both windows. */
        volumes: WindowVolumes | null;
        /** Why there is no per-unit comparison: no process targeted, or which windows lack volumes. */
        volumesMissing: string | null;
      })
    | null;
};

export type WeeklyCount = { weekStart: string; complaints: number };
export type WindowVolumes = { before: number; after: number };

/**
 * Units of work of a process in the windows either side of the change, prorated from the owner's
 * monthly volumes in SQL: each month contributes units × (days it overlaps the window / days in the
 * month). A window counts as covered only when volumes exist for every day of it.
 */
export async function windowVolumes(
  db: Db,
  processId: string,
  doneAt: Date,
  windowDays: number,
): Promise<{ before: number; after: number; beforeCovered: boolean; afterCovered: boolean }> {
  const done = doneAt.toISOString();
  const start = sql`${done}::timestamptz - make_interval(days => ${windowDays})`;
  const mid = sql`${done}::timestamptz`;
  const end = sql`${done}::timestamptz + make_interval(days => ${windowDays})`;
  const mStart = sql`(${processVolumes.month}::timestamp at time zone 'UTC')`;
  const mEnd = sql`((${processVolumes.month} + interval '1 month')::timestamp at time zone 'UTC')`;
  const overlap = (from: SQL, to: SQL) =>
    sql`greatest(0, extract(epoch from least(${to}, ${mEnd}) - greatest(${from}, ${mStart})) / 86400)`;
  const monthDays = sql`(extract(epoch from ${mEnd} - ${mStart}) / 86400)`;
  const [row] = await db
    .select({
      before: sql<number>`coalesce(sum(${processVolumes.units} * ${overlap(start, mid)} / ${monthDays}), 0)::float8`,
      after: sql<number>`coalesce(sum(${processVolumes.units} * ${overlap(mid, end)} / ${monthDays}), 0)::float8`,
      beforeDays: sql<number>`coalesce(sum(${overlap(start, mid)}), 0)::float8`,
      afterDays: sql<number>`coalesce(sum(${overlap(mid, end)}), 0)::float8`,
    })
    .from(processVolumes)
    .where(and(eq(processVolumes.processId, processId), sql`${mEnd} > ${start}`, sql`${mStart} < ${end}`));
  const covered = (days: unknown) => windowDays > 0 && Number(days) >= windowDays - 1e-6;
  return { before: Number(row?.before ?? 0), after: Number(row?.after ?? 0), beforeCovered: covered(row?.beforeDays), afterCovered: covered(row?.afterDays) };
}

/** Complaints about the action's target in [from, to). */
function targetCondition(action: Pick<CorrectiveAction, "rootCauseId" | "processId">): SQL {
  const parts: SQL[] = [];
  if (action.rootCauseId) parts.push(sql`${complaints.rootCauseId} = ${action.rootCauseId}`);
  if (action.processId) parts.push(sql`${complaints.processId} = ${action.processId}`);
  return sql.join(parts, sql` and `);
}

/**
 * Before/after counts for a done action: windows of the same length either side of doneAt, and
 * the weekly counts across both for the chart (the change date marked by the page).
 */
export async function loadFixEffect(db: Db, action: CorrectiveAction, now = new Date()): Promise<ActionDetail["effect"]> {
  if (action.status !== "done" || !action.doneAt) return null;
  const daysSinceDone = (now.getTime() - action.doneAt.getTime()) / 86_400_000;
  const windowDays = windowDaysFor(daysSinceDone);
  const done = action.doneAt.toISOString();
  const target = targetCondition(action);
  const [counts] = await db
    .select({
      before: sql<number>`count(*) filter (where ${complaints.receivedAt} < ${done}::timestamptz)::int`,
      after: sql<number>`count(*) filter (where ${complaints.receivedAt} >= ${done}::timestamptz)::int`,
    })
    .from(complaints)
    .where(
      and(
        target,
        sql`${complaints.receivedAt} >= ${done}::timestamptz - make_interval(days => ${windowDays})`,
        sql`${complaints.receivedAt} < ${done}::timestamptz + make_interval(days => ${windowDays})`,
      ),
    );
  // Weeks counted from the change date, so one bar never straddles it: week 0 starts at doneAt.
  const chartDays = Math.max(windowDays, 28);
  const weekly = await db
    .select({
      week: sql<number>`floor(extract(epoch from ${complaints.receivedAt} - ${done}::timestamptz) / 604800)::int`,
      n: sql<number>`count(*)::int`,
    })
    .from(complaints)
    .where(
      and(
        target,
        sql`${complaints.receivedAt} >= ${done}::timestamptz - make_interval(days => ${chartDays})`,
        sql`${complaints.receivedAt} < least(${now.toISOString()}::timestamptz, ${done}::timestamptz + make_interval(days => ${chartDays}))`,
      ),
    )
    .groupBy(sql`1`)
    .orderBy(sql`1`);
  const byWeek = new Map(weekly.map((w) => [Number(w.week), Number(w.n)]));
  const firstWeek = -Math.ceil(chartDays / 7);
  const lastWeek = Math.floor(Math.min(daysSinceDone, chartDays) / 7);
  const weeks: WeeklyCount[] = [];
  for (let w = firstWeek; w <= lastWeek; w++) {
    weeks.push({ weekStart: new Date(action.doneAt.getTime() + w * 604_800_000).toISOString().slice(0, 10), complaints: byWeek.get(w) ?? 0 });
  }
  const before = Number(counts?.before ?? 0);
  const after = Number(counts?.after ?? 0);
  let volumes: WindowVolumes | null = null;
  let volumesMissing: string | null = "Volumes are entered per process; this action targets no process.";
  if (action.processId) {
    const v = await windowVolumes(db, action.processId, action.doneAt, windowDays);
    if (v.beforeCovered && v.afterCovered) {
      volumes = { before: v.before, after: v.after };
      volumesMissing = null;
    } else {
      const gaps = [!v.beforeCovered && "before", !v.afterCovered && "after"].filter(Boolean).join(" and ");
      volumesMissing = `Work volumes are missing for the ${gaps} window${gaps.includes(" and ") ? "s" : ""}: enter them under Settings › Volumes to compare per unit of work.`;
    }
  }
  const effect = evaluateFix({
    daysSinceDone,
    windowDays,
    before: { complaints: before, workUnits: volumes?.before ?? null },
    after: { complaints: after, workUnits: volumes?.after ?? null },
  });
  return { ...effect, windowDays, before, after, weekly: weeks, volumes, volumesMissing };
}

/** How many done actions the analytics page shows: the latest; the rest are on /improvements. */
export const FIX_RESULTS_SHOWN = 8;

export type FixResult = ActionSummary & { effect: NonNullable<ActionDetail["effect"]> };

/**
 * "Did the fixes work?" on the analytics page: the most recently done actions, each with the same
 * before/after verdict as its own page (loadFixEffect), and how many are done in all.
 */
export async function loadFixResults(db: Db, today: string, now = new Date(), limit = FIX_RESULTS_SHOWN): Promise<{ results: FixResult[]; totalDone: number }> {
  const isDone = eq(correctiveActions.status, "done");
  const [rows, totalDone] = await Promise.all([
    db.select().from(correctiveActions).where(isDone).orderBy(desc(correctiveActions.doneAt), asc(correctiveActions.title)).limit(limit),
    db.$count(correctiveActions, isDone),
  ]);
  if (rows.length === 0) return { results: [], totalDone };
  const [summaries, effects] = await Promise.all([
    listCorrectiveActions(db, today, inArray(correctiveActions.id, rows.map((r) => r.id))),
    Promise.all(rows.map((r) => loadFixEffect(db, r, now))),
  ]);
  const byId = new Map(summaries.map((s) => [s.id, s]));
  return { results: rows.map((r, i) => ({ ...byId.get(r.id)!, effect: effects[i]! })), totalDone };
}

export async function loadCorrectiveAction(db: Db, id: string, today: string, now = new Date()): Promise<ActionDetail | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const [row] = await db.select().from(correctiveActions).where(eq(correctiveActions.id, id)).limit(1);
  if (!row) return null;
  const actor = alias(staffUsers, "trail_staff");
  const [[summary], trail, linked, effect] = await Promise.all([
    listCorrectiveActions(db, today, eq(correctiveActions.id, id)),
    db
      .select({ id: correctiveActionEvents.id, type: correctiveActionEvents.type, staffName: actor.name, detail: correctiveActionEvents.detail, at: correctiveActionEvents.at })
      .from(correctiveActionEvents)
      .leftJoin(actor, eq(actor.id, correctiveActionEvents.staffId))
      .where(eq(correctiveActionEvents.correctiveActionId, id))
      .orderBy(desc(correctiveActionEvents.at), desc(correctiveActionEvents.id)),
    db
      .select({ id: complaints.id, reference: complaints.reference, receivedAt: complaints.receivedAt, status: complaints.status })
      .from(correctiveActionComplaints)
      .innerJoin(complaints, eq(complaints.id, correctiveActionComplaints.complaintId))
      .where(eq(correctiveActionComplaints.correctiveActionId, id))
      .orderBy(desc(complaints.receivedAt))
      .limit(200),
    loadFixEffect(db, row, now),
  ]);
  return {
    ...summary!,
    description: row.description,
    doneNote: row.doneNote,
    cancelReason: row.cancelReason,
    cancelledAt: row.cancelledAt,
    rootCauseId: row.rootCauseId,
    processId: row.processId,
    ownerId: row.ownerId,
    createdAt: row.createdAt,
    trail: trail.map((t) => ({ ...t, detail: t.detail ?? {} })),
    complaints: linked,
    effect,
  };
}

/**
 * Done actions that addressed this complaint's cause before it arrived: the case page warns that
 * it may be a recurrence.
 */
export async function recurrenceWarnings(
  db: Db,
  complaint: { rootCauseId: string | null; processId: string | null; receivedAt: Date },
): Promise<{ id: string; title: string; doneAt: Date }[]> {
  if (!complaint.rootCauseId) return [];
  const rows = await db
    .select({ id: correctiveActions.id, title: correctiveActions.title, doneAt: correctiveActions.doneAt, rootCauseId: correctiveActions.rootCauseId, processId: correctiveActions.processId })
    .from(correctiveActions)
    .where(
      and(
        eq(correctiveActions.status, "done"),
        eq(correctiveActions.rootCauseId, complaint.rootCauseId),
        sql`${correctiveActions.doneAt} < ${complaint.receivedAt.toISOString()}::timestamptz`,
        sql`(${correctiveActions.processId} is null or ${correctiveActions.processId} = ${complaint.processId})`,
      ),
    )
    .orderBy(desc(correctiveActions.doneAt));
  return rows.map((r) => ({ id: r.id, title: r.title, doneAt: r.doneAt! }));
}
