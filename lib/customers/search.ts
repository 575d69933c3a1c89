import "server-only";
import { and, desc, eq, ilike, inArray, isNotNull, isNull, like, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { complaints, customers } from "@/db/schema";
import { normalizeReference } from "@/lib/complaints/reference";

/** A customer on record, as the New complaint page offers them ("Same person"). */
export type CustomerMatch = {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  complaintCount: number;
  /** Their newest complaint, to tell two people of the same name apart. */
  latestReference: string | null;
  latestReceivedAt: Date | null;
};

/** Fewer characters than this match too many people to be useful. */
export const CUSTOMER_SEARCH_MIN = 2;
export const CUSTOMER_SEARCH_LIMIT = 10;

/** `value` with LIKE's wildcards taken literally (a name with "_" or "%" in it). */
function likeLiteral(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * Customers whose name, email, phone or one of whose complaint references matches what staff
 * typed: part of a name or email (any case), the digits of a phone number however it is written,
 * or a whole reference ("cr 7kq4 m9ta"). Erased customers are left out, and so are customers with
 * neither email nor phone (imported history): a complaint is filed against a customer through
 * their contact details (lib/customers/dedupe.ts), so they could not be chosen.
 * Newest complaint first; the count and the newest reference come from SQL.
 */
export async function searchCustomers(db: Db, query: string, limit = CUSTOMER_SEARCH_LIMIT): Promise<CustomerMatch[]> {
  const text = query.trim();
  if (text.length < CUSTOMER_SEARCH_MIN) return [];
  const pattern = `%${likeLiteral(text)}%`;
  // Without a national "0" or international "00" prefix, "020 7946 0321" finds "+44 20 7946 0321".
  const digits = text.replace(/\D/g, "").replace(/^0+/, "");
  const reference = normalizeReference(text);
  const conditions: SQL[] = [ilike(customers.name, pattern), like(customers.emailNormalized, `%${likeLiteral(text.toLowerCase())}%`)];
  // Six digits at least, like a phone number intake accepts: fewer would match half the book.
  if (digits.length >= 6) conditions.push(like(customers.phoneNormalized, `%${digits}%`));
  if (reference) {
    conditions.push(inArray(customers.id, db.select({ id: complaints.customerId }).from(complaints).where(eq(complaints.reference, reference))));
  }

  // Per matched customer, through the (customer, received) index: their newest complaint and how many.
  const latest = db
    .select({ reference: complaints.reference, receivedAt: complaints.receivedAt })
    .from(complaints)
    .where(eq(complaints.customerId, customers.id))
    .orderBy(desc(complaints.receivedAt), desc(complaints.id))
    .limit(1)
    .as("latest");
  const counts = db
    .select({ total: sql<number>`count(*)::int`.as("total") })
    .from(complaints)
    .where(eq(complaints.customerId, customers.id))
    .as("counts");

  const rows = await db
    .select({
      id: customers.id,
      name: customers.name,
      email: customers.email,
      phone: customers.phone,
      complaintCount: sql<number>`coalesce(${counts.total}, 0)::int`,
      latestReference: latest.reference,
      latestReceivedAt: latest.receivedAt,
    })
    .from(customers)
    .leftJoinLateral(latest, sql`true`)
    .leftJoinLateral(counts, sql`true`)
    .where(and(isNull(customers.erasedAt), or(isNotNull(customers.emailNormalized), isNotNull(customers.phoneNormalized)), or(...conditions)))
    .orderBy(sql`${latest.receivedAt} desc nulls last`, customers.name, customers.id)
    .limit(limit);
  return rows.map((row) => ({ ...row, complaintCount: Number(row.complaintCount) }));
}
