import "server-only";
import { and, asc, count, eq, inArray, isNull, lt, ne, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { businessSettings, complaints, customers, followUps, promises } from "@/db/schema";
import { hasRole, type StaffRole } from "@/lib/auth/roles";
import { dueWhen, localDayRange } from "./local-time";
import { countCustomersWaiting, customerWaitingQuery, type AttentionKind } from "./attention";

/**
 * What is due for one staff member: promises due today or overdue, follow-ups due, first
 * responses past their target, and customers waiting for a reply. "Today" is the business's
 * local calendar day (business_settings.time_zone). Agents see the cases assigned to them;
 * supervisors and owners also see unassigned cases, which otherwise nobody would.
 */

export type DueKind = "promise" | "follow_up" | "first_response" | "customer_waiting";

export type DueItem = {
  key: string;
  kind: DueKind;
  complaintId: string;
  reference: string;
  customerName: string;
  unassigned: boolean;
  /** When it is or was due; for a waiting customer, when they wrote. */
  at: Date;
  overdue: boolean;
  /** The promise's text, or what the customer did. */
  detail: string;
  attention?: AttentionKind;
};

export type DueSummary = { items: DueItem[]; overdue: number; today: number; waiting: number; timeZone: string };

export type DueViewer = { id: string; role: StaffRole };

export type DueCount = { total: number; overdue: number };

/**
 * The conditions of each kind of item, shared by the list and the count so the badge always
 * agrees with the page. `end` is the start of tomorrow in the business's time zone.
 */
function dueConditions(viewer: DueViewer, now: Date, end: Date) {
  const scope = scopeFor(viewer);
  return {
    scope,
    promise: and(isNull(promises.keptAt), lt(promises.dueAt, end), ne(complaints.status, "closed"), scope),
    followUp: and(isNull(followUps.completedAt), lt(followUps.dueAt, end), ne(complaints.status, "closed"), scope),
    firstResponse: and(
      isNull(complaints.firstResponseAt),
      lt(complaints.firstResponseDueAt, now),
      inArray(complaints.status, ["new", "acknowledged", "investigating"]),
      scope,
    ),
  };
}

async function businessTimeZone(db: Db): Promise<string> {
  const [settings] = await db.select({ timeZone: businessSettings.timeZone }).from(businessSettings).limit(1);
  return settings?.timeZone ?? "Europe/London";
}

/**
 * How many items are due and how many of them are overdue, for the navigation badge on every
 * workspace page: counted in SQL (four counts side by side), never by loading the items. The
 * same rules as getDueForStaff: a promise is overdue once its time has passed, a follow-up once
 * its local day has, a first response past target always; waiting customers are never overdue.
 */
export async function countDueForStaff(db: Db, viewer: DueViewer, now = new Date()): Promise<DueCount> {
  const { start, end } = localDayRange(now, await businessTimeZone(db));
  const where = dueConditions(viewer, now, end);
  const [promiseCount, followUpCount, responseCount, waiting] = await Promise.all([
    db
      .select({ total: count(), overdue: sql<number>`count(*) filter (where ${lt(promises.dueAt, now)})`.mapWith(Number) })
      .from(promises)
      .innerJoin(complaints, eq(complaints.id, promises.complaintId))
      .where(where.promise),
    db
      .select({ total: count(), overdue: sql<number>`count(*) filter (where ${lt(followUps.dueAt, start)})`.mapWith(Number) })
      .from(followUps)
      .innerJoin(complaints, eq(complaints.id, followUps.complaintId))
      .where(where.followUp),
    db.select({ total: count() }).from(complaints).where(where.firstResponse),
    countCustomersWaiting(db, where.scope),
  ]);
  const overdue = (promiseCount[0]?.overdue ?? 0) + (followUpCount[0]?.overdue ?? 0) + (responseCount[0]?.total ?? 0);
  return { total: (promiseCount[0]?.total ?? 0) + (followUpCount[0]?.total ?? 0) + (responseCount[0]?.total ?? 0) + waiting, overdue };
}

export async function getDueForStaff(db: Db, viewer: DueViewer, now = new Date()): Promise<DueSummary> {
  const timeZone = await businessTimeZone(db);
  const { start, end } = localDayRange(now, timeZone);
  const where = dueConditions(viewer, now, end);
  const caseColumns = {
    complaintId: complaints.id,
    reference: complaints.reference,
    customerName: customers.name,
    assigneeId: complaints.assigneeId,
  };

  const [promiseRows, followUpRows, responseRows, waitingRows] = await Promise.all([
    db
      .select({ ...caseColumns, id: promises.id, text: promises.text, dueAt: promises.dueAt })
      .from(promises)
      .innerJoin(complaints, eq(complaints.id, promises.complaintId))
      .innerJoin(customers, eq(customers.id, complaints.customerId))
      .where(where.promise)
      .orderBy(asc(promises.dueAt)),
    db
      .select({ ...caseColumns, id: followUps.id, dueAt: followUps.dueAt })
      .from(followUps)
      .innerJoin(complaints, eq(complaints.id, followUps.complaintId))
      .innerJoin(customers, eq(customers.id, complaints.customerId))
      .where(where.followUp)
      .orderBy(asc(followUps.dueAt)),
    db
      .select({ ...caseColumns, dueAt: complaints.firstResponseDueAt })
      .from(complaints)
      .innerJoin(customers, eq(customers.id, complaints.customerId))
      .where(where.firstResponse)
      .orderBy(asc(complaints.firstResponseDueAt)),
    customerWaitingQuery(db, where.scope),
  ]);

  const unassigned = (row: { assigneeId: string | null }) => row.assigneeId === null;
  const items: DueItem[] = [
    ...promiseRows.map((r) => ({
      key: `promise:${r.id}`,
      kind: "promise" as const,
      complaintId: r.complaintId,
      reference: r.reference,
      customerName: r.customerName,
      unassigned: unassigned(r),
      at: r.dueAt,
      overdue: dueWhen(r.dueAt, now, timeZone) === "overdue",
      detail: r.text,
    })),
    ...followUpRows.map((r) => ({
      key: `follow_up:${r.id}`,
      kind: "follow_up" as const,
      complaintId: r.complaintId,
      reference: r.reference,
      customerName: r.customerName,
      unassigned: unassigned(r),
      at: r.dueAt,
      // A follow-up is a day's task: overdue once its local day has passed, as in the queue.
      overdue: r.dueAt.getTime() < start.getTime(),
      detail: "Check the customer is happy with what was done",
    })),
    ...responseRows.map((r) => ({
      key: `first_response:${r.complaintId}`,
      kind: "first_response" as const,
      complaintId: r.complaintId,
      reference: r.reference,
      customerName: r.customerName,
      unassigned: unassigned(r),
      at: r.dueAt!,
      overdue: true,
      detail: "First response is past its target",
    })),
    ...waitingRows.map((r) => ({
      key: `customer_waiting:${r.complaintId}`,
      kind: "customer_waiting" as const,
      complaintId: r.complaintId,
      reference: r.reference,
      customerName: r.customerName,
      unassigned: r.assigneeId === null,
      at: r.since,
      overdue: false,
      detail: r.label,
      attention: r.kind,
    })),
  ];
  items.sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.at.getTime() - b.at.getTime());
  return {
    items,
    overdue: items.filter((i) => i.overdue).length,
    today: items.filter((i) => !i.overdue && i.kind !== "customer_waiting").length,
    waiting: waitingRows.length,
    timeZone,
  };
}

/** Cases this staff member answers for: theirs, and for supervisors and owners the unassigned ones too. */
function scopeFor(viewer: DueViewer): SQL {
  const mine = eq(complaints.assigneeId, viewer.id);
  if (!hasRole(viewer.role, "supervisor")) return mine;
  return or(mine, and(isNull(complaints.assigneeId), sql`${complaints.status} <> 'closed'`))!;
}
