import { env } from "@/lib/env";
import type { RateLimitRule } from "./rate-limit";

/**
 * Every rate limit CaseRoot applies, in one place. The numbers suit a real business: a customer
 * who fills in the form, re-reads their case and asks for a lost link never comes near them, while
 * a script filing or guessing in a loop is stopped within minutes. Per-address limits scale with
 * RATE_LIMIT_MULTIPLIER (e.g. 3 for a site where many customers share one office or mobile network
 * address); the account lockout does not, as it guards one account, not a network.
 */

/** A limit times the multiplier, rounded, and never below one. */
export function scaleLimit(limit: number, multiplier: number): number {
  return Math.max(1, Math.round(limit * multiplier));
}

function perAddress(bucket: string, limit: number, windowSeconds: number): RateLimitRule {
  return { bucket, limit: scaleLimit(limit, env.RATE_LIMIT_MULTIPLIER), windowSeconds };
}

const MINUTE = 60;
const HOUR = 60 * MINUTE;

export const LIMITS = {
  /** Complaints sent through the web form from one IP address. */
  intakeIp: perAddress("intake-ip", 10, 10 * MINUTE),
  /**
   * Complaints sent through the API from one IP address. Higher than the form's: a shop's
   * website may file for all its customers from one server.
   */
  apiIntakeIp: perAddress("api-intake-ip", 60, 10 * MINUTE),
  /** Complaints from one email address or phone number (form and API together). */
  intakeContact: perAddress("intake-contact", 5, HOUR),
  /** Tracking pages opened from one IP address. */
  trackingIp: perAddress("tracking-ip", 60, MINUTE),
  /** "I lost my link" requests from one IP address. */
  lostLinkIp: perAddress("lost-link-ip", 5, HOUR),
  /** Sign-in attempts from one IP address, whichever accounts they try. */
  signInIp: perAddress("signin-ip", 20, 10 * MINUTE),
  /**
   * Failed sign-ins for one (normalised) email address from one IP address; the fifth locks that
   * address for that IP. Someone who knows a colleague's email cannot lock them out from elsewhere.
   * Not scaled.
   */
  signInFailures: { bucket: "signin-failures", limit: 5, windowSeconds: 15 * MINUTE },
  /**
   * Failed sign-ins for one email address from any IP address; the 25th marks the account as
   * under attack (owners alerted, failures answered slowly) but does not lock it: a lock anyone
   * can set from elsewhere would lock out the real user (lib/auth/lockout.ts). Not scaled.
   */
  signInAddressFailures: { bucket: "signin-address-failures", limit: 25, windowSeconds: 15 * MINUTE },
  /**
   * A lockout: one row per locked email (or email and IP address), its window_start the moment it
   * was locked; it lasts `windowSeconds` from then. (Not a counter: `limit` is unused.)
   */
  signInLock: { bucket: "signin-lock", limit: 1, windowSeconds: 15 * MINUTE },
} as const satisfies Record<string, RateLimitRule>;

export const ALL_RULES: readonly RateLimitRule[] = Object.values(LIMITS);
