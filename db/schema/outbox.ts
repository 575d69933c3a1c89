import { sql } from "drizzle-orm";
import { check, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { complaints } from "./complaints";
import { staffUsers } from "./staff";

/**
 * Every email the product sends, to customers and to staff. One row per message, written in the
 * same transaction as the event that caused it (the transactional outbox), then delivered by the
 * worker in lib/outbox/worker.ts. See docs/decisions/0001-outbox-delivery.md.
 */
export const OUTBOX_KINDS = [
  "acknowledgement",
  "call_summary",
  "staff_reply",
  "resolution_proposed",
  "follow_up",
  "closure",
  "tracking_link",
  "staff_alert",
  "staff_digest",
  "security_alert",
] as const;
export const outboxKind = pgEnum("outbox_kind", OUTBOX_KINDS);

/** pending → sending (leased to one worker) → sent; failed after the last retry; skipped when there is no address. */
export const OUTBOX_STATUSES = ["pending", "sending", "sent", "failed", "skipped"] as const;
export const outboxStatus = pgEnum("outbox_status", OUTBOX_STATUSES);

export const outboxMessages = pgTable(
  "outbox_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: outboxKind("kind").notNull(),
    complaintId: uuid("complaint_id").references(() => complaints.id, { onDelete: "set null" }),
    /** The staff member a staff alert or digest is for. */
    staffUserId: uuid("staff_user_id").references(() => staffUsers.id, { onDelete: "set null" }),
    /** Null only for skipped messages (e.g. a customer who gave a phone number only). */
    toAddress: text("to_address"),
    /** Where the customer's reply goes: the case's own reply address (lib/mail/reply-address.ts); null for staff mail or without MAIL_REPLY_TO. */
    replyTo: text("reply_to"),
    subject: text("subject").notNull(),
    textBody: text("text_body").notNull(),
    htmlBody: text("html_body").notNull(),
    status: outboxStatus("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    /** While `sending`: the claim expires at this time and another worker may take the message over. */
    leaseUntil: timestamp("lease_until", { withTimezone: true }),
    lastError: text("last_error"),
    skipReason: text("skip_reason"),
    /** One message per cause: a retried action or a second worker cannot enqueue it twice. */
    dedupeKey: text("dedupe_key").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("outbox_messages_dedupe_key").on(t.dedupeKey),
    index("outbox_messages_due_idx").on(t.nextAttemptAt).where(sql`${t.status} in ('pending', 'sending')`),
    index("outbox_messages_created_idx").on(t.createdAt.desc(), t.id.desc()),
    index("outbox_messages_complaint_idx").on(t.complaintId),
    // Acknowledgements held back (no email address): the "call to confirm" tasks on What's due
    // start from these, on every workspace page (the badge), so they are found without a scan.
    index("outbox_messages_ack_skipped_idx").on(t.complaintId).where(sql`${t.kind} = 'acknowledgement' and ${t.status} = 'skipped'`),
    check("outbox_messages_address", sql`${t.status} = 'skipped' or ${t.toAddress} is not null`),
    check("outbox_messages_attempts_nonnegative", sql`${t.attempts} >= 0`),
  ],
);

/** The owner's wording for one kind of email; a kind without a row uses the built-in wording. */
export const emailTemplates = pgTable("email_templates", {
  kind: outboxKind("kind").primaryKey(),
  subject: text("subject").notNull(),
  body: text("body").notNull(),
  updatedById: uuid("updated_by_id").references(() => staffUsers.id, { onDelete: "set null" }),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Extra tracking links for a complaint, besides the one in complaints.tracking_token_hash: each
 * email that carries a link gets its own token (only its hash is stored). Issuing a replacement
 * link after "lost my link" revokes them all.
 */
export const trackingLinks = pgTable(
  "tracking_links",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    complaintId: uuid("complaint_id")
      .notNull()
      .references(() => complaints.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("tracking_links_token_hash_key").on(t.tokenHash), index("tracking_links_complaint_idx").on(t.complaintId)],
);

export type OutboxKind = (typeof OUTBOX_KINDS)[number];
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];
