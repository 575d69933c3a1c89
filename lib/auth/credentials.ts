import "server-only";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { staffUsers } from "@/db/schema";
import { dummyPasswordHash, verifyPassword } from "./password";
import type { StaffRole } from "./roles";

/** What a sign-in form sends. Limits keep absurd inputs away from the password hasher. */
export const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().min(1, "Enter your email address").max(320).pipe(z.email("Enter a valid email address")),
  password: z.string().min(1, "Enter your password").max(1024),
});

export type SignedInStaff = { id: string; name: string; email: string; role: StaffRole };

/**
 * The heart of sign-in, kept apart from Auth.js so it can be tested on a real database.
 * Every failure returns null (no reason), and an unknown email still costs one hash
 * verification, so neither the answer nor its timing tells whether an account exists.
 */
export async function verifyCredentials(db: Db, email: string, password: string): Promise<SignedInStaff | null> {
  const parsed = credentialsSchema.safeParse({ email, password });
  if (!parsed.success) return null;

  const [user] = await db
    .select()
    .from(staffUsers)
    .where(sql`lower(${staffUsers.email}) = ${parsed.data.email}`)
    .limit(1);

  if (!user) {
    await verifyPassword(await dummyPasswordHash(), parsed.data.password);
    return null;
  }
  const passwordMatches = await verifyPassword(user.passwordHash, parsed.data.password);
  if (!passwordMatches || !user.active) return null;

  await db.update(staffUsers).set({ lastSignInAt: new Date() }).where(eq(staffUsers.id, user.id));
  return { id: user.id, name: user.name, email: user.email, role: user.role };
}
