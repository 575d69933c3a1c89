import { sql } from "drizzle-orm";
import { bigint, bigserial, check, customType, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { complaints } from "./complaints";

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => "bytea" });

/**
 * What became of a message read from the business's mailbox (lib/mail): a new complaint, a
 * customer message on a case, ignored (auto-reply, bounce, list mail, our own mail) or refused
 * (over the hourly limit, nothing usable in it).
 */
export const INBOUND_EMAIL_OUTCOMES = ["complaint", "message", "ignored", "refused"] as const;
export const inboundEmailOutcome = pgEnum("inbound_email_outcome", INBOUND_EMAIL_OUTCOMES);

/**
 * Every email taken from the mailbox, once. The row is written in the same transaction as the
 * complaint or message it made, so "taken" and "stored" commit together; the unique keys (the
 * mailbox's UIDVALIDITY and UID, and the Message-ID) make a second reader's insert wait for the
 * first and then find the message taken. See docs/decisions/0012-email-in.md.
 */
export const inboundEmails = pgTable(
  "inbound_emails",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    /** The IMAP account and folder it was read from ("user@host/INBOX"); null when it came through `npm run mail:ingest`. */
    mailbox: text("mailbox"),
    uidValidity: bigint("uid_validity", { mode: "number" }),
    uid: bigint("uid", { mode: "number" }),
    /** The Message-ID header, or "sha256:<hash of the raw message>" when it has none. */
    messageKey: text("message_key").notNull(),
    outcome: inboundEmailOutcome("outcome").notNull(),
    /** Why it was ignored or refused, or what was left out (e.g. a file of a type we do not keep). */
    reason: text("reason"),
    complaintId: uuid("complaint_id").references(() => complaints.id, { onDelete: "set null" }),
    fromAddress: text("from_address"),
    subject: text("subject"),
    /** The message exactly as received (RFC 822), for staff who need more than the trimmed text. */
    raw: bytea("raw").notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("inbound_emails_message_key").on(t.messageKey),
    uniqueIndex("inbound_emails_mailbox_uid").on(t.mailbox, t.uidValidity, t.uid).where(sql`${t.mailbox} is not null`),
    index("inbound_emails_received_idx").on(t.receivedAt.desc(), t.id.desc()),
    index("inbound_emails_complaint_idx").on(t.complaintId),
    check("inbound_emails_uid_with_mailbox", sql`(${t.mailbox} is null) = (${t.uid} is null)`),
  ],
);

export type InboundEmail = typeof inboundEmails.$inferSelect;
export type InboundEmailOutcome = (typeof INBOUND_EMAIL_OUTCOMES)[number];

/**
 * Messages in the mailbox whose ingest threw (not an ignored or refused email: those are
 * inbound_emails rows). One row per message, counted per failed attempt; once `attempts` reaches
 * lib/mail/attempts.ts MAX_INGEST_ATTEMPTS the reader stops trying it and owners see it at
 * Settings → Mailbox. A later success deletes the row. Keyed like inbound_emails: UIDs are only
 * unique within one folder of one account and one UIDVALIDITY.
 */
export const inboundAttempts = pgTable(
  "inbound_attempts",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    mailbox: text("mailbox").notNull(),
    uidValidity: bigint("uid_validity", { mode: "number" }).notNull(),
    uid: bigint("uid", { mode: "number" }).notNull(),
    /** From the IMAP envelope, so owners can find the message in their mail program. */
    fromAddress: text("from_address"),
    subject: text("subject"),
    attempts: integer("attempts").notNull().default(1),
    lastError: text("last_error").notNull(),
    firstFailedAt: timestamp("first_failed_at", { withTimezone: true }).notNull().defaultNow(),
    lastFailedAt: timestamp("last_failed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("inbound_attempts_mailbox_uid").on(t.mailbox, t.uidValidity, t.uid),
    index("inbound_attempts_last_failed_idx").on(t.lastFailedAt.desc(), t.id.desc()),
    check("inbound_attempts_positive", sql`${t.attempts} > 0`),
  ],
);

export type InboundAttempt = typeof inboundAttempts.$inferSelect;
