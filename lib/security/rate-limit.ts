import "server-only";
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { queryRows } from "@/db/client";
import { rateLimitHits } from "@/db/schema";
import { ALL_RULES } from "./limits";

/**
 * Fixed-window rate limits, counted in PostgreSQL (table rate_limit_hits) so that a limit holds
 * across every app instance. Each hit is one atomic statement: an insert that, when the window's
 * row already exists, adds one and returns the new count. Concurrent hits therefore never lose a
 * count, and exactly `limit` of them are allowed in a window.
 *
 * Windows are aligned to the epoch (a 10-minute window starts at :00, :10, :20…), so every
 * instance agrees on which row a hit belongs to without talking to the others.
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
  /** Hits left in this window after this one (0 once refused). */
  remaining: number;
  /** 0 when allowed; otherwise whole seconds until the window ends and hits are allowed again. */
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

function secondsUntilWindowEnds(rule: RateLimitRule, windowStart: Date, now: Date): number {
  const end = windowStart.getTime() + rule.windowSeconds * 1000;
  return Math.max(1, Math.ceil((end - now.getTime()) / 1000));
}

/**
 * Counts one hit of `key` against `rule` and says whether it is within the limit. The key is
 * hashed before it is stored. Refused hits are counted too (a client that keeps hammering stays
 * refused until the window ends, and the count shows how hard it tried).
 */
export async function consume(db: Db | Tx, rule: RateLimitRule, key: string, now: Date = new Date()): Promise<RateLimitResult> {
  const windowStart = windowStartFor(rule, now);
  const [row] = await db
    .insert(rateLimitHits)
    .values({ bucket: rule.bucket, key: hashKey(key), windowStart, hits: 1 })
    .onConflictDoUpdate({
      target: [rateLimitHits.bucket, rateLimitHits.key, rateLimitHits.windowStart],
      // Capped so a flood cannot overflow the integer column.
      set: { hits: sql`least(${rateLimitHits.hits} + 1, 2147483647)` },
    })
    .returning({ hits: rateLimitHits.hits });
  const hits = row!.hits;
  if (hits <= rule.limit) return { allowed: true, remaining: rule.limit - hits, retryAfterSeconds: 0 };
  return { allowed: false, remaining: 0, retryAfterSeconds: secondsUntilWindowEnds(rule, windowStart, now) };
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

/** Forgets `key`'s count in the current window (e.g. failed sign-ins after a successful one). */
export async function reset(db: Db | Tx, rule: RateLimitRule, key: string, now: Date = new Date()): Promise<void> {
  await db
    .delete(rateLimitHits)
    .where(
      sql`${rateLimitHits.bucket} = ${rule.bucket} and ${rateLimitHits.key} = ${hashKey(key)} and ${rateLimitHits.windowStart} = ${windowStartFor(rule, now).toISOString()}::timestamptz`,
    );
}

/**
 * Deletes every window that has ended, for the rules in lib/security/limits.ts. Meant to run
 * periodically (every few minutes); returns how many rows went. Safe to run on several instances
 * at once. The counters stay correct without it: it only keeps the table small.
 */
export function sweepRateLimits(db: Db, now: Date = new Date()): Promise<number> {
  return sweepWindows(db, now, ALL_RULES);
}

/**
 * Deletes every ended window: a row of one of `rules`' buckets once its window is over, a row of
 * any other bucket (a rule since renamed) once it is older than the longest window, or an hour.
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
        where r.window_start + make_interval(secs => coalesce((select w.seconds from windows w where w.bucket = r.bucket), ${longest}::int))
              <= ${now.toISOString()}::timestamptz
        returning 1
      )
      select count(*)::int as deleted from gone`,
  );
  return Number(rows[0]?.deleted ?? 0);
}
