import "server-only";
import { and, asc, eq, inArray, isNull, lt, ne, not, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { queryRows, type Db } from "@/db/client";
import { complaintEvents, complaints, customers, followUps, outboxMessages, promises } from "@/db/schema";
import { hasRole, type StaffRole } from "@/lib/auth/roles";
import { dueActionsCountQuery } from "@/lib/improvements/due";
import { getBusinessTimeZone } from "@/lib/settings/business";
import { localDate, localDayRange } from "@/lib/time/zone";
import { customersWaitingCountQuery, customerWaitingQuery, type AttentionKind } from "./attention";

/**
 * What is due for one staff member: promises due today or overdue, follow-ups due, first
 * responses past their target, customers waiting for a reply, and customers with no email to
 * call to confirm a complaint staff took down for them. "Today" is the business's
 * local calendar day (business_settings.time_zone). Agents see the cases assigned to them;
 * supervisors and owners also see unassigned cases, which otherwise nobody would.
 */

export type DueKind = "promise" | "follow_up" | "first_response" | "customer_waiting" | "call_to_confirm";

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

/** How many items of each group there are in all (the badge shows `total`). */
export type DueCount = { total: number; overdue: number; today: number; waiting: number };

/**
 * The most urgent items of each group (overdue, due today, customers waiting), at most
 * `perGroup` of each, and how many there are in all. A supervisor can have thousands: the page
 * shows the first ones and says how many more there are.
 */
export type DueSummary = DueCount & DueList;

export type DueViewer = { id: string; role: StaffRole };

/** Items listed per group on the page; the counts are always complete. */
export const DUE_GROUP_LIMIT = 100;

type Day = { now: Date; start: Date; end: Date };

/** The `filed` event of a complaint, to know who took it down (its actor) when staff did. */
const filedEvent = alias(complaintEvents, "filed_event");

/**
 * The conditions of each kind of item, shared by the list and the count so the badge always
 * agrees with the page. A promise is overdue once its time has passed; a follow-up is a day's
 * task, overdue once its local day has passed (as in the queue); a first response past its target
 * is always overdue; a waiting customer never is. `start`/`end` bound today in the business's zone.
 */
function dueConditions(viewer: DueViewer, { now, start, end }: Day) {
  const scope = scopeFor(viewer);
  const promiseDue = and(
    isNull(promises.keptAt),
    lt(promises.dueAt, end),
    ne(complaints.status, "closed"),
    // Implied by the three above: a case's stored deadline (next_due_at, migration 0019) is at or
    // before each of its unkept promises while it is not closed. Said outright, it lets the
    // badge find a person's cases due by tonight in complaints_open_assignee_idx and look up only
    // their promises, instead of joining every open promise with every case the person holds.
    lt(complaints.nextDueAt, end),
  );
  const followUpDue = and(isNull(followUps.completedAt), lt(followUps.dueAt, end), ne(complaints.status, "closed"));
  return {
    scope,
    scopeParts: scopePartsFor(viewer),
    promiseDue,
    promise: and(promiseDue, scope),
    promiseOverdue: lt(promises.dueAt, now),
    followUpDue,
    followUp: and(followUpDue, scope),
    followUpOverdue: lt(followUps.dueAt, start),
    firstResponse: and(
      isNull(complaints.firstResponseAt),
      lt(complaints.firstResponseDueAt, now),
      inArray(complaints.status, ["new", "acknowledged", "investigating"]),
      scope,
    ),
    callToConfirm: callToConfirmCondition(viewer, scope),
    // A day's task like a follow-up: due the day it was taken down, overdue once that day has passed.
    callToConfirmOverdue: lt(complaints.createdAt, start),
  };
}

/**
 * A complaint staff took down for a customer who gave no email address (its acknowledgement was
 * held back, lib/outbox/enqueue.ts) needs a call to confirm it and read out the reference, for the
 * assignee, or while nobody is assigned for whoever took it down (and, as for every unassigned
 * case, supervisors and owners). Used with callToConfirmJoin.
 *
 * Done once a call is logged on the case (`call_logged`). Not a written message or a first
 * response: this customer has no email and never received the tracking link, so nothing written
 * reaches them, and the domain's way to record talking to a customer is logging the call (whose
 * written summary then follows). The filing itself does not count even for a phone complaint: it
 * records what the customer said, not that the business called back to confirm it.
 */
function callToConfirmCondition(viewer: DueViewer, scope: SQL): SQL {
  return and(
    // Literals, not parameters: so the planner matches the partial index outbox_messages_ack_skipped_idx in every plan.
    sql`${outboxMessages.kind} = 'acknowledgement' and ${outboxMessages.status} = 'skipped'`,
    ne(complaints.status, "closed"),
    isNull(complaints.anonymizedAt),
    sql`not exists (select 1 from ${complaintEvents} where ${complaintEvents.complaintId} = ${complaints.id} and ${complaintEvents.type} = 'call_logged')`,
    or(scope, and(isNull(complaints.assigneeId), eq(filedEvent.actorId, viewer.id))),
  )!;
}

/** Joins a query on held-back acknowledgements (a partial index finds them) to their complaint and its staff `filed` event. */
const callToConfirmJoin = {
  complaint: eq(complaints.id, outboxMessages.complaintId),
  filed: and(eq(filedEvent.complaintId, complaints.id), eq(filedEvent.type, "filed"), eq(filedEvent.actorKind, "staff")),
};

async function businessDay(db: Db, now: Date): Promise<Day & { timeZone: string }> {
  const timeZone = await getBusinessTimeZone(db);
  return { now, timeZone, ...localDayRange(now, timeZone) };
}

/**
 * How many items are due, by group, for the navigation badge on every workspace page: counted
 * in SQL, never by loading the items. The viewer's own corrective actions due within the week or
 * overdue count too (the page lists them).
 */
export async function countDueForStaff(db: Db, viewer: DueViewer, now = new Date()): Promise<DueCount> {
  const day = await businessDay(db, now);
  return countDue(db, dueConditions(viewer, day), { ownerId: viewer.id, today: localDate(now, day.timeZone) });
}

type CountRow = Record<
  "promises" | "promises_overdue" | "follow_ups" | "follow_ups_overdue" | "first_responses" | "calls" | "calls_overdue" | "waiting" | "actions" | "actions_overdue",
  number | string
>;

/**
 * Every group's count in one statement: each group is a one-row subquery with its own plan, and
 * the page pays one round trip to the database instead of one per group (the badge is on every
 * workspace page). With `actions`, the owner's corrective actions due soon are counted too.
 */
async function countDue(db: Db, where: ReturnType<typeof dueConditions>, actions?: { ownerId: string; today: string }): Promise<DueCount> {
  const promisesDue = dueByScopePart(
    where.scopeParts,
    (part) =>
      db
        .select({ overdue: sql<boolean>`${where.promiseOverdue}`.as("overdue") })
        .from(promises)
        .innerJoin(complaints, eq(complaints.id, promises.complaintId))
        .where(and(where.promiseDue, part)),
  );
  const followUpsDue = dueByScopePart(
    where.scopeParts,
    (part) =>
      db
        .select({ overdue: sql<boolean>`${where.followUpOverdue}`.as("overdue") })
        .from(followUps)
        .innerJoin(complaints, eq(complaints.id, followUps.complaintId))
        .where(and(where.followUpDue, part)),
  );
  const firstResponses = db.select({ n: sql<number>`count(*)::int`.as("n") }).from(complaints).where(where.firstResponse);
  const calls = db
    .select({ total: sql<number>`count(*)::int`.as("total"), overdue: sql<number>`(count(*) filter (where ${where.callToConfirmOverdue}))::int`.as("overdue") })
    .from(outboxMessages)
    .innerJoin(complaints, callToConfirmJoin.complaint)
    .innerJoin(filedEvent, callToConfirmJoin.filed)
    .where(where.callToConfirm);
  const waitingCases = customersWaitingCountQuery(db, where.scope);
  const ownActions = actions ? sql`(${dueActionsCountQuery(db, actions.ownerId, actions.today).getSQL()})` : sql`(select 0 as total, 0 as overdue)`;
  const [row] = await queryRows<CountRow>(
    db,
    sql`select p.total as promises, p.overdue as promises_overdue, f.total as follow_ups, f.overdue as follow_ups_overdue,
        r.n as first_responses, c.total as calls, c.overdue as calls_overdue, w.n as waiting, a.total as actions, a.overdue as actions_overdue
      from (${promisesDue}) p cross join (${followUpsDue}) f cross join (${firstResponses.getSQL()}) r
        cross join (${calls.getSQL()}) c cross join (${waitingCases.getSQL()}) w cross join ${ownActions} a`,
  );
  const n = (key: keyof CountRow) => Number(row?.[key] ?? 0);
  const overdue = n("promises_overdue") + n("follow_ups_overdue") + n("first_responses") + n("calls_overdue") + n("actions_overdue");
  const today = n("promises") - n("promises_overdue") + n("follow_ups") - n("follow_ups_overdue") + n("calls") - n("calls_overdue") + n("actions") - n("actions_overdue");
  const waiting = n("waiting");
  return { total: overdue + today + waiting, overdue, today, waiting };
}

/** The most urgent items of each group, at most `perGroup` of each (see DueSummary). */
export type DueList = { items: DueItem[]; timeZone: string; perGroup: number };

/** The counts and the most urgent items together: the digest, and anything else that needs both. */
export async function getDueForStaff(db: Db, viewer: DueViewer, now = new Date(), perGroup = DUE_GROUP_LIMIT): Promise<DueSummary> {
  const day = await businessDay(db, now);
  const where = dueConditions(viewer, day);
  const [counts, list] = await Promise.all([countDue(db, where), listDue(db, where, day, perGroup)]);
  return { ...counts, ...list };
}

/** The most urgent items only, for a page that has its counts already (the badge's, per request). */
export async function listDueForStaff(db: Db, viewer: DueViewer, now = new Date(), perGroup = DUE_GROUP_LIMIT): Promise<DueList> {
  const day = await businessDay(db, now);
  return listDue(db, dueConditions(viewer, day), day, perGroup);
}

async function listDue(db: Db, where: ReturnType<typeof dueConditions>, day: Day & { timeZone: string }, perGroup: number): Promise<DueList> {
  const caseColumns = {
    complaintId: complaints.id,
    reference: complaints.reference,
    customerName: customers.name,
    assigneeId: complaints.assigneeId,
  };
  // Each group's first `perGroup` come from at most `perGroup` of each kind in it, so every list
  // query is bounded; the overdue and today parts of a kind are separate queries for that reason.
  const promiseList = (condition: SQL | undefined) =>
    db
      .select({ ...caseColumns, id: promises.id, text: promises.text, dueAt: promises.dueAt })
      .from(promises)
      .innerJoin(complaints, eq(complaints.id, promises.complaintId))
      .innerJoin(customers, eq(customers.id, complaints.customerId))
      .where(condition)
      .orderBy(asc(promises.dueAt))
      .limit(perGroup);
  const followUpList = (condition: SQL | undefined) =>
    db
      .select({ ...caseColumns, id: followUps.id, dueAt: followUps.dueAt })
      .from(followUps)
      .innerJoin(complaints, eq(complaints.id, followUps.complaintId))
      .innerJoin(customers, eq(customers.id, complaints.customerId))
      .where(condition)
      .orderBy(asc(followUps.dueAt))
      .limit(perGroup);

  const callList = (condition: SQL | undefined) =>
    db
      .select({ ...caseColumns, filedAt: complaints.createdAt })
      .from(outboxMessages)
      .innerJoin(complaints, callToConfirmJoin.complaint)
      .innerJoin(filedEvent, callToConfirmJoin.filed)
      .innerJoin(customers, eq(customers.id, complaints.customerId))
      .where(condition)
      .orderBy(asc(complaints.createdAt))
      .limit(perGroup);

  const [promisesOverdue, promisesToday, followUpsOverdue, followUpsToday, responseRows, waitingRows, callsOverdue, callsToday] = await Promise.all([
    promiseList(and(where.promise, where.promiseOverdue)),
    promiseList(and(where.promise, not(where.promiseOverdue))),
    followUpList(and(where.followUp, where.followUpOverdue)),
    followUpList(and(where.followUp, not(where.followUpOverdue))),
    db
      .select({ ...caseColumns, dueAt: complaints.firstResponseDueAt })
      .from(complaints)
      .innerJoin(customers, eq(customers.id, complaints.customerId))
      .where(where.firstResponse)
      .orderBy(asc(complaints.firstResponseDueAt))
      .limit(perGroup),
    customerWaitingQuery(db, where.scope, perGroup),
    callList(and(where.callToConfirm, where.callToConfirmOverdue)),
    callList(and(where.callToConfirm, not(where.callToConfirmOverdue))),
  ]);

  const promiseItem = (overdue: boolean) => (r: (typeof promisesOverdue)[number]) =>
    dueItem(r, { key: `promise:${r.id}`, kind: "promise", at: r.dueAt, overdue, detail: r.text });
  const followUpItem = (overdue: boolean) => (r: (typeof followUpsOverdue)[number]) =>
    dueItem(r, { key: `follow_up:${r.id}`, kind: "follow_up", at: r.dueAt, overdue, detail: "Check the customer is happy with what was done" });
  const callItem = (overdue: boolean) => (r: (typeof callsOverdue)[number]) =>
    dueItem(r, {
      key: `call_to_confirm:${r.complaintId}`,
      kind: "call_to_confirm",
      at: r.filedAt,
      overdue,
      detail: `Call ${r.customerName} to confirm the complaint and read out the reference ${r.reference}`,
    });
  const overdueItems = [
    ...promisesOverdue.map(promiseItem(true)),
    ...callsOverdue.map(callItem(true)),
    ...followUpsOverdue.map(followUpItem(true)),
    ...responseRows.map((r) =>
      dueItem(r, { key: `first_response:${r.complaintId}`, kind: "first_response", at: r.dueAt!, overdue: true, detail: "First response is past its target" }),
    ),
  ];
  const todayItems = [...promisesToday.map(promiseItem(false)), ...followUpsToday.map(followUpItem(false)), ...callsToday.map(callItem(false))];
  const waitingItems = waitingRows.map((r) =>
    dueItem(r, { key: `customer_waiting:${r.complaintId}`, kind: "customer_waiting", at: r.since, overdue: false, detail: r.label, attention: r.kind }),
  );
  const mostUrgent = (items: DueItem[]) => items.sort((a, b) => a.at.getTime() - b.at.getTime()).slice(0, perGroup);
  return {
    items: [...mostUrgent(overdueItems), ...mostUrgent(todayItems), ...mostUrgent(waitingItems)],
    timeZone: day.timeZone,
    perGroup,
  };
}

type CaseColumns = { complaintId: string; reference: string; customerName: string; assigneeId: string | null };

/** An item from its case's columns and what is due on it. */
function dueItem(row: CaseColumns, due: Pick<DueItem, "key" | "kind" | "at" | "overdue" | "detail" | "attention">): DueItem {
  return { complaintId: row.complaintId, reference: row.reference, customerName: row.customerName, unassigned: row.assigneeId === null, ...due };
}

/** Cases this staff member answers for: theirs, and for supervisors and owners the unassigned ones too. */
function scopeFor(viewer: DueViewer): SQL {
  const parts = scopePartsFor(viewer);
  return parts.length === 1 ? parts[0]! : or(...parts)!;
}

/** The same scope as disjoint parts (no case is both assigned to the viewer and unassigned). */
function scopePartsFor(viewer: DueViewer): SQL[] {
  const mine = eq(complaints.assigneeId, viewer.id);
  if (!hasRole(viewer.role, "supervisor")) return [mine];
  return [mine, and(isNull(complaints.assigneeId), sql`${complaints.status} <> 'closed'`)!];
}

/**
 * Counts the rows of one query per scope part, and those among them flagged `overdue`, as a
 * one-row subquery (`total`, `overdue`; UNION ALL, the parts are disjoint). Promises and
 * follow-ups are joined to their case: with "mine OR unassigned" in one condition the planner
 * walked every case not yet closed (about 100 ms at a million complaints, on every page of a
 * supervisor, for the badge), while each part on its own is a short range of
 * complaints_open_assignee_idx (a few milliseconds).
 */
function dueByScopePart(parts: SQL[], rowsOf: (part: SQL) => { getSQL(): SQL }): SQL {
  const union = sql.join(
    parts.map((part) => sql`(${rowsOf(part).getSQL()})`),
    sql` union all `,
  );
  return sql`select count(*)::int as total, (count(*) filter (where overdue))::int as overdue from (${union}) as due`;
}
