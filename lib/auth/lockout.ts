import "server-only";
import { and, eq, gt, inArray, lte } from "drizzle-orm";
import type { Db } from "@/db/client";
import { auditLog, rateLimitHits } from "@/db/schema";
import { LIMITS } from "@/lib/security/limits";
import { consume, hashKey, reset } from "@/lib/security/rate-limit";

/**
 * Temporary lockout of a staff email after repeated failed sign-ins, at two levels:
 *
 * - From one IP address: the fifth failure within a 15-minute window locks the email for that
 *   IP address for 15 minutes, during which even the right password is refused from there. The
 *   account's owner, signing in from anywhere else, is not affected: knowing a colleague's email
 *   is not enough to lock them out.
 * - From anywhere: the 25th failure within the window locks the email for everyone, so guessing
 *   spread over many addresses stops too.
 *
 * It works on the normalised email, whether or not an account has it, so a lockout says nothing
 * about which addresses have accounts. Counters and locks live in rate_limit_hits, so every app
 * instance sees them.
 */

const LOCK = LIMITS.signInLock;
const FROM_ONE_IP = LIMITS.signInFailures;
const FROM_ANYWHERE = LIMITS.signInAddressFailures;

/** The key of an email tried from one IP address (a newline cannot occur in either). */
function fromIpKey(email: string, ip: string): string {
  return `${email}\n${ip}`;
}

/** True while `email` (normalised) is locked for everyone or for `ip`. */
export async function isSignInLocked(db: Db, email: string, ip: string, now: Date): Promise<boolean> {
  const since = new Date(now.getTime() - LOCK.windowSeconds * 1000);
  const [row] = await db
    .select({ hits: rateLimitHits.hits })
    .from(rateLimitHits)
    .where(
      and(
        eq(rateLimitHits.bucket, LOCK.bucket),
        inArray(rateLimitHits.key, [hashKey(email), hashKey(fromIpKey(email, ip))]),
        gt(rateLimitHits.windowStart, since),
        lte(rateLimitHits.windowStart, now),
      ),
    )
    .limit(1);
  return row !== undefined;
}

/**
 * Counts a failed sign-in for `email` from `ip`. Returns true when the email is now locked for
 * this IP address: the failure that reaches a limit starts that lockout (exactly one request
 * does, as the counts are atomic) and records it in the audit log; any later failure in the same
 * window is refused as locked too.
 */
export async function recordSignInFailure(db: Db, email: string, context: { ip: string; now: Date }): Promise<boolean> {
  const fromIp = await consume(db, FROM_ONE_IP, fromIpKey(email, context.ip), context.now);
  const fromAnywhere = await consume(db, FROM_ANYWHERE, email, context.now);
  const reached = (r: { allowed: boolean; remaining: number }) => r.allowed && r.remaining === 0;
  if (reached(fromIp)) await lock(db, email, fromIpKey(email, context.ip), "ip", FROM_ONE_IP.limit, context);
  if (reached(fromAnywhere)) await lock(db, email, email, "everywhere", FROM_ANYWHERE.limit, context);
  return [fromIp, fromAnywhere].some((r) => !r.allowed || r.remaining === 0);
}

async function lock(db: Db, email: string, key: string, scope: "ip" | "everywhere", failures: number, context: { ip: string; now: Date }) {
  const subjectId = hashKey(email);
  const lockedUntil = new Date(context.now.getTime() + LOCK.windowSeconds * 1000);
  await db.transaction(async (tx) => {
    await tx.insert(rateLimitHits).values({ bucket: LOCK.bucket, key: hashKey(key), windowStart: context.now, hits: 1 }).onConflictDoNothing();
    await tx.insert(auditLog).values({
      staffId: null,
      action: "signin.locked",
      subjectType: "staff_email",
      subjectId,
      detail: { scope, failures, lockedUntil: lockedUntil.toISOString(), ipHash: hashKey(context.ip) },
      at: context.now,
    });
  });
  console.warn(
    `[auth] sign-in locked ${scope === "ip" ? "for one IP address" : "from everywhere"} until ${lockedUntil.toISOString()} after ${failures} failed attempts (email sha256 ${subjectId.slice(0, 16)}…)`,
  );
}

/**
 * After a successful sign-in the earlier failures from that IP address no longer count towards
 * its lockout. The count from anywhere stays: a colleague signing in must not hand a guesser
 * spread over many addresses a fresh allowance.
 */
export async function clearSignInFailures(db: Db, email: string, ip: string, now: Date): Promise<void> {
  await reset(db, FROM_ONE_IP, fromIpKey(email, ip), now);
}
