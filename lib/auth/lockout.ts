import "server-only";
import { and, eq, gt, lte } from "drizzle-orm";
import type { Db } from "@/db/client";
import { auditLog, rateLimitHits, staffUsers } from "@/db/schema";
import { requestLog } from "@/lib/observability/log";
import { emailBaseUrl, enqueueStaffEmail } from "@/lib/outbox/enqueue";
import { recordAudit } from "@/lib/privacy/audit";
import { LIMITS } from "@/lib/security/limits";
import { consume, hashKey, reset, windowStartFor } from "@/lib/security/rate-limit";

/**
 * What repeated failed sign-ins for a staff email cost, at two levels:
 *
 * - From one IP address: each failure there makes the next answer from there slower
 *   (signInDelayMs), and the fifth within a 15-minute window locks the email for that IP address
 *   for 15 minutes, during which even the right password is refused from there.
 * - From anywhere: the 25th failure within the window marks the account as under attack: one
 *   audit entry and one alert email to the owners (and the account's holder) per window, and
 *   every further failure from anywhere is answered slowly. The account is NOT locked: a lock
 *   that any stranger can set is a lock on the real user, who signs in from an address that has
 *   not failed. Guessing spread over many addresses is held back instead by the per-address
 *   lock (four guesses per address per 15 minutes), the per-address sign-in limit and the delays.
 *
 * It works on the normalised email, whether or not an account has it, so a lockout says nothing
 * about which addresses have accounts. Counters and locks live in rate_limit_hits, so every app
 * instance sees them.
 */

const LOCK = LIMITS.signInLock;
const FROM_ONE_IP = LIMITS.signInFailures;
const FROM_ANYWHERE = LIMITS.signInAddressFailures;

/**
 * Progressive delays before a failure is answered: none for the first failure from an address,
 * then doubling from `baseMs` for each further one from the same address, and never more than
 * `maxMs`. An account under attack (FROM_ANYWHERE reached) answers every failure at least
 * `baseMs` late, doubling for every further `FROM_ANYWHERE.limit` failures. A correct password
 * is never delayed.
 */
export const SIGN_IN_DELAY = { baseMs: 250, maxMs: 4_000 } as const;

/** How long to wait before answering a failure; pure, see SIGN_IN_DELAY. */
export function signInDelayMs(failures: { fromIp: number; fromAnywhere: number }): number {
  const doubling = (steps: number) => Math.min(SIGN_IN_DELAY.maxMs, SIGN_IN_DELAY.baseMs * 2 ** Math.min(steps, 16));
  const fromIp = failures.fromIp <= 1 ? 0 : doubling(failures.fromIp - 2);
  const overLimit = failures.fromAnywhere - FROM_ANYWHERE.limit;
  const fromAnywhere = overLimit < 0 ? 0 : doubling(Math.floor(overLimit / FROM_ANYWHERE.limit));
  return Math.max(fromIp, fromAnywhere);
}

/** The key of an email tried from one IP address (a newline cannot occur in either). */
function fromIpKey(email: string, ip: string): string {
  return `${email}\n${ip}`;
}

/** True while `email` (normalised) is locked for `ip`. Never for every address: see above. */
export async function isSignInLocked(db: Db, email: string, ip: string, now: Date): Promise<boolean> {
  const since = new Date(now.getTime() - LOCK.windowSeconds * 1000);
  const [row] = await db
    .select({ hits: rateLimitHits.hits })
    .from(rateLimitHits)
    .where(
      and(
        eq(rateLimitHits.bucket, LOCK.bucket),
        eq(rateLimitHits.key, hashKey(fromIpKey(email, ip))),
        gt(rateLimitHits.windowStart, since),
        lte(rateLimitHits.windowStart, now),
      ),
    )
    .limit(1);
  return row !== undefined;
}

export type SignInFailure = {
  /** The email is now locked for this IP address. */
  locked: boolean;
  /** How long to wait before answering (signInDelayMs). */
  delayMs: number;
};

/**
 * Counts a failed sign-in for `email` from `ip`. The failure that reaches the per-address limit
 * starts that address's lockout (exactly one request does, as the counts are atomic) and records
 * it in the audit log; any later failure from there in the same window is refused as locked too.
 * The failure that reaches the limit from anywhere raises the under-attack alert, once per window.
 * `account` is the staff account with this email, when there is one (it gets the alert too).
 */
export async function recordSignInFailure(
  db: Db,
  email: string,
  context: { ip: string; now: Date; account?: { id: string; email: string; active: boolean } | null },
): Promise<SignInFailure> {
  const fromIp = await consume(db, FROM_ONE_IP, fromIpKey(email, context.ip), context.now);
  const fromAnywhere = await consume(db, FROM_ANYWHERE, email, context.now);
  const reached = (r: { allowed: boolean; remaining: number }) => r.allowed && r.remaining === 0;
  if (reached(fromIp)) await lock(db, email, context);
  if (reached(fromAnywhere)) await raiseUnderAttack(db, email, context);
  // Counts from the rule's estimate; past the limit `remaining` stays 0, so the delay stays at
  // the cap for the address and at least at the base for the account.
  const count = (rule: { limit: number }, r: { allowed: boolean; remaining: number }) => (r.allowed ? rule.limit - r.remaining : rule.limit + 1);
  return {
    locked: !fromIp.allowed || fromIp.remaining === 0,
    delayMs: signInDelayMs({ fromIp: fromIp.allowed ? count(FROM_ONE_IP, fromIp) : Number.MAX_SAFE_INTEGER, fromAnywhere: count(FROM_ANYWHERE, fromAnywhere) }),
  };
}

async function lock(db: Db, email: string, context: { ip: string; now: Date }) {
  const subjectId = hashKey(email);
  const lockedUntil = new Date(context.now.getTime() + LOCK.windowSeconds * 1000);
  await db.transaction(async (tx) => {
    await tx
      .insert(rateLimitHits)
      .values({ bucket: LOCK.bucket, key: hashKey(fromIpKey(email, context.ip)), windowStart: context.now, hits: 1 })
      .onConflictDoNothing();
    await tx.insert(auditLog).values({
      staffId: null,
      action: "signin.locked",
      subjectType: "staff_email",
      subjectId,
      detail: { scope: "ip", failures: FROM_ONE_IP.limit, lockedUntil: lockedUntil.toISOString(), ipHash: hashKey(context.ip) },
      at: context.now,
    });
  });
  (await requestLog()).warn(
    `[auth] sign-in locked for one IP address until ${lockedUntil.toISOString()} after ${FROM_ONE_IP.limit} failed attempts (email sha256 ${subjectId.slice(0, 16)}…)`,
  );
}

/**
 * The account is being guessed at from several addresses: one audit entry and, for a real
 * account, one alert email to every active owner and to the account's holder. Runs once per
 * counting window (only the failure that reaches the limit gets here), and the emails' dedupe
 * keys name the window, so a retried request cannot send them twice.
 *
 * The alert is queued even while SMTP is not configured (unlike other staff email): an owner
 * then finds it in Settings → Outbox, and it is delivered once mail is set up.
 */
async function raiseUnderAttack(
  db: Db,
  email: string,
  context: { ip: string; now: Date; account?: { id: string; email: string; active: boolean } | null },
) {
  const window = windowStartFor(FROM_ANYWHERE, context.now).toISOString();
  const minutes = Math.round(FROM_ANYWHERE.windowSeconds / 60);
  const account = context.account ?? null;
  await db.transaction(async (tx) => {
    await recordAudit(tx, {
      staffId: null,
      action: "signin.under_attack",
      subjectType: account ? "staff_user" : "staff_email",
      subjectId: account ? account.id : hashKey(email),
      // A staff account's work address is named so the owner knows whose it is; an email with no
      // account stays hashed, as with lockouts.
      detail: { failures: FROM_ANYWHERE.limit, minutes, window, ...(account ? { account: account.email } : {}), locked: false },
      at: context.now,
    });
    if (!account) return;
    const owners = await tx.select({ id: staffUsers.id }).from(staffUsers).where(and(eq(staffUsers.role, "owner"), eq(staffUsers.active, true)));
    const recipients = new Set([...owners.map((o) => o.id), ...(account.active ? [account.id] : [])]);
    for (const staffUserId of recipients) {
      await enqueueStaffEmail(tx, {
        staffUserId,
        kind: "security_alert",
        values: { account: account.email, failures: String(FROM_ANYWHERE.limit), minutes: String(minutes), auditUrl: `${emailBaseUrl()}/settings/privacy` },
        dedupeKey: `security_alert:${account.id}:${window}:${staffUserId}`,
        now: context.now,
        mailConfigured: true,
      });
    }
  });
  (await requestLog()).warn(
    `[auth] ${FROM_ANYWHERE.limit} failed sign-ins within ${minutes} minutes for one ${account ? "account" : "email without an account"} (email sha256 ${hashKey(email).slice(0, 16)}…): under attack, not locked; owners alerted`,
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
