import "server-only";
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { queryRows } from "@/db/client";
import { rateLimitHits } from "@/db/schema";
import { ALL_RULES } from "./limits";

/**
 * Sliding-window rate limits, counted in PostgreSQL (table rate_limit_hits) so that a limit holds
 * across every app instance. Hits are counted per fixed window (aligned to the epoch, so every
 * instance agrees on which row a hit belongs to without talking to the others), and a hit is
 * judged on the current window's count plus the previous window's, weighted by how much of the
 * previous window still lies within the last `windowSeconds`:
 *
 *   estimate = current + previous × (1 − elapsed / window)
 *
 * A client cannot get twice the limit through by sending one batch at the end of a window and
 * another at the start of the next, as it could with plain fixed windows. The estimate assumes
 * the previous window's hits were spread evenly; that is the usual sliding-window counter, exact
 * enough for abuse limits and two rows per key at most.
 *
 * Each hit is one atomic statement: an insert that, when the window's row already exists, adds
 * one and returns the new count with the previous window's. Concurrent hits never lose a count,
 * and with no earlier window exactly `limit` of them are allowed.
 */

export type RateLimitRule = {
  /** Names the limit, e.g. "intake-ip"; also the `bucket` column. */
  bucket: string;
  /** Hits allowed per window. */
  limit: number;
  windowSeconds: number;
};

export type RateLimitResult = {
  allowed: boolean;
  /** Hits left now after this one (0 once refused). */
  remaining: number;
  /** 0 when allowed; otherwise whole seconds until one more hit would be allowed. */
  retryAfterSeconds: number;
};

/**
 * The stored form of a key. Keys are IP addresses, contact addresses and account emails: personal
 * data that the counters do not need in clear, so only a SHA-256 (hex) is kept. The same value
 * always gives the same hash, so an administrator can check a suspected address with
 * `printf %s 'ann@example.com' | sha256sum`.
 */
export function hashKey(value: string): string {
  return createHash("sha256").update(value, "utf8").digest("hex");
}

export function windowStartFor(rule: Pick<RateLimitRule, "windowSeconds">, now: Date): Date {
  const size = rule.windowSeconds * 1000;
  return new Date(Math.floor(now.getTime() / size) * size);
}

/** The current window's start and the previous one's: the two rows a hit is judged on. */
function windowsFor(rule: Pick<RateLimitRule, "windowSeconds">, now: Date): { current: Date; previous: Date } {
  const current = windowStartFor(rule, now);
  return { current, previous: new Date(current.getTime() - rule.windowSeconds * 1000) };
}

/**
 * The decision for a hit, from the two windows' counts (`current` includes this hit). Pure.
 * When refused, the wait is until the estimate leaves room for one more hit: later in this window
 * as the previous window's weight fades, or else some way into the next one, where this window's
 * count (refused hits included: a client that keeps hammering waits longer) becomes the weight.
 */
export function judgeHit(rule: Pick<RateLimitRule, "limit" | "windowSeconds">, counts: { current: number; previous: number }, elapsedFraction: number): RateLimitResult {
  const { limit, windowSeconds } = rule;
  const estimate = counts.current + counts.previous * (1 - elapsedFraction);
  // The tolerance absorbs floating-point error (6 × (1 − 1/3) must come out as 4, not 4.000…1).
  if (estimate <= limit + 1e-9) return { allowed: true, remaining: Math.floor(limit - estimate), retryAfterSeconds: 0 };
  // The fraction of a window at which `hits + weight × (1 − fraction)` reaches `limit`.
  const fractionWhere = (hits: number, weight: number) => (weight > 0 ? 1 - (limit - hits) / weight : 0);
  const next = counts.current + 1;
  const wait =
    next <= limit && counts.previous > 0
      ? fractionWhere(next, counts.previous) - elapsedFraction
      : 1 - elapsedFraction + Math.max(0, fractionWhere(1, counts.current));
  return { allowed: false, remaining: 0, retryAfterSeconds: Math.max(1, Math.ceil(wait * windowSeconds - 1e-9)) };
}

/**
 * Counts one hit of `key` against `rule` and says whether it is within the limit. The key is
 * hashed before it is stored. Refused hits are counted too (a client that keeps hammering stays
 * refused, and the count shows how hard it tried).
 */
export async function consume(db: Db | Tx, rule: RateLimitRule, key: string, now: Date = new Date()): Promise<RateLimitResult> {
  const { current: windowStart, previous: previousStart } = windowsFor(rule, now);
  const hashed = hashKey(key);
  const [row] = await queryRows<{ hits: number; previous: number | null }>(
    db,
    sql`with hit as (
        insert into ${rateLimitHits} (bucket, key, window_start, hits)
        values (${rule.bucket}, ${hashed}, ${windowStart.toISOString()}::timestamptz, 1)
        on conflict (bucket, key, window_start)
          -- Capped so a flood cannot overflow the integer column.
          do update set hits = least(${rateLimitHits.hits} + 1, 2147483647)
        returning hits
      )
      select (select hits from hit) as hits,
        (select p.hits from ${rateLimitHits} p
          where p.bucket = ${rule.bucket} and p.key = ${hashed} and p.window_start = ${previousStart.toISOString()}::timestamptz) as previous`,
  );
  const elapsed = (now.getTime() - windowStart.getTime()) / (rule.windowSeconds * 1000);
  return judgeHit(rule, { current: Number(row!.hits), previous: Number(row!.previous ?? 0) }, elapsed);
}

/** Hits already counted for `key` in the current window, without adding one. */
export async function peek(db: Db | Tx, rule: RateLimitRule, key: string, now: Date = new Date()): Promise<number> {
  const rows = await db
    .select({ hits: rateLimitHits.hits })
    .from(rateLimitHits)
    .where(
      sql`${rateLimitHits.bucket} = ${rule.bucket} and ${rateLimitHits.key} = ${hashKey(key)} and ${rateLimitHits.windowStart} = ${windowStartFor(rule, now).toISOString()}::timestamptz`,
    )
    .limit(1);
  return rows[0]?.hits ?? 0;
}

/** Forgets `key`'s counts, the previous window's too (e.g. failed sign-ins after a successful one). */
export async function reset(db: Db | Tx, rule: RateLimitRule, key: string, now: Date = new Date()): Promise<void> {
  const { current, previous } = windowsFor(rule, now);
  await db
    .delete(rateLimitHits)
    .where(
      sql`${rateLimitHits.bucket} = ${rule.bucket} and ${rateLimitHits.key} = ${hashKey(key)}
        and ${rateLimitHits.windowStart} in (${current.toISOString()}::timestamptz, ${previous.toISOString()}::timestamptz)`,
    );
}

/**
 * Deletes every window that no longer counts, for the rules in lib/security/limits.ts. Meant to
 * run periodically (every few minutes); returns how many rows went. Safe to run on several
 * instances at once. The counters stay correct without it: it only keeps the table small.
 */
export function sweepRateLimits(db: Db, now: Date = new Date()): Promise<number> {
  return sweepWindows(db, now, ALL_RULES);
}

/**
 * Deletes every window that no longer counts: a row of one of `rules`' buckets once the window
 * after it is over too (until then it weighs on the current one), a row of any other bucket (a
 * rule since renamed) once it is older than twice the longest window, or two hours.
 */
export async function sweepWindows(db: Db, now: Date, rules: readonly RateLimitRule[]): Promise<number> {
  const longest = Math.max(3600, ...rules.map((r) => r.windowSeconds));
  const windows = new Map<string, number>();
  for (const rule of rules) windows.set(rule.bucket, Math.max(windows.get(rule.bucket) ?? 0, rule.windowSeconds));
  const values = [...windows].map(([bucket, seconds]) => sql`(${bucket}::text, ${seconds}::int)`);
  const known = values.length > 0 ? sql`values ${sql.join(values, sql`, `)}` : sql`select null::text, null::int where false`;
  const rows = await queryRows<{ deleted: number }>(
    db,
    sql`
      with windows(bucket, seconds) as (${known}),
      gone as (
        delete from ${rateLimitHits} r
        where r.window_start + make_interval(secs => 2 * coalesce((select w.seconds from windows w where w.bucket = r.bucket), ${longest}::int))
              <= ${now.toISOString()}::timestamptz
        returning 1
      )
      select count(*)::int as deleted from gone`,
  );
  return Number(rows[0]?.deleted ?? 0);
}
