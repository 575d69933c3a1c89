import "server-only";
import { and, eq, gt, lte } from "drizzle-orm";
import type { Db } from "@/db/client";
import { auditLog, rateLimitHits } from "@/db/schema";
import { LIMITS } from "@/lib/security/limits";
import { consume, hashKey, reset } from "@/lib/security/rate-limit";

/**
 * Temporary lockout of a staff email after repeated failed sign-ins: the fifth failure within a
 * 15-minute window locks the address for 15 minutes, during which even the right password is
 * refused. It works on the normalised email, whether or not an account has it, so a lockout says
 * nothing about which addresses have accounts. Counters and locks live in rate_limit_hits, so
 * every app instance sees them.
 */

const LOCK = LIMITS.signInLock;
const FAILURES = LIMITS.signInFailures;

/** True while `email` (normalised) is locked. */
export async function isSignInLocked(db: Db, email: string, now: Date): Promise<boolean> {
  const since = new Date(now.getTime() - LOCK.windowSeconds * 1000);
  const [row] = await db
    .select({ hits: rateLimitHits.hits })
    .from(rateLimitHits)
    .where(
      and(
        eq(rateLimitHits.bucket, LOCK.bucket),
        eq(rateLimitHits.key, hashKey(email)),
        gt(rateLimitHits.windowStart, since),
        lte(rateLimitHits.windowStart, now),
      ),
    )
    .limit(1);
  return row !== undefined;
}

/**
 * Counts a failed sign-in for `email`. Returns true when the address is now locked: the failure
 * that reaches the limit starts the lockout (exactly one request does, as the count is atomic) and
 * records it in the audit log; any later failure in the same window is refused as locked too.
 */
export async function recordSignInFailure(db: Db, email: string, context: { ip: string; now: Date }): Promise<boolean> {
  const counted = await consume(db, FAILURES, email, context.now);
  if (counted.allowed && counted.remaining > 0) return false;
  if (!counted.allowed) return true;

  const subjectId = hashKey(email);
  const lockedUntil = new Date(context.now.getTime() + LOCK.windowSeconds * 1000);
  await db.transaction(async (tx) => {
    await tx
      .insert(rateLimitHits)
      .values({ bucket: LOCK.bucket, key: subjectId, windowStart: context.now, hits: 1 })
      .onConflictDoNothing();
    await tx.insert(auditLog).values({
      staffId: null,
      action: "signin.locked",
      subjectType: "staff_email",
      subjectId,
      detail: { failures: FAILURES.limit, lockedUntil: lockedUntil.toISOString(), ipHash: hashKey(context.ip) },
      at: context.now,
    });
  });
  console.warn(
    `[auth] sign-in locked until ${lockedUntil.toISOString()} after ${FAILURES.limit} failed attempts (email sha256 ${subjectId.slice(0, 16)}…)`,
  );
  return true;
}

/** After a successful sign-in the earlier failures no longer count towards a lockout. */
export async function clearSignInFailures(db: Db, email: string, now: Date): Promise<void> {
  await reset(db, FAILURES, email, now);
}
