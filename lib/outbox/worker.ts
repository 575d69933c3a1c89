import "server-only";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import { threadHeaders } from "@/lib/mail/threading";

/**
 * Delivery of the outbox. A message is claimed in one statement (`FOR UPDATE SKIP LOCKED`, so
 * several workers never claim the same row), leased for LEASE_MS, sent, then marked sent. If the
 * worker dies mid-send the lease runs out and another worker retries: delivery is at least once,
 * and duplicates need a crash between the SMTP server's "OK" and the "sent" update. Each message
 * keeps one Message-ID across retries, so mail systems can recognise a repeat.
 * See docs/decisions/0001-outbox-delivery.md.
 */

/** What the worker needs from a mail transport. Throwing means "not delivered, try again". */
export type Mailer = {
  send(message: {
    messageId: string;
    /** The case's thread root (lib/mail/threading.ts), on every email about a case. */
    inReplyTo?: string;
    references?: string;
    /** The case's own reply address, when MAIL_REPLY_TO is set. */
    replyTo?: string;
    to: string;
    subject: string;
    text: string;
    html: string;
  }): Promise<void>;
};

export const LEASE_MS = 2 * 60_000;
export const MAX_ATTEMPTS = 12;
const FIRST_RETRY_MS = 30_000;
const MAX_RETRY_MS = 2 * 3_600_000;

/** Exponential backoff: 30 s, 1 min, 2 min, … capped at 2 h, with ±10% jitter so retries of many messages spread out. */
export function retryDelayMs(attempts: number, random = Math.random): number {
  const base = Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), MAX_RETRY_MS);
  return Math.round(base * (0.9 + random() * 0.2));
}

/** SMTP 5xx answers are permanent (unknown mailbox, refused): retrying cannot help. */
export function isPermanentFailure(error: unknown): boolean {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === "number" && code >= 500 && code < 600;
}

type Claimed = {
  id: string;
  complaint_id: string | null;
  to_address: string;
  reply_to: string | null;
  subject: string;
  text_body: string;
  html_body: string;
  attempts: number;
};

/**
 * Takes up to `limit` messages that are due (pending and past their next attempt, or `sending`
 * with an expired lease) and marks them `sending` with a fresh lease, all in one statement.
 */
export async function claimDue(db: Db, options: { limit?: number; now?: Date } = {}): Promise<Claimed[]> {
  const now = options.now ?? new Date();
  const leaseUntil = new Date(now.getTime() + LEASE_MS);
  return queryRows<Claimed>(
    db,
    sql`with due as (
          select id from outbox_messages
          where (status = 'pending' and next_attempt_at <= ${now.toISOString()}::timestamptz)
             or (status = 'sending' and lease_until < ${now.toISOString()}::timestamptz)
          order by next_attempt_at, id
          limit ${options.limit ?? 20}
          for update skip locked
        )
        update outbox_messages m
        set status = 'sending', attempts = m.attempts + 1, lease_until = ${leaseUntil.toISOString()}::timestamptz,
            updated_at = ${now.toISOString()}::timestamptz
        from due where m.id = due.id
        returning m.id, m.complaint_id, m.to_address, m.reply_to, m.subject, m.text_body, m.html_body, m.attempts`,
  );
}

export type DeliveryReport = { sent: number; retrying: number; failed: number };

/** One pass: claim what is due, send each, record the outcome. Safe to run from many processes at once. */
export async function deliverDue(db: Db, mailer: Mailer, options: { limit?: number; now?: () => Date } = {}): Promise<DeliveryReport> {
  const clock = options.now ?? (() => new Date());
  const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0 };
  const claimed = await claimDue(db, { limit: options.limit, now: clock() });
  for (const message of claimed) {
    try {
      await mailer.send({
        ...threadHeaders(message.id, message.complaint_id),
        ...(message.reply_to ? { replyTo: message.reply_to } : {}),
        to: message.to_address,
        subject: message.subject,
        text: message.text_body,
        html: message.html_body,
      });
    } catch (error) {
      const outcome = await recordFailure(db, message, error, clock());
      report[outcome] += 1;
      continue;
    }
    await recordSent(db, message, clock());
    report.sent += 1;
  }
  return report;
}

/** Only the claim that is still current may record the outcome (attempts identifies the claim). */
async function recordSent(db: Db, message: Claimed, now: Date): Promise<void> {
  await db.execute(
    sql`update outbox_messages set status = 'sent', sent_at = ${now.toISOString()}::timestamptz, lease_until = null,
          last_error = null, updated_at = ${now.toISOString()}::timestamptz
        where id = ${message.id} and status = 'sending' and attempts = ${message.attempts}`,
  );
}

async function recordFailure(db: Db, message: Claimed, error: unknown, now: Date): Promise<"retrying" | "failed"> {
  const permanent = isPermanentFailure(error) || message.attempts >= MAX_ATTEMPTS;
  const text = (error instanceof Error ? error.message : String(error)).slice(0, 1_000);
  const next = new Date(now.getTime() + retryDelayMs(message.attempts));
  await db.execute(
    sql`update outbox_messages set status = ${permanent ? "failed" : "pending"}::outbox_status, lease_until = null,
          last_error = ${text}, next_attempt_at = ${next.toISOString()}::timestamptz, updated_at = ${now.toISOString()}::timestamptz
        where id = ${message.id} and status = 'sending' and attempts = ${message.attempts}`,
  );
  return permanent ? "failed" : "retrying";
}

/** Puts a failed message back in the queue (an owner's "Retry now"). */
export async function retryMessage(db: Db, id: string, now = new Date()): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`update outbox_messages set status = 'pending', attempts = 0, next_attempt_at = ${now.toISOString()}::timestamptz,
          updated_at = ${now.toISOString()}::timestamptz
        where id = ${id} and status = 'failed' returning id`,
  );
  return rows.length > 0;
}
