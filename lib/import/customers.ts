import { randomUUID } from "node:crypto";
import { inArray, or } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { customers } from "@/db/schema";
import type { ImportRecord } from "./map-rows";

type NewCustomer = typeof customers.$inferInsert;

/**
 * The customer id for each record (by index). Rows with an email or phone find the customer
 * already on record with it, or share one created for the file; rows with neither (the CFPB
 * publishes no contact details) each get their own customer, named after where they live.
 */
export async function resolveCustomers(tx: Tx, records: ImportRecord[], now = new Date()): Promise<{ ids: string[]; created: number }> {
  const emails = [...new Set(records.map((r) => r.customer.emailNormalized).filter((e): e is string => Boolean(e)))];
  const phones = [...new Set(records.map((r) => r.customer.phoneNormalized).filter((p): p is string => Boolean(p)))];
  const byEmail = new Map<string, string>();
  const byPhone = new Map<string, string>();
  for (let i = 0; i < Math.max(emails.length, phones.length); i += 1000) {
    const e = emails.slice(i, i + 1000);
    const p = phones.slice(i, i + 1000);
    const conditions = [e.length ? inArray(customers.emailNormalized, e) : undefined, p.length ? inArray(customers.phoneNormalized, p) : undefined];
    const found = await tx
      .select({ id: customers.id, email: customers.emailNormalized, phone: customers.phoneNormalized })
      .from(customers)
      .where(or(...conditions));
    for (const c of found) {
      if (c.email) byEmail.set(c.email, c.id);
      if (c.phone) byPhone.set(c.phone, c.id);
    }
  }

  const fresh: NewCustomer[] = [];
  const ids = records.map((record) => {
    const { emailNormalized: email, phoneNormalized: phone } = record.customer;
    const known = (email && byEmail.get(email)) || (phone && byPhone.get(phone));
    if (known) return known;
    const id = randomUUID();
    // A phone already used by another customer stays with them; this one keeps only the email.
    const keepPhone = phone && !byPhone.has(phone) ? phone : null;
    fresh.push({
      id,
      name: record.customer.name,
      email: email ? record.customer.email : null,
      emailNormalized: email,
      phone: keepPhone ? record.customer.phone : null,
      phoneNormalized: keepPhone,
      preferredContact: email || !keepPhone ? "email" : "phone",
      createdAt: record.receivedAt,
      updatedAt: record.receivedAt,
      importedAt: now,
    });
    if (email) byEmail.set(email, id);
    if (keepPhone) byPhone.set(keepPhone, id);
    return id;
  });
  for (let i = 0; i < fresh.length; i += 1000) await tx.insert(customers).values(fresh.slice(i, i + 1000));
  return { ids, created: fresh.length };
}
