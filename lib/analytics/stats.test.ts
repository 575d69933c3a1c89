import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  Z_95,
  binomialUpperTail,
  fisherExact,
  holmAdjust,
  logFactorial,
  poissonRateTestGreater,
  proportionRatio,
  rateRatio,
  wilsonInterval,
} from "./stats";

/** Exact binomial coefficient with BigInt: an independent reference for the log-factorial code. */
function choose(n: number, k: number): bigint {
  let r = BigInt(1);
  for (let i = 0; i < k; i++) r = (r * BigInt(n - i)) / BigInt(i + 1);
  return r;
}

/** Fisher's one-sided and two-sided p by summing exact hypergeometric counts as rationals. */
function fisherByDirectSum(a: number, b: number, c: number, d: number) {
  const r1 = a + b, c1 = a + c, n = a + b + c + d;
  const weight = (x: number) => choose(c1, x) * choose(n - c1, r1 - x);
  const total = choose(n, r1);
  const observed = weight(a);
  let greater = BigInt(0), twoSided = BigInt(0);
  for (let x = Math.max(0, r1 + c1 - n); x <= Math.min(r1, c1); x++) {
    if (x >= a) greater += weight(x);
    if (weight(x) <= observed) twoSided += weight(x);
  }
  return { greater: Number(greater) / Number(total), twoSided: Number(twoSided) / Number(total) };
}

/** The Wilson interval is where the score test stops rejecting: find that by bisection. */
function wilsonByScoreInversion(x: number, n: number, side: "low" | "high"): number {
  const p = x / n;
  const rejects = (pi: number) => Math.abs(p - pi) > Z_95 * Math.sqrt((pi * (1 - pi)) / n);
  let [inside, outside] = side === "low" ? [p, 0] : [p, 1];
  for (let i = 0; i < 100; i++) {
    const mid = (inside + outside) / 2;
    if (rejects(mid)) outside = mid;
    else inside = mid;
  }
  return inside;
}

describe("wilsonInterval", () => {
  it("7 of 10 is about 39.7%–89.2%, matching the score-test inversion", () => {
    const ci = wilsonInterval(7, 10);
    expect(ci.low).toBeCloseTo(0.3968, 4);
    expect(ci.high).toBeCloseTo(0.8922, 4);
    expect(ci.low).toBeCloseTo(wilsonByScoreInversion(7, 10, "low"), 9);
    expect(ci.high).toBeCloseTo(wilsonByScoreInversion(7, 10, "high"), 9);
  });

  it.each([
    [6, 7],
    [32, 41],
    [1, 250],
  ])("%i of %i agrees with the score-test inversion", (x, n) => {
    const ci = wilsonInterval(x, n);
    expect(ci.low).toBeCloseTo(wilsonByScoreInversion(x, n, "low"), 9);
    expect(ci.high).toBeCloseTo(wilsonByScoreInversion(x, n, "high"), 9);
  });

  it("stays inside 0–1 at the extremes and knows nothing without data", () => {
    expect(wilsonInterval(0, 10).low).toBe(0);
    expect(wilsonInterval(0, 10).high).toBeCloseTo(0.2775, 4);
    expect(wilsonInterval(10, 10).high).toBe(1);
    expect(wilsonInterval(0, 0)).toEqual({ low: 0, high: 1 });
  });

  it("rejects impossible counts", () => {
    expect(() => wilsonInterval(5, 4)).toThrow(RangeError);
    expect(() => wilsonInterval(-1, 4)).toThrow(RangeError);
    expect(() => wilsonInterval(1.5, 4)).toThrow(RangeError);
  });
});

describe("logFactorial", () => {
  it("matches small factorials and Stirling's series for large n", () => {
    expect(logFactorial(0)).toBe(0);
    expect(logFactorial(10)).toBeCloseTo(Math.log(3628800), 10);
    const n = 1000;
    const stirling = n * Math.log(n) - n + 0.5 * Math.log(2 * Math.PI * n) + 1 / (12 * n) - 1 / (360 * n ** 3);
    expect(logFactorial(n)).toBeCloseTo(stirling, 8);
  });
});

describe("fisherExact", () => {
  it("[[8,2],[1,5]]: one-sided 196/8008 ≈ 0.0245, two-sided 280/8008 ≈ 0.0350", () => {
    const result = fisherExact(8, 2, 1, 5);
    expect(result.greater).toBeCloseTo(196 / 8008, 12);
    expect(result.twoSided).toBeCloseTo(280 / 8008, 12);
    expect(result.twoSided).toBeCloseTo(0.035, 4);
  });

  it.each([
    [6, 42, 2, 308],
    [3, 7, 10, 90],
    [0, 20, 5, 15],
    [12, 0, 0, 12],
  ])("[[%i,%i],[%i,%i]] agrees with direct hypergeometric summation", (a, b, c, d) => {
    const direct = fisherByDirectSum(a, b, c, d);
    const result = fisherExact(a, b, c, d);
    expect(result.greater).toBeCloseTo(direct.greater, 12);
    expect(result.twoSided).toBeCloseTo(direct.twoSided, 12);
  });

  it("equals summing every table, for any table", () => {
    // The reference walks every possible table, as the definition reads.
    const everyTable = (a: number, b: number, c: number, d: number) => {
      const [r1, c1, n] = [a + b, a + c, a + b + c + d];
      const p = (x: number) => Math.exp(logFactorial(c1) - logFactorial(x) - logFactorial(c1 - x) + logFactorial(n - c1) - logFactorial(r1 - x) - logFactorial(n - c1 - r1 + x) - logFactorial(n) + logFactorial(r1) + logFactorial(n - r1));
      const cutoff = p(a) * (1 + 1e-7);
      let [greater, twoSided] = [0, 0];
      for (let x = Math.max(0, r1 + c1 - n); x <= Math.min(r1, c1); x++) {
        if (x >= a) greater += p(x);
        if (p(x) <= cutoff) twoSided += p(x);
      }
      return { greater: Math.min(1, greater), twoSided: Math.min(1, twoSided) };
    };
    const cell = fc.integer({ min: 0, max: 3_000 });
    fc.assert(
      fc.property(cell, cell, cell, cell, (a, b, c, d) => {
        const expected = everyTable(a, b, c, d);
        const actual = fisherExact(a, b, c, d);
        expect(Math.abs(actual.greater - expected.greater)).toBeLessThanOrEqual(1e-12 + expected.greater * 1e-9);
        expect(Math.abs(actual.twoSided - expected.twoSided)).toBeLessThanOrEqual(1e-12 + expected.twoSided * 1e-9);
      }),
      { numRuns: 400 },
    );
    // Small and symmetric tables, where ties between the two sides are common.
    const tables: [number, number, number, number][] = [[0, 0, 0, 0], [1, 1, 1, 1], [2, 3, 3, 2], [5, 0, 0, 5], [0, 5, 5, 0], [3, 3, 3, 3], [10, 10, 10, 10], [1, 0, 0, 0], [0, 0, 0, 1]];
    for (const t of tables) {
      const expected = everyTable(...t);
      const actual = fisherExact(...t);
      expect(actual.greater).toBeCloseTo(expected.greater, 12);
      expect(actual.twoSided).toBeCloseTo(expected.twoSided, 12);
    }
  });

  it("is 1 when a row or column is empty (nothing to compare)", () => {
    expect(fisherExact(0, 0, 3, 7).greater).toBe(1);
    expect(fisherExact(5, 5, 0, 0).greater).toBe(1);
  });
});

describe("binomialUpperTail and the conditional Poisson test", () => {
  it("P(X ≥ 6) for Binomial(10, ½) is 386/1024", () => {
    expect(binomialUpperTail(6, 10, 0.5)).toBeCloseTo(386 / 1024, 12);
  });

  it("agrees with a direct sum of exact terms", () => {
    const [k, n, p] = [9, 40, 0.1];
    let direct = 0;
    for (let x = k; x <= n; x++) direct += Number(choose(n, x)) * p ** x * (1 - p) ** (n - x);
    expect(binomialUpperTail(k, n, p)).toBeCloseTo(direct, 12);
  });

  it("equals the sum of every term of the tail, for any k, n and p", () => {
    // The reference sums all n − k + 1 terms; the function stops where terms stop counting.
    const everyTerm = (k: number, n: number, p: number) => {
      let sum = 0;
      for (let x = k; x <= n; x++) sum += Math.exp(logFactorial(n) - logFactorial(x) - logFactorial(n - x) + x * Math.log(p) + (n - x) * Math.log1p(-p));
      return Math.min(1, sum);
    };
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5_000 }), fc.double({ min: 0.001, max: 0.999, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (n, p, share) => {
        const k = Math.max(1, Math.round(share * n));
        const expected = everyTerm(k, n, p);
        expect(Math.abs(binomialUpperTail(k, n, p) - expected)).toBeLessThanOrEqual(1e-12 + expected * 1e-9);
      }),
      { numRuns: 300 },
    );
  });

  it("stays exact on a year of complaints (n in the hundreds of thousands)", () => {
    // Symmetric around p = ½: P(X ≥ n/2 + 1) = (1 − P(X = n/2)) / 2. ln n! summed in doubles
    // carries a relative error near 1e-8 at this size, far below anything a verdict can notice.
    const n = 400_000;
    const atHalf = Math.exp(logFactorial(n) - 2 * logFactorial(n / 2) - n * Math.log(2));
    expect(Math.abs(binomialUpperTail(n / 2 + 1, n, 0.5) - (1 - atHalf) / 2)).toBeLessThan(1e-7);
    expect(binomialUpperTail(n / 2 + 4_000, n, 0.5)).toBeLessThan(1e-30); // 12.6 standard deviations out
    expect(binomialUpperTail(1, n, 0.5)).toBe(1);
    expect(binomialUpperTail(n, n, 0.5)).toBe(0);
  });

  it("handles the edges", () => {
    expect(binomialUpperTail(0, 5, 0.3)).toBe(1);
    expect(binomialUpperTail(6, 5, 0.3)).toBe(0);
    expect(binomialUpperTail(1, 5, 0)).toBe(0);
    expect(binomialUpperTail(5, 5, 1)).toBe(1);
  });

  it("equal rates give an unremarkable p; a tripled rate a tiny one", () => {
    expect(poissonRateTestGreater(10, 1, 40, 4)).toBeGreaterThan(0.3);
    expect(poissonRateTestGreater(41, 1, 145, 11)).toBeLessThan(1e-6);
  });
});

describe("rateRatio and proportionRatio", () => {
  it("41 complaints vs 145 over 11 other processes: about 3.1 (2.2–4.4)", () => {
    const r = rateRatio(41, 1, 145, 11)!;
    expect(r.estimate).toBeCloseTo(41 / (145 / 11), 10);
    const se = Math.sqrt(1 / 41 + 1 / 145);
    expect(r.low).toBeCloseTo(r.estimate * Math.exp(-Z_95 * se), 10);
    expect(r.low).toBeCloseTo(2.2, 1);
    expect(r.high).toBeCloseTo(4.4, 1);
  });

  it("adds 0.5 to both counts when one is zero, staying finite", () => {
    const r = rateRatio(0, 1, 20, 4)!;
    expect(r.estimate).toBeCloseTo(0.5 / (20.5 / 4), 10);
    expect(Number.isFinite(r.high)).toBe(true);
    expect(rateRatio(3, 0, 20, 4)).toBeNull();
  });

  it("6 of 48 vs 2 of 310: risk ratio 19.4 (Katz interval)", () => {
    const r = proportionRatio(6, 48, 2, 310)!;
    expect(r.estimate).toBeCloseTo(6 / 48 / (2 / 310), 10);
    const se = Math.sqrt(1 / 6 - 1 / 48 + 1 / 2 - 1 / 310);
    expect(r.low).toBeCloseTo(r.estimate * Math.exp(-Z_95 * se), 10);
    expect(r.high).toBeCloseTo(r.estimate * Math.exp(Z_95 * se), 10);
  });

  it("corrects a zero cell and refuses an empty group", () => {
    const r = proportionRatio(3, 40, 0, 200)!;
    expect(r.estimate).toBeCloseTo(3.5 / 41 / (0.5 / 201), 10);
    expect(proportionRatio(0, 0, 2, 10)).toBeNull();
  });
});

describe("holmAdjust", () => {
  it("steps down and keeps the adjusted values monotone, in input order", () => {
    expect(holmAdjust([0.01, 0.04, 0.03])).toEqual([0.03, 0.06, 0.06]);
    expect(holmAdjust([0.5, 0.9])).toEqual([1, 1]);
    expect(holmAdjust([])).toEqual([]);
  });
});
