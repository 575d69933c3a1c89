import "server-only";
import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { complaintEvents, complaints, customers } from "@/db/schema";

/**
 * "The customer is waiting for us": the customer did something on the tracking page (wrote,
 * corrected our summary, agreed or disagreed with the proposal) after the business's last
 * customer-visible action on the case. Filing itself is covered by the first-response target.
 */

export type AttentionKind = "replied" | "corrected" | "agreed" | "disagreed";

const CUSTOMER_TYPES = {
  customer_message: "replied",
  restatement_corrected: "corrected",
  customer_agreed: "agreed",
  customer_disagreed: "disagreed",
} as const satisfies Record<string, AttentionKind>;

export const ATTENTION_LABELS: Record<AttentionKind, string> = {
  replied: "Customer replied",
  corrected: "Customer corrected our summary",
  agreed: "Customer agreed with the resolution",
  disagreed: "Customer disagreed with the resolution",
};

export type Attention = { kind: AttentionKind; label: string; since: Date };

const customerTypeList = sql.join(
  Object.keys(CUSTOMER_TYPES).map((t) => sql`${t}`),
  sql`, `,
);
const customerEvent = sql`${complaintEvents.actorKind} = 'customer' and ${complaintEvents.type}::text in (${customerTypeList})`;
const businessEvent = sql`${complaintEvents.actorKind} <> 'customer' and ${complaintEvents.visibility} = 'customer'`;
const lastCustomerAt = sql<Date>`max(${complaintEvents.createdAt}) filter (where ${customerEvent})`.mapWith(complaintEvents.createdAt);
const lastCustomerType = sql<string>`(array_agg(${complaintEvents.type}::text order by ${complaintEvents.createdAt} desc, ${complaintEvents.id} desc) filter (where ${customerEvent}))[1]`;
const waiting = sql`max(${complaintEvents.createdAt}) filter (where ${customerEvent}) > coalesce(max(${complaintEvents.createdAt}) filter (where ${businessEvent}), '-infinity'::timestamptz)`;

function toAttention(type: string, since: Date): Attention {
  const kind = CUSTOMER_TYPES[type as keyof typeof CUSTOMER_TYPES] ?? "replied";
  return { kind, label: ATTENTION_LABELS[kind], since };
}

/**
 * For the queue's next-step: which of these cases have a customer waiting, and why. One grouped
 * query over the cases' events; cases with nothing waiting are absent from the map.
 */
export async function customerNeedsAttention(db: Db, complaintIds: readonly string[]): Promise<Map<string, Attention>> {
  if (complaintIds.length === 0) return new Map();
  const rows = await db
    .select({ complaintId: complaintEvents.complaintId, since: lastCustomerAt, type: lastCustomerType })
    .from(complaintEvents)
    .where(inArray(complaintEvents.complaintId, [...complaintIds]))
    .groupBy(complaintEvents.complaintId)
    .having(waiting);
  return new Map(rows.map((r) => [r.complaintId, toAttention(r.type, r.since)]));
}

/**
 * Cases where the customer has ever written, agreed, disagreed or corrected: the only ones that
 * can be waiting. A semi-join through complaint_events_type_created_idx, so the grouping below
 * reads the events of those few cases instead of every event of every case in scope (at a
 * million complaints, the difference between milliseconds and two seconds on every staff page).
 */
const customerHasActed = sql`${complaints.id} in (select ce.complaint_id from ${complaintEvents} ce
  where ce.type in (${customerTypeList}) and ce.actor_kind = 'customer')`;

/** The same question for every case in a scope (see due.ts), with what the due list shows: the longest waiting first. */
export async function customerWaitingQuery(db: Db, scope: SQL, limit: number) {
  const rows = await db
    .select({
      complaintId: complaints.id,
      reference: complaints.reference,
      customerName: customers.name,
      assigneeId: complaints.assigneeId,
      since: lastCustomerAt,
      type: lastCustomerType,
    })
    .from(complaintEvents)
    .innerJoin(complaints, eq(complaints.id, complaintEvents.complaintId))
    .innerJoin(customers, eq(customers.id, complaints.customerId))
    .where(and(scope, customerHasActed))
    .groupBy(complaints.id, complaints.reference, customers.name, complaints.assigneeId)
    .having(waiting)
    .orderBy(lastCustomerAt, complaints.id)
    .limit(limit);
  return rows.map((r) => ({ ...r, ...toAttention(r.type, r.since) }));
}

/**
 * How many cases in a scope have a customer waiting: the same groups, counted in SQL, as a
 * one-row query (column `n`) that the due counts (due.ts) run inside their one statement.
 */
export function customersWaitingCountQuery(db: Db, scope: SQL) {
  const waitingCases = db
    .select({ complaintId: complaints.id })
    .from(complaintEvents)
    .innerJoin(complaints, eq(complaints.id, complaintEvents.complaintId))
    .where(and(scope, customerHasActed))
    .groupBy(complaints.id)
    .having(waiting)
    .as("waiting_cases");
  return db.select({ n: sql<number>`count(*)::int`.as("n") }).from(waitingCases);
}
