import "server-only";
import { and, desc, eq, gte, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { inboundAttempts } from "@/db/schema";
import { stripControlCharacters } from "@/lib/complaints/intake-schema";
import { recordAudit } from "@/lib/privacy/audit";
import { assertOwner, SettingsRuleError, type SettingsActor } from "@/lib/settings/access";

/**
 * Poison messages: a message in the mailbox whose ingest throws every time (a database constraint
 * nobody foresaw, a parser bug on one odd message) must neither be retried forever, filling the
 * log on every pass, nor hide the fact that it was never taken. Each failed attempt is counted in
 * inbound_attempts; after MAX_INGEST_ATTEMPTS the reader sets the message aside: it stays in the
 * mailbox, not marked taken, and is listed for owners at Settings → Mailbox. A later success deletes the
 * count; so does an owner's "Try again" once the cause is fixed, which gives the message a fresh
 * set of attempts.
 */

/**
 * Five attempts: the reader passes every 30 s and on every new message, so five failures span at
 * least a couple of minutes, which a passing fault (a database restart, a deadlock, a lock timeout)
 * survives, while a message that fails for a reason of its own stops being retried within minutes.
 */
export const MAX_INGEST_ATTEMPTS = 5;

/** A message in one folder of one account, as inbound_emails keys it (lib/mail/imap.ts mailboxKey). */
export type MailboxUid = { mailbox: string; uidValidity: number; uid: number };

/** Errors can be long (a stack in the message, SQL with parameters): owners see the start. */
const ERROR_MAX = 1000;

function errorText(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return stripControlCharacters(text).slice(0, ERROR_MAX) || "Unknown error";
}

/**
 * Counts one failed attempt at this message (created on the first) and says how many there have
 * been and whether the message is now set aside. One statement, so two readers failing the same
 * message at once count twice, not once.
 */
export async function recordFailedAttempt(
  db: Db,
  message: MailboxUid & { fromAddress?: string | null; subject?: string | null },
  error: unknown,
  now = new Date(),
): Promise<{ attempts: number; setAside: boolean }> {
  const lastError = errorText(error);
  const [row] = await db
    .insert(inboundAttempts)
    .values({
      mailbox: message.mailbox,
      uidValidity: message.uidValidity,
      uid: message.uid,
      fromAddress: message.fromAddress ? stripControlCharacters(message.fromAddress).slice(0, 320) : null,
      subject: message.subject ? stripControlCharacters(message.subject).slice(0, 500) : null,
      attempts: 1,
      lastError,
      firstFailedAt: now,
      lastFailedAt: now,
    })
    .onConflictDoUpdate({
      target: [inboundAttempts.mailbox, inboundAttempts.uidValidity, inboundAttempts.uid],
      set: { attempts: sql`${inboundAttempts.attempts} + 1`, lastError, lastFailedAt: now },
    })
    .returning({ attempts: inboundAttempts.attempts });
  const attempts = row?.attempts ?? 1;
  return { attempts, setAside: attempts >= MAX_INGEST_ATTEMPTS };
}

/** The message was taken (by this reader or another): its failures no longer matter. */
export async function clearAttempts(db: Db, message: MailboxUid): Promise<void> {
  await db
    .delete(inboundAttempts)
    .where(and(eq(inboundAttempts.mailbox, message.mailbox), eq(inboundAttempts.uidValidity, message.uidValidity), eq(inboundAttempts.uid, message.uid)));
}

/** The UIDs of this folder (at this UIDVALIDITY) that the reader no longer tries. */
export async function setAsideUids(db: Db, mailbox: string, uidValidity: number): Promise<Set<number>> {
  const rows = await db
    .select({ uid: inboundAttempts.uid })
    .from(inboundAttempts)
    .where(and(eq(inboundAttempts.mailbox, mailbox), eq(inboundAttempts.uidValidity, uidValidity), gte(inboundAttempts.attempts, MAX_INGEST_ATTEMPTS)));
  return new Set(rows.map((r) => r.uid));
}

export type FailingEmailRow = {
  id: number;
  mailbox: string;
  uidValidity: number;
  uid: number;
  fromAddress: string | null;
  subject: string | null;
  attempts: number;
  lastError: string;
  firstFailedAt: Date;
  lastFailedAt: Date;
  setAside: boolean;
};

/**
 * Messages that could not be taken, most recent failure first: those set aside (the reader has
 * stopped trying them) and those still being retried, with the last error and the count.
 */
export async function listFailingEmails(db: Db, limit = 50): Promise<FailingEmailRow[]> {
  return db
    .select({
      id: inboundAttempts.id,
      mailbox: inboundAttempts.mailbox,
      uidValidity: inboundAttempts.uidValidity,
      uid: inboundAttempts.uid,
      fromAddress: inboundAttempts.fromAddress,
      subject: inboundAttempts.subject,
      attempts: inboundAttempts.attempts,
      lastError: inboundAttempts.lastError,
      firstFailedAt: inboundAttempts.firstFailedAt,
      lastFailedAt: inboundAttempts.lastFailedAt,
      setAside: sql<boolean>`${inboundAttempts.attempts} >= ${MAX_INGEST_ATTEMPTS}`.mapWith(Boolean),
    })
    .from(inboundAttempts)
    .orderBy(desc(inboundAttempts.lastFailedAt), desc(inboundAttempts.id))
    .limit(limit);
}

/**
 * An owner's "Try again" for a set-aside email (once whatever made it fail is fixed): its count is
 * deleted, so the reader's next pass takes it, with a fresh set of attempts. Audited; the entry
 * names the row and UID only (no sender or subject: the audit log is never erased).
 */
export async function retrySetAsideEmail(db: Db, actor: SettingsActor, id: string | number): Promise<void> {
  assertOwner(actor);
  const rowId = typeof id === "number" ? id : /^\d{1,15}$/.test(id) ? Number(id) : null;
  const refused = new SettingsRuleError("Only an email that was set aside can be tried again.");
  if (rowId === null) throw refused;
  await db.transaction(async (tx) => {
    const [row] = await tx
      .delete(inboundAttempts)
      .where(and(eq(inboundAttempts.id, rowId), gte(inboundAttempts.attempts, MAX_INGEST_ATTEMPTS)))
      .returning({ uid: inboundAttempts.uid, attempts: inboundAttempts.attempts });
    if (!row) throw refused;
    await recordAudit(tx, { staffId: actor.id, action: "email.retried", subjectType: "inbound_attempt", subjectId: String(rowId), detail: { uid: row.uid, attempts: row.attempts } });
  });
}
