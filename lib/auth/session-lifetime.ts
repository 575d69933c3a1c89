import { env } from "@/lib/env";

/**
 * How long a staff session lives, and whether a session token still stands. Pure (no database):
 * the proxy and auth.config.ts use it too.
 *
 * - Idle lifetime: a session token expires 12 hours after the last request that renewed it
 *   (Auth.js re-issues the cookie as it is used).
 * - Absolute lifetime: SESSION_MAX_AGE_DAYS (default 7) after sign-in, whatever happened since.
 *   The sign-in time travels in the token and is never renewed, so a stolen cookie cannot be kept
 *   alive by using it.
 * - Session version: the account's `session_version` at sign-in travels in the token; raising it
 *   (sign-out, sign out everywhere, deactivation, a role or password change) ends every session
 *   issued before, checked where each request re-reads the account (lib/auth/session.ts).
 */

export const SESSION_IDLE_SECONDS = 12 * 60 * 60;

export function sessionMaxAgeSeconds(days: number = env.SESSION_MAX_AGE_DAYS): number {
  return Math.round(days * 24 * 60 * 60);
}

/** What a session token carries for these checks (seconds since the epoch, as JWTs count). */
export type SessionClaims = { sessionVersion?: number; signedInAt?: number };

/** Within the absolute lifetime. A token without a sign-in time (issued before it existed) is not. */
export function withinAbsoluteLifetime(signedInAt: number | undefined, now: Date, maxAgeSeconds: number = sessionMaxAgeSeconds()): boolean {
  if (typeof signedInAt !== "number" || !Number.isFinite(signedInAt)) return false;
  const nowSeconds = now.getTime() / 1000;
  // A sign-in "from the future" (beyond clock skew between instances) is as suspect as an old one.
  return signedInAt <= nowSeconds + 60 && nowSeconds - signedInAt < maxAgeSeconds;
}

/** The token still stands for this account: same session version, and within the absolute lifetime. */
export function sessionIsCurrent(claims: SessionClaims, account: { sessionVersion: number }, now: Date, maxAgeSeconds?: number): boolean {
  return claims.sessionVersion === account.sessionVersion && withinAbsoluteLifetime(claims.signedInAt, now, maxAgeSeconds);
}
