import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { complaints, customers, staffUsers, type Complaint } from "@/db/schema";
import type { StaffRole } from "@/lib/auth/roles";

/**
 * Shared fixture for the case-action integration tests: each test makes its own staff members,
 * customer and complaint, so no test depends on another's leftovers.
 */

export type TestStaff = { id: string; name: string; role: StaffRole };

const unique = () => randomBytes(4).toString("hex");

export async function createStaff(
  db: Db,
  options: { role?: StaffRole; name?: string; active?: boolean } = {},
): Promise<TestStaff> {
  const role = options.role ?? "agent";
  const name = options.name ?? `Test ${role} ${unique()}`;
  const [row] = await db
    .insert(staffUsers)
    .values({ email: `${role}.${unique()}@example.com`, name, role, passwordHash: "not-a-real-hash", active: options.active ?? true })
    .returning({ id: staffUsers.id });
  return { id: row!.id, name, role };
}

export type TestCustomer = { id: string; name: string; email: string | null; phone: string | null };

export async function createCustomer(
  db: Db,
  options: { name?: string; email?: string | null; phone?: string | null; preferredContact?: "email" | "phone" } = {},
): Promise<TestCustomer> {
  const name = options.name ?? "Morgan Lee";
  const email = options.email === undefined ? `customer.${unique()}@example.com` : options.email;
  const phone = options.phone ?? null;
  const [row] = await db
    .insert(customers)
    .values({
      name,
      email,
      emailNormalized: email?.toLowerCase() ?? null,
      phone,
      phoneNormalized: phone ? phone.replace(/[^\d+]/g, "") : null,
      preferredContact: options.preferredContact ?? (email ? "email" : "phone"),
    })
    .returning({ id: customers.id });
  return { id: row!.id, name, email, phone };
}

/** A complaint (status "new" unless told otherwise) for the given customer, or for a new one. */
export async function createComplaint(
  db: Db,
  options: { customerId?: string; values?: Partial<typeof complaints.$inferInsert> } = {},
): Promise<Complaint> {
  const customerId = options.customerId ?? (await createCustomer(db)).id;
  const [row] = await db
    .insert(complaints)
    .values({
      reference: `T${unique().toUpperCase()}`,
      trackingTokenHash: `hash-${unique()}${unique()}`,
      customerId,
      description: "The fitter left the kitchen tap dripping and did not come back.",
      desiredOutcome: "Fix the tap, please.",
      ...options.values,
    })
    .returning();
  return row!;
}

/** The complaint as it is now in the database. */
export async function reloadComplaint(db: Db, id: string): Promise<Complaint> {
  const [row] = await db.select().from(complaints).where(eq(complaints.id, id));
  return row!;
}
