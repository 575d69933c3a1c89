import "server-only";
import { eq, or, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { isUniqueViolation } from "@/db/errors";
import { customers, type Customer } from "@/db/schema";
import { normalizeEmail, normalizePhone } from "./normalize";

export type CustomerContact = {
  name: string;
  email: string | null;
  phone: string | null;
  preferredContact: "email" | "phone";
};

type Match = Pick<Customer, "id" | "emailNormalized" | "phoneNormalized">;

/**
 * The customer these contact details belong to, created when new. A returning customer is
 * recognised by normalised email OR phone; when the email points at one customer and the phone
 * at another, the email wins (people share phones more often than mailboxes).
 *
 * Runs inside the caller's transaction. Each write is in a savepoint, so when a concurrent
 * request creates the same customer first, the unique index refuses ours and we look again.
 */
export async function findOrCreateCustomer(tx: Tx, contact: CustomerContact): Promise<{ id: string; created: boolean }> {
  const emailNormalized = normalizeEmail(contact.email);
  const phoneNormalized = normalizePhone(contact.phone);
  if (!emailNormalized && !phoneNormalized) throw new Error("A customer needs an email address or a phone number");

  for (let attempt = 0; attempt < 3; attempt++) {
    const matches = await findMatches(tx, emailNormalized, phoneNormalized);
    const byEmail = emailNormalized ? matches.find((m) => m.emailNormalized === emailNormalized) : undefined;
    const byPhone = phoneNormalized ? matches.find((m) => m.phoneNormalized === phoneNormalized) : undefined;
    const match = byEmail ?? byPhone;
    if (match) {
      await fillMissingContact(tx, match, contact, { emailNormalized, phoneNormalized, phoneTakenByOther: Boolean(byPhone && byPhone.id !== match.id) });
      return { id: match.id, created: false };
    }
    try {
      const [created] = await tx.transaction((sp) =>
        sp
          .insert(customers)
          .values({
            name: contact.name,
            email: emailNormalized ? contact.email : null,
            emailNormalized,
            phone: phoneNormalized ? contact.phone : null,
            phoneNormalized,
            preferredContact: contact.preferredContact,
          })
          .returning({ id: customers.id }),
      );
      return { id: created!.id, created: true };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // Someone else just created this customer: the next lookup finds them.
    }
  }
  throw new Error("Could not find or create the customer after repeated conflicts");
}

async function findMatches(tx: Tx, emailNormalized: string | null, phoneNormalized: string | null): Promise<Match[]> {
  const conditions = [
    emailNormalized ? eq(customers.emailNormalized, emailNormalized) : undefined,
    phoneNormalized ? eq(customers.phoneNormalized, phoneNormalized) : undefined,
  ].filter((c) => c !== undefined);
  return tx
    .select({ id: customers.id, emailNormalized: customers.emailNormalized, phoneNormalized: customers.phoneNormalized })
    .from(customers)
    .where(or(...conditions));
}

/**
 * A returning customer who now also gives an email (or phone) gets it recorded, unless another
 * customer already has it. Their existing details and name are never overwritten.
 */
async function fillMissingContact(
  tx: Tx,
  match: Match,
  contact: CustomerContact,
  given: { emailNormalized: string | null; phoneNormalized: string | null; phoneTakenByOther: boolean },
): Promise<void> {
  const updates: Partial<typeof customers.$inferInsert> = {};
  // An email held by someone else would have matched first, so a missing one here is free to take.
  if (!match.emailNormalized && given.emailNormalized) {
    updates.email = contact.email;
    updates.emailNormalized = given.emailNormalized;
  }
  if (!match.phoneNormalized && given.phoneNormalized && !given.phoneTakenByOther) {
    updates.phone = contact.phone;
    updates.phoneNormalized = given.phoneNormalized;
  }
  if (Object.keys(updates).length === 0) return;
  try {
    await tx.transaction((sp) =>
      sp
        .update(customers)
        .set({ ...updates, updatedAt: sql`now()` })
        .where(eq(customers.id, match.id)),
    );
  } catch (error) {
    // Taken by a concurrent request in the meantime: keeping the complaint matters more.
    if (!isUniqueViolation(error)) throw error;
  }
}
