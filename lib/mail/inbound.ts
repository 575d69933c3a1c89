import "server-only";
import { and, desc, eq, inArray, lt, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { complaints, inboundEmails, type InboundEmailOutcome } from "@/db/schema";

/**
 * What owners see of the mailbox: every email taken, newest first, with what became of it
 * (a complaint, a message on a case, or why it was ignored or refused).
 */

export type InboundEmailRow = {
  id: number;
  receivedAt: Date;
  fromAddress: string | null;
  subject: string | null;
  outcome: InboundEmailOutcome;
  reason: string | null;
  reference: string | null;
  mailbox: string | null;
};

export async function listInboundEmails(
  db: Db,
  options: { outcomes?: InboundEmailOutcome[]; limit?: number; before?: { receivedAt: Date; id: number } } = {},
): Promise<InboundEmailRow[]> {
  const conditions = [
    options.outcomes?.length ? inArray(inboundEmails.outcome, options.outcomes) : undefined,
    options.before
      ? or(lt(inboundEmails.receivedAt, options.before.receivedAt), and(eq(inboundEmails.receivedAt, options.before.receivedAt), lt(inboundEmails.id, options.before.id)))
      : undefined,
  ].filter((c) => c !== undefined);
  return db
    .select({
      id: inboundEmails.id,
      receivedAt: inboundEmails.receivedAt,
      fromAddress: inboundEmails.fromAddress,
      subject: inboundEmails.subject,
      outcome: inboundEmails.outcome,
      reason: inboundEmails.reason,
      reference: complaints.reference,
      mailbox: inboundEmails.mailbox,
    })
    .from(inboundEmails)
    .leftJoin(complaints, eq(complaints.id, inboundEmails.complaintId))
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(inboundEmails.receivedAt), desc(inboundEmails.id))
    .limit(options.limit ?? 50);
}

/** The email exactly as it arrived, for staff who need the full original (quoted history, headers). */
export async function inboundEmailOriginal(db: Db, id: number): Promise<Buffer | null> {
  const [row] = await db.select({ raw: inboundEmails.raw }).from(inboundEmails).where(eq(inboundEmails.id, id)).limit(1);
  return row ? Buffer.from(row.raw) : null;
}

/**
 * The original of an email that became a complaint or a message on the case with this reference,
 * or null when the email is not on that case (staff reach an email only through its case).
 */
export async function caseEmailOriginal(db: Db, reference: string, id: number): Promise<{ raw: Buffer; subject: string | null } | null> {
  if (!Number.isSafeInteger(id) || id < 1) return null;
  const [row] = await db
    .select({ raw: inboundEmails.raw, subject: inboundEmails.subject })
    .from(inboundEmails)
    .innerJoin(complaints, eq(complaints.id, inboundEmails.complaintId))
    .where(and(eq(inboundEmails.id, id), eq(complaints.reference, reference), inArray(inboundEmails.outcome, ["complaint", "message"])))
    .limit(1);
  return row ? { raw: Buffer.from(row.raw), subject: row.subject } : null;
}
