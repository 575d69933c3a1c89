import { sql, type SQL } from "drizzle-orm";
import {
  check,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { customers } from "./customers";
import {
  caseStatus,
  customerAgreement,
  faultAttribution,
  intakeChannel,
  requestJudgement,
  resolutionSource,
  resolutionType,
  severity,
} from "./enums";
import { staffUsers } from "./staff";
import { processes, rootCauses } from "./taxonomy";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

/**
 * One complaint and the current state of all the work on it. The history lives in
 * complaint_events; the columns here are the latest values, kept for the queue and analytics.
 * `description` and `desired_outcome` are the customer's own words and are never updated.
 */
export const complaints = pgTable(
  "complaints",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    reference: text("reference").notNull(),
    /** SHA-256 (hex) of the customer's tracking token; the token itself is never stored. */
    trackingTokenHash: text("tracking_token_hash").notNull(),
    /**
     * The token in this case's reply address (MAIL_REPLY_TO with "+<token>"), set when the first
     * email about the case is queued: random, so nobody can write onto a case they only guess.
     */
    replyToken: text("reply_token"),
    customerId: uuid("customer_id")
      .notNull()
      .references(() => customers.id, { onDelete: "restrict" }),
    /** Null when the customer was "not sure" and staff have not set it yet. */
    processId: uuid("process_id").references(() => processes.id, { onDelete: "restrict" }),
    channel: intakeChannel("channel").notNull().default("web"),
    orderReference: text("order_reference"),
    occurredOn: date("occurred_on"),
    description: text("description").notNull(),
    desiredOutcome: text("desired_outcome"),
    status: caseStatus("status").notNull().default("new"),
    severity: severity("severity"),
    assigneeId: uuid("assignee_id").references(() => staffUsers.id, { onDelete: "set null" }),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
    firstResponseAt: timestamp("first_response_at", { withTimezone: true }),
    firstResponseDueAt: timestamp("first_response_due_at", { withTimezone: true }),
    // The earliest deadline still pending on the case: its first response while unanswered, an
    // unkept promise until the case closes, an open follow-up while it is resolved. Kept by
    // triggers in the database (migration 0019) whenever the case, its promises or its follow-ups
    // change; the app reads it and never writes it. The queue's Overdue tab and "Due soonest"
    // read this one column instead of three tables for each of the cases not yet closed.
    nextDueAt: timestamp("next_due_at", { withTimezone: true }),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    lastActivityAt: timestamp("last_activity_at", { withTimezone: true }).notNull().defaultNow(),
    escalatedAt: timestamp("escalated_at", { withTimezone: true }),
    escalationReason: text("escalation_reason"),
    reopenedCount: integer("reopened_count").notNull().default(0),
    // Root cause, fault and the request's judgement: set by staff, required to resolve.
    rootCauseId: uuid("root_cause_id").references(() => rootCauses.id, { onDelete: "restrict" }),
    faultAttribution: faultAttribution("fault_attribution"),
    faultConfirmedById: uuid("fault_confirmed_by_id").references(() => staffUsers.id, { onDelete: "set null" }),
    faultConfirmedAt: timestamp("fault_confirmed_at", { withTimezone: true }),
    /** The staff member whose conduct caused the complaint, when that is the cause. */
    responsibleStaffId: uuid("responsible_staff_id").references(() => staffUsers.id, { onDelete: "set null" }),
    requestJudgement: requestJudgement("request_judgement"),
    requestJudgementReason: text("request_judgement_reason"),
    resolutionType: resolutionType("resolution_type"),
    resolutionDescription: text("resolution_description"),
    resolutionSource: resolutionSource("resolution_source"),
    goodwillDescription: text("goodwill_description"),
    goodwillCostCents: integer("goodwill_cost_cents"),
    customerAgreement: customerAgreement("customer_agreement"),
    satisfaction: smallint("satisfaction"),
    satisfactionComment: text("satisfaction_comment"),
    /** Staff minutes recorded on this case's events, kept as a running total. */
    minutesSpent: integer("minutes_spent").notNull().default(0),
    /**
     * Promises on this case that were kept, counted by a trigger on promises in the promise's own
     * transaction (migration 0008), so analytics counts kept promises without joining them.
     */
    promisesKept: integer("promises_kept").notNull().default(0),
    /** Id in the system a complaint was imported from; re-importing the same file skips it. */
    externalId: text("external_id"),
    /** Client-supplied key: a retried or double-clicked submit creates one complaint. */
    idempotencyKey: text("idempotency_key"),
    /**
     * SHA-256 of the complaint the key was first used with (lib/complaints/intake.ts): the same key
     * with a different complaint is refused instead of answered with this one's reference.
     */
    idempotencyBodyHash: text("idempotency_body_hash"),
    /** Set when the customer's words and contact were removed (erasure or the retention rule). */
    anonymizedAt: timestamp("anonymized_at", { withTimezone: true }),
    /** Optimistic concurrency: every update bumps it and checks the version it read. */
    version: integer("version").notNull().default(1),
    searchVector: tsvector("search_vector").generatedAlwaysAs(
      (): SQL =>
        sql`to_tsvector('english', coalesce(${complaints.description}, '') || ' ' || coalesce(${complaints.desiredOutcome}, '') || ' ' || coalesce(${complaints.orderReference}, ''))`,
    ),
    // Hours from receipt to the first response and to resolution, computed by PostgreSQL when
    // the row is written: medians sort these directly instead of working out an interval for
    // every complaint of the range on every analytics request.
    firstResponseHours: doublePrecision("first_response_hours").generatedAlwaysAs(
      (): SQL => sql`date_part('epoch', ${complaints.firstResponseAt} - ${complaints.receivedAt}) / 3600.0`,
    ),
    resolutionHours: doublePrecision("resolution_hours").generatedAlwaysAs(
      (): SQL => sql`date_part('epoch', ${complaints.resolvedAt} - ${complaints.receivedAt}) / 3600.0`,
    ),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("complaints_reference_key").on(t.reference),
    uniqueIndex("complaints_tracking_token_hash_key").on(t.trackingTokenHash),
    uniqueIndex("complaints_reply_token_key").on(t.replyToken),
    uniqueIndex("complaints_external_id_key").on(t.externalId),
    // Staff search an imported complaint by the old system's own id ("3571115" for "cfpb:3571115").
    index("complaints_external_source_id_idx")
      .on(sql`substr(${t.externalId}, strpos(${t.externalId}, ':') + 1)`)
      .where(sql`${t.externalId} is not null`),
    uniqueIndex("complaints_idempotency_key").on(t.idempotencyKey),
    index("complaints_received_at_idx").on(t.receivedAt.desc(), t.id.desc()),
    index("complaints_status_received_idx").on(t.status, t.receivedAt.desc()),
    index("complaints_assignee_status_idx").on(t.assigneeId, t.status),
    index("complaints_customer_idx").on(t.customerId, t.receivedAt),
    index("complaints_process_received_idx").on(t.processId, t.receivedAt),
    index("complaints_root_cause_received_idx").on(t.rootCauseId, t.receivedAt),
    index("complaints_last_activity_idx").on(t.lastActivityAt.desc()),
    index("complaints_search_idx").using("gin", t.searchVector),
    // The queue's tab counts read every case not yet closed, with only these columns: an
    // index-only scan of this partial index instead of a visit to each of their heap pages.
    index("complaints_open_work_idx")
      .on(t.status, t.assigneeId, t.escalatedAt, t.firstResponseAt, t.firstResponseDueAt, t.id)
      .where(sql`${t.status} <> 'closed'`),
    // One staff member's cases not yet closed (or the unassigned ones), as a short range: the
    // What's due badge joins their promises and follow-ups to it (lib/reminders/due.ts). By
    // deadline within it, so the promises due by tonight start from just the cases whose
    // earliest deadline is before then, not from every case the person holds.
    index("complaints_open_assignee_idx").on(t.assigneeId, t.nextDueAt, t.id).where(sql`${t.status} <> 'closed'`),
    // Cases with a deadline pending, by that deadline: the Overdue count is a range of it, and
    // "Due soonest" reads it in order (keyset pages; the status lets the count skip the table).
    index("complaints_next_due_idx")
      .on(t.nextDueAt.desc(), t.id.desc(), t.status)
      .where(sql`${t.nextDueAt} is not null`),
    // Analytics reads a date range and only these columns: with all of them in one index the
    // aggregates are index-only scans over a narrow, date-ordered structure instead of visiting
    // every heap page that holds a complaint from the range (at a million complaints, 90 days
    // touched all 70,000 pages of the table). The filter columns follow the date.
    index("complaints_analytics_idx").on(
      t.receivedAt,
      t.processId,
      t.channel,
      t.assigneeId,
      t.customerId,
      t.rootCauseId,
      t.responsibleStaffId,
      t.faultAttribution,
      t.requestJudgement,
      t.severity,
      t.firstResponseAt,
      t.firstResponseDueAt,
      t.firstResponseHours,
      t.resolutionHours,
      t.satisfaction,
      t.reopenedCount,
      t.minutesSpent,
      t.goodwillCostCents,
      t.promisesKept,
      t.id,
    ),
    // Complaints attributed to a staff member's conduct, by date: the staff table counts them
    // without reading every complaint of the range (they are a small share).
    index("complaints_conduct_idx")
      .on(t.receivedAt, t.responsibleStaffId, t.processId, t.channel)
      .where(sql`${t.responsibleStaffId} is not null`),
    check("complaints_satisfaction_range", sql`${t.satisfaction} between 1 and 5`),
    check("complaints_promises_kept_nonnegative", sql`${t.promisesKept} >= 0`),
    check("complaints_minutes_nonnegative", sql`${t.minutesSpent} >= 0`),
    check("complaints_goodwill_cost_nonnegative", sql`${t.goodwillCostCents} >= 0`),
    check("complaints_description_not_blank", sql`length(btrim(${t.description})) > 0`),
  ],
);

export type Complaint = typeof complaints.$inferSelect;
