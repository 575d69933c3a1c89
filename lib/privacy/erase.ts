import "server-only";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { queryRows, type Db } from "@/db/client";
import { complaints } from "@/db/schema";
import { CaseRuleError, NotFoundError } from "@/lib/cases/errors";
import { normalizeReference } from "@/lib/complaints/reference";
import { assertPrivacyOwner, type PrivacyActor } from "./access";
import { recordAudit } from "./audit";
import { eraseCustomerRecords, redactComplaints } from "./redact";

export const ERASE_WORD = "ERASE";

/**
 * The confirmation an owner types before erasing: the word ERASE or the case's reference
 * (spaces and case do not matter). A typo erases nothing.
 */
export function eraseConfirmationSchema(reference: string) {
  return z.object({
    confirmation: z
      .string({ error: `Type ${ERASE_WORD} or the case reference to confirm.` })
      .trim()
      .min(1, `Type ${ERASE_WORD} or the case reference to confirm.`)
      .refine(
        (typed) => typed.toUpperCase() === ERASE_WORD || (normalizeReference(typed) !== null && normalizeReference(typed) === normalizeReference(reference)),
        `That does not match. Type ${ERASE_WORD} or ${reference} to confirm.`,
      ),
  });
}

export type EraseResult = { customerId: string; complaints: number; erasedAt: Date };

/**
 * Erases a customer's personal data, in one transaction: their name and contact details, the
 * words of every one of their complaints and of the timeline events, promises, follow-ups and
 * emails about them; their files are deleted, their tracking links stop working and emails not
 * yet sent are cancelled. The figures stay (see redact.ts). Owners only; audited.
 */
export async function eraseCustomer(db: Db, actor: PrivacyActor, customerId: string, options: { now?: Date } = {}): Promise<EraseResult> {
  assertPrivacyOwner(actor, "erase a customer's personal data");
  if (!z.uuid().safeParse(customerId).success) throw new NotFoundError("That customer no longer exists.");
  const now = options.now ?? new Date();
  return db.transaction(async (tx) => {
    // Locks the customer: a second erase, or a retention run, waits and then sees this one.
    const [customer] = await queryRows<{ id: string; erased_at: Date | string | null }>(
      tx,
      sql`select id, erased_at from customers where id = ${customerId} for update`,
    );
    if (!customer) throw new NotFoundError("That customer no longer exists.");
    if (customer.erased_at) throw new CaseRuleError("This customer's personal data has already been erased.");
    const rows = await tx.select({ id: complaints.id }).from(complaints).where(eq(complaints.customerId, customerId));
    const ids = rows.map((r) => r.id);
    await redactComplaints(tx, ids, "request", now);
    await eraseCustomerRecords(tx, [customerId], now);
    await recordAudit(tx, {
      staffId: actor.id,
      action: "customer.erased",
      subjectType: "customer",
      subjectId: customerId,
      detail: { complaints: ids.length },
      at: now,
    });
    return { customerId, complaints: ids.length, erasedAt: now };
  });
}

/**
 * The case page's erase: the customer of the case with this reference, once the owner typed the
 * confirmation. The customer comes from the case on the server, never from the form.
 */
export async function eraseCustomerOfCase(
  db: Db,
  actor: PrivacyActor,
  input: { reference: string; confirmation: unknown },
  options: { now?: Date } = {},
): Promise<EraseResult> {
  assertPrivacyOwner(actor, "erase a customer's personal data");
  const reference = normalizeReference(input.reference);
  const [found] = reference
    ? await db.select({ customerId: complaints.customerId }).from(complaints).where(eq(complaints.reference, reference)).limit(1)
    : [];
  if (!found || !reference) throw new NotFoundError();
  const parsed = eraseConfirmationSchema(reference).safeParse({ confirmation: input.confirmation });
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? `Type ${ERASE_WORD} to confirm.`;
    throw new CaseRuleError(message, { confirmation: message });
  }
  return eraseCustomer(db, actor, found.customerId, options);
}
