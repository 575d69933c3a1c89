import "server-only";
import { setTimeout as sleepFor } from "node:timers/promises";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { staffUsers } from "@/db/schema";
import { LIMITS } from "@/lib/security/limits";
import { consume } from "@/lib/security/rate-limit";
import { clearSignInFailures, isSignInLocked, recordSignInFailure } from "./lockout";
import { dummyPasswordHash, verifyPassword } from "./password";
import type { StaffRole } from "./roles";

/** What a sign-in form sends. Limits keep absurd inputs away from the password hasher. */
export const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().min(1, "Enter your email address").max(320).pipe(z.email("Enter a valid email address")),
  password: z.string().min(1, "Enter your password").max(1024),
});

export type SignedInStaff = { id: string; name: string; email: string; role: StaffRole; sessionVersion: number };

/**
 * "refused" covers a wrong password, an unknown email and a deactivated account alike.
 * "too-many-attempts": this email is temporarily locked for this IP address, or this IP address
 * has tried too often (never because of what other addresses did);
 * it too says nothing about whether an account exists.
 */
export type SignInResult = { status: "signed-in"; staff: SignedInStaff } | { status: "refused" } | { status: "too-many-attempts" };

export type SignInContext = {
  /** The client's address (lib/security/client-ip.ts); "unknown" when not given. */
  ip?: string;
  /** For tests; defaults to the current time. */
  now?: Date;
  /**
   * Waits before a failure is answered (lib/auth/lockout.ts, signInDelayMs). Defaults to a timer,
   * which holds this request only, never the event loop; tests pass a recorder.
   */
  sleep?: (ms: number) => Promise<unknown>;
};

const REFUSED: SignInResult = { status: "refused" };
const TOO_MANY: SignInResult = { status: "too-many-attempts" };

/**
 * The heart of sign-in, kept apart from Auth.js so it can be tested on a real database.
 *
 * - Every attempt counts against its IP address (LIMITS.signInIp).
 * - An email locked for this IP address is refused before any password is checked
 *   (lib/auth/lockout.ts). No lock covers every address: the right password from an address
 *   that has not been guessing always signs in, however many other addresses fail.
 * - A failure is answered after a delay that grows with the failures from this address (and,
 *   for an account under attack, from anywhere); a success never waits.
 * - An unknown email still costs one hash verification, and an unknown email, a wrong password and
 *   a deactivated account take the same path afterwards (one failure counted), so neither the
 *   answer nor its timing tells whether an account exists.
 */
export async function verifyCredentials(db: Db, email: string, password: string, context: SignInContext = {}): Promise<SignInResult> {
  const now = context.now ?? new Date();
  const ip = context.ip ?? "unknown";
  if (!(await consume(db, LIMITS.signInIp, ip, now)).allowed) return TOO_MANY;

  const parsed = credentialsSchema.safeParse({ email, password });
  if (!parsed.success) return REFUSED;
  const address = parsed.data.email;
  if (await isSignInLocked(db, address, ip, now)) return TOO_MANY;

  const [user] = await db
    .select()
    .from(staffUsers)
    .where(sql`lower(${staffUsers.email}) = ${address}`)
    .limit(1);

  const passwordMatches = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), parsed.data.password);
  if (user && passwordMatches && user.active) {
    await clearSignInFailures(db, address, ip, now);
    await db.update(staffUsers).set({ lastSignInAt: now }).where(eq(staffUsers.id, user.id));
    return { status: "signed-in", staff: { id: user.id, name: user.name, email: user.email, role: user.role, sessionVersion: user.sessionVersion } };
  }

  const failure = await recordSignInFailure(db, address, { ip, now, account: user ? { id: user.id, email: user.email, active: user.active } : null });
  if (failure.delayMs > 0) await (context.sleep ?? sleepFor)(failure.delayMs);
  return failure.locked ? TOO_MANY : REFUSED;
}
