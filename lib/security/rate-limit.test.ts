import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { rateLimitHits } from "@/db/schema";
import { describeEachDatabase } from "@/test/databases";
import { clientIpFrom } from "./client-ip";
import { ALL_RULES, LIMITS, scaleLimit } from "./limits";
import { minutesPhrase } from "./minutes";
import { consume, hashKey, judgeHit, peek, reset, sweepRateLimits, sweepWindows, windowStartFor, type RateLimitRule } from "./rate-limit";

describe("rate limit helpers", () => {
  it("hashes keys with SHA-256 (hex), the same way every time", () => {
    expect(hashKey("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(hashKey("ann@example.com")).toMatch(/^[0-9a-f]{64}$/);
    expect(hashKey("203.0.113.9")).not.toBe(hashKey("203.0.113.10"));
  });

  it("judges a hit on this window's count plus the previous window's, weighted by what is left of it", () => {
    const r = { limit: 10, windowSeconds: 100 };
    expect(judgeHit(r, { current: 4, previous: 12 }, 0.5)).toEqual({ allowed: true, remaining: 0, retryAfterSeconds: 0 });
    expect(judgeHit(r, { current: 5, previous: 12 }, 0.75)).toEqual({ allowed: true, remaining: 2, retryAfterSeconds: 0 });
    // 5 + 12 × 0.5 = 11: one more fits once the weight is 4, at 1 − 4/12 of the window: 17 s on.
    expect(judgeHit(r, { current: 5, previous: 12 }, 0.5)).toEqual({ allowed: false, remaining: 0, retryAfterSeconds: 17 });
    // This window is over the limit on its own: wait into the next, until 11 × (1 − f) ≤ 9.
    expect(judgeHit(r, { current: 11, previous: 0 }, 0.5)).toEqual({ allowed: false, remaining: 0, retryAfterSeconds: 69 });
    expect(judgeHit(r, { current: 1, previous: 0 }, 0)).toEqual({ allowed: true, remaining: 9, retryAfterSeconds: 0 });
  });

  it("aligns windows to the epoch", () => {
    const rule = { windowSeconds: 600 };
    expect(windowStartFor(rule, new Date("2025-03-04T10:17:42.500Z")).toISOString()).toBe("2025-03-04T10:10:00.000Z");
    expect(windowStartFor(rule, new Date("2025-03-04T10:20:00.000Z")).toISOString()).toBe("2025-03-04T10:20:00.000Z");
  });

  it("scales limits by the multiplier, never below one", () => {
    expect(scaleLimit(10, 1)).toBe(10);
    expect(scaleLimit(10, 2.5)).toBe(25);
    expect(scaleLimit(5, 0.01)).toBe(1);
  });

  it("has one rule per bucket, with the documented defaults (no multiplier in tests)", () => {
    expect(new Set(ALL_RULES.map((r) => r.bucket)).size).toBe(ALL_RULES.length);
    expect(LIMITS.intakeIp).toEqual({ bucket: "intake-ip", limit: 10, windowSeconds: 600 });
    expect(LIMITS.intakeContact).toEqual({ bucket: "intake-contact", limit: 5, windowSeconds: 3600 });
    expect(LIMITS.trackingIp).toEqual({ bucket: "tracking-ip", limit: 60, windowSeconds: 60 });
    expect(LIMITS.lostLinkIp).toEqual({ bucket: "lost-link-ip", limit: 5, windowSeconds: 3600 });
    expect(LIMITS.signInIp).toEqual({ bucket: "signin-ip", limit: 20, windowSeconds: 600 });
    expect(LIMITS.signInFailures).toEqual({ bucket: "signin-failures", limit: 5, windowSeconds: 900 });
    expect(LIMITS.signInAddressFailures).toEqual({ bucket: "signin-address-failures", limit: 25, windowSeconds: 900 });
  });

  it("says minutes the way people do", () => {
    expect(minutesPhrase(1)).toBe("1 minute");
    expect(minutesPhrase(60)).toBe("1 minute");
    expect(minutesPhrase(61)).toBe("2 minutes");
    expect(minutesPhrase(14 * 60 + 5)).toBe("15 minutes");
  });
});

describe("clientIpFrom", () => {
  const h = (init: Record<string, string>) => new Headers(init);

  it("takes the first hop of X-Forwarded-For", () => {
    expect(clientIpFrom(h({ "x-forwarded-for": " 203.0.113.7 , 10.0.0.2, 10.0.0.1" }))).toBe("203.0.113.7");
  });

  it("falls back to X-Real-IP, then to 'unknown'", () => {
    expect(clientIpFrom(h({ "x-real-ip": "2001:DB8::1" }))).toBe("2001:db8::1");
    expect(clientIpFrom(h({}))).toBe("unknown");
    expect(clientIpFrom(h({ "x-forwarded-for": "" }))).toBe("unknown");
  });

  it("caps absurd values", () => {
    expect(clientIpFrom(h({ "x-forwarded-for": "x".repeat(5000) })).length).toBe(100);
  });
});

describeEachDatabase("sliding-window rate limits", ({ db }) => {
  const rule = (bucket: string, limit: number, windowSeconds = 60): RateLimitRule => ({ bucket, limit, windowSeconds });
  // 25 seconds into a minute window.
  const t0 = new Date("2025-06-01T12:00:25.000Z");

  it("allows exactly `limit` of 50 concurrent hits, and counts them all", async () => {
    const r = rule("concurrent", 10);
    const results = await Promise.all(Array.from({ length: 50 }, () => consume(db(), r, "198.51.100.1", t0)));
    expect(results.filter((x) => x.allowed)).toHaveLength(10);
    expect(results.filter((x) => !x.allowed)).toHaveLength(40);
    expect(results.map((x) => x.remaining).sort((a, b) => a - b)).toEqual([...Array(40).fill(0), 0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(await peek(db(), r, "198.51.100.1", t0)).toBe(50);
  });

  it("stores the key only as a hash", async () => {
    const r = rule("hashed", 3);
    await consume(db(), r, "ann@example.com", t0);
    const rows = await db().select().from(rateLimitHits).where(eq(rateLimitHits.bucket, "hashed"));
    expect(rows).toEqual([{ bucket: "hashed", key: hashKey("ann@example.com"), windowStart: new Date("2025-06-01T12:00:00.000Z"), hits: 1 }]);
  });

  it("says how long to wait, and allows the next hit once that time has passed", async () => {
    const r = rule("rollover", 2);
    expect(await consume(db(), r, "k", t0)).toEqual({ allowed: true, remaining: 1, retryAfterSeconds: 0 });
    expect(await consume(db(), r, "k", t0)).toEqual({ allowed: true, remaining: 0, retryAfterSeconds: 0 });
    // Refused hits count too: this minute's 3 weigh on the next minute until 40 s into it.
    expect(await consume(db(), r, "k", t0)).toEqual({ allowed: false, remaining: 0, retryAfterSeconds: 75 });
    expect(await consume(db(), r, "k", new Date("2025-06-01T12:00:59.200Z"))).toEqual({ allowed: false, remaining: 0, retryAfterSeconds: 46 });
    // Another key has its own budget.
    expect((await consume(db(), r, "other", t0)).allowed).toBe(true);
    // 46 s on, the earlier 4 weigh 4 × (1 − 45.2/60) < 1: room for one.
    expect(await consume(db(), r, "k", new Date("2025-06-01T12:01:45.200Z"))).toEqual({ allowed: true, remaining: 0, retryAfterSeconds: 0 });
  });

  it("refuses the burst across a window boundary that fixed windows let through", async () => {
    const r = rule("boundary", 10);
    const burst = (iso: string) => Promise.all(Array.from({ length: 10 }, () => consume(db(), r, "k", new Date(iso))));
    expect((await burst("2025-06-01T12:00:59Z")).every((x) => x.allowed)).toBe(true);
    expect((await burst("2025-06-01T12:01:01Z")).filter((x) => x.allowed)).toHaveLength(0);
    // Half-way through the minute after, the ten counted in 12:01 weigh five: five more may pass.
    expect((await burst("2025-06-01T12:02:30Z")).filter((x) => x.allowed)).toHaveLength(5);
  });

  it("forgets a key's count, the previous window's too, on reset", async () => {
    const r = rule("reset", 1);
    await consume(db(), r, "k", t0);
    expect((await consume(db(), r, "k", t0)).allowed).toBe(false);
    const later = new Date("2025-06-01T12:01:10.000Z");
    expect((await consume(db(), r, "k", later)).allowed).toBe(false);
    await reset(db(), r, "k", later);
    expect((await consume(db(), r, "k", later)).allowed).toBe(true);
  });

  it("sweeps windows that no longer count, and keeps the current and previous ones", async () => {
    const short = rule("sweep-short", 5, 60);
    const long = rule("sweep-long", 5, 3600);
    const at = (iso: string) => new Date(iso);
    await consume(db(), short, "a", at("2025-07-01T09:58:30Z")); // window 09:58–09:59: no longer counts
    await consume(db(), short, "a", at("2025-07-01T09:59:10Z")); // 09:59–10:00: the previous window, still weighs
    await consume(db(), short, "a", at("2025-07-01T10:00:10Z")); // 10:00–10:01: current
    await consume(db(), long, "a", at("2025-07-01T08:20:00Z")); // 08:00–09:00: no longer counts
    await consume(db(), long, "a", at("2025-07-01T09:20:00Z")); // 09:00–10:00: the previous window
    await consume(db(), long, "b", at("2025-07-01T10:00:05Z")); // 10:00–11:00: current
    await db().insert(rateLimitHits).values([
      { bucket: "sweep-renamed", key: "x", windowStart: at("2025-07-01T07:59:00Z"), hits: 1 }, // unknown bucket, over two hours old
      { bucket: "sweep-renamed", key: "y", windowStart: at("2025-07-01T09:30:00Z"), hits: 1 }, // unknown bucket, recent
    ]);

    const deleted = await sweepWindows(db(), at("2025-07-01T10:00:30Z"), [short, long]);
    // (Rows the other tests left in their unnamed buckets, all older than two hours, go too.)
    expect(deleted).toBeGreaterThanOrEqual(3);
    const left = await db()
      .select({ windowStart: rateLimitHits.windowStart })
      .from(rateLimitHits)
      .where(eq(rateLimitHits.bucket, "sweep-short"))
      .orderBy(rateLimitHits.windowStart);
    expect(left.map((r) => r.windowStart.toISOString())).toEqual(["2025-07-01T09:59:00.000Z", "2025-07-01T10:00:00.000Z"]);
    expect(await peek(db(), long, "a", at("2025-07-01T08:20:00Z"))).toBe(0);
    expect(await peek(db(), long, "a", at("2025-07-01T09:20:00Z"))).toBe(1);
    expect(await peek(db(), long, "b", at("2025-07-01T10:00:30Z"))).toBe(1);
    const renamed = await db().select({ key: rateLimitHits.key }).from(rateLimitHits).where(eq(rateLimitHits.bucket, "sweep-renamed"));
    expect(renamed).toEqual([{ key: "y" }]);
  });

  it("sweeps the app's own buckets with their own windows", async () => {
    const now = new Date("2030-01-01T00:00:00Z");
    await consume(db(), LIMITS.trackingIp, "198.51.100.9", new Date("2029-12-31T23:58:00Z"));
    await consume(db(), LIMITS.intakeContact, "email:ann@example.com", new Date("2029-12-31T23:30:00Z"));
    await sweepRateLimits(db(), now);
    expect(await peek(db(), LIMITS.trackingIp, "198.51.100.9", new Date("2029-12-31T23:58:00Z"))).toBe(0);
    // The hour 23:00–00:00 still weighs on the hour after it.
    expect(await peek(db(), LIMITS.intakeContact, "email:ann@example.com", new Date("2029-12-31T23:30:00Z"))).toBe(1);
    await consume(db(), LIMITS.intakeContact, "email:ann@example.com", new Date("2030-01-01T00:10:00Z"));
    await sweepRateLimits(db(), new Date("2030-01-01T01:00:00Z"));
    expect(await peek(db(), LIMITS.intakeContact, "email:ann@example.com", new Date("2029-12-31T23:30:00Z"))).toBe(0);
    expect(await peek(db(), LIMITS.intakeContact, "email:ann@example.com", new Date("2030-01-01T00:50:00Z"))).toBe(1);
  });
});
