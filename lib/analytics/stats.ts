/**
 * Small, dependency-free statistics for the analytics verdicts. Everything works on counts
 * (complaints, cases), so the exact tests are computed from log-factorials, which stay accurate
 * for tables of many thousands of cases where plain factorials would overflow.
 */

/** z for a two-sided 95% interval. */
export const Z_95 = 1.959963984540054;

export interface Interval {
  low: number;
  high: number;
}

export interface RatioEstimate extends Interval {
  estimate: number;
}

function assertCount(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`${name} must be a non-negative integer, got ${value}`);
}

/**
 * Wilson score interval for `successes` out of `n`. Unlike the textbook "p ± z·SE" it stays inside
 * 0–1 and behaves sensibly for small samples and for 0/n or n/n. With n = 0 nothing is known: 0–1.
 */
export function wilsonInterval(successes: number, n: number, z: number = Z_95): Interval {
  assertCount("successes", successes);
  assertCount("n", n);
  if (successes > n) throw new RangeError(`successes (${successes}) cannot exceed n (${n})`);
  if (n === 0) return { low: 0, high: 1 };
  const p = successes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const margin = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  // Clamp away floating-point dust so that 0/n starts at exactly 0 and n/n ends at exactly 1.
  return {
    low: successes === 0 ? 0 : Math.max(0, centre - margin),
    high: successes === n ? 1 : Math.min(1, centre + margin),
  };
}

const logFactorials: number[] = [0];

/** ln(n!), cached: the tables here are counts of complaints, so n stays modest. */
export function logFactorial(n: number): number {
  assertCount("n", n);
  let last = logFactorials[logFactorials.length - 1] ?? 0;
  for (let i = logFactorials.length; i <= n; i++) {
    last += Math.log(i);
    logFactorials.push(last);
  }
  return logFactorials[n] ?? last;
}

function logChoose(n: number, k: number): number {
  return logFactorial(n) - logFactorial(k) - logFactorial(n - k);
}

/**
 * Probability of a 2×2 table [[x, r1−x], [c1−x, …]] given its margins: rows r1, columns c1,
 * total n (the hypergeometric distribution that Fisher's exact test sums).
 */
function hypergeometric(x: number, r1: number, c1: number, n: number): number {
  return Math.exp(logChoose(c1, x) + logChoose(n - c1, r1 - x) - logChoose(n, r1));
}

export interface FisherResult {
  /** P(top-left cell ≥ a): the first row has a larger share of the first column than chance allows. */
  greater: number;
  /** Sum of the probabilities of all tables at most as likely as the observed one. */
  twoSided: number;
}

/** Below this share of the sum so far, a term of a falling tail no longer changes it. */
const NEGLIGIBLE = Number.EPSILON * 1e-2;

/**
 * Σ of one tail of a unimodal distribution, from `start` outward in `direction`, where the terms
 * only fall: `first` is the term at `start`, `next` gives each term from the one before it (their
 * ratio is cheap where each term on its own needs logarithms of factorials). Stops once a term no
 * longer changes the sum, so the work follows the spread of the distribution, not its range.
 */
function sumFallingTail(start: number, direction: 1 | -1, first: number, next: (x: number, term: number) => number, inRange: (x: number) => boolean): number {
  let sum = 0;
  let term = first;
  for (let x = start; inRange(x); x += direction) {
    sum += term;
    if (term <= sum * NEGLIGIBLE) break;
    term = next(x, term);
  }
  return sum;
}

/**
 * Fisher's exact test for the table [[a, b], [c, d]], e.g. a = one staff member's conduct cases,
 * b = their other cases, c and d the same for the rest of the team.
 *
 * The probabilities rise to the mode and fall away from it, so each tail is summed outward from
 * its end nearest the mode, each term from the last by their ratio, until terms stop counting:
 * the work follows the spread of the distribution, not the size of the table (root causes compare
 * a year of complaints with the year before, hundreds of thousands).
 */
export function fisherExact(a: number, b: number, c: number, d: number): FisherResult {
  Object.entries({ a, b, c, d }).forEach(([name, v]) => assertCount(name, v));
  const r1 = a + b;
  const c1 = a + c;
  const n = a + b + c + d;
  const min = Math.max(0, r1 + c1 - n);
  const max = Math.min(r1, c1);
  const mode = Math.min(max, Math.max(min, Math.floor(((r1 + 1) * (c1 + 1)) / (n + 2))));
  const p = (x: number) => hypergeometric(x, r1, c1, n);
  /** P(x + direction) from P(x). */
  const stepFrom = (x: number, px: number, direction: 1 | -1) =>
    direction === 1 ? (px * ((r1 - x) * (c1 - x))) / ((x + 1) * (n - r1 - c1 + x + 1)) : (px * (x * (n - r1 - c1 + x))) / ((r1 - x + 1) * (c1 - x + 1));
  const inRange = (x: number) => x >= min && x <= max;
  /** Σ P(x) from `start` outward, where the terms only fall (start at or beyond the mode). */
  const tail = (start: number, direction: 1 | -1) =>
    sumFallingTail(start, direction, inRange(start) ? p(start) : 0, (x, term) => stepFrom(x, term, direction), inRange);

  const greater = a > mode ? tail(a, 1) : 1 - tail(a - 1, -1);

  // Two-sided: every table at most as likely as the observed one. On the observed side that is
  // everything beyond a, and any tables just inside it that are as likely (ties). On the other
  // side, everything beyond the first table that is no more likely than the observed one.
  // Relative tolerance, so that tables exactly as likely are not lost to rounding.
  const observed = p(a);
  const cutoff = observed * (1 + 1e-7);
  const toward: 1 | -1 = a >= mode ? 1 : -1;
  const away: 1 | -1 = toward === 1 ? -1 : 1;
  let twoSided = tail(a, toward);
  let x = a + away;
  let term = stepFrom(a, observed, away);
  while (inRange(x) && (toward === 1 ? x >= mode : x <= mode) && term <= cutoff) {
    twoSided += term;
    term = stepFrom(x, term, away);
    x += away;
  }
  let boundary = mode + away;
  term = stepFrom(mode, p(mode), away);
  while (inRange(boundary) && term > cutoff) {
    term = stepFrom(boundary, term, away);
    boundary += away;
  }
  twoSided += tail(boundary, away);
  return { greater: Math.min(1, Math.max(0, greater)), twoSided: Math.min(1, twoSided) };
}

/**
 * P(X ≥ k) for X ~ Binomial(n, p).
 *
 * The terms rise to the mode and fall away from it faster than geometrically, so a tail is
 * summed outward from its end nearest the mode and stops once a term no longer changes the sum:
 * a few thousand terms even when n is every complaint of a year, where summing all n − k terms
 * took most of an analytics page's time. Above the mode the upper tail is summed; at or below
 * it, one minus the lower tail (then at least about one half, so nothing is lost to cancellation).
 */
export function binomialUpperTail(k: number, n: number, p: number): number {
  assertCount("k", k);
  assertCount("n", n);
  if (!(p >= 0 && p <= 1)) throw new RangeError(`p must be within 0–1, got ${p}`);
  if (k === 0) return 1;
  if (k > n) return 0;
  if (p === 0) return 0;
  if (p === 1) return 1;
  const logP = Math.log(p);
  const logQ = Math.log1p(-p);
  const odds = p / (1 - p);
  const mode = Math.floor((n + 1) * p);
  /** Σ P(X = x) from `start` outward, where the terms only fall. */
  const tailFrom = (start: number, step: 1 | -1) =>
    sumFallingTail(
      start,
      step,
      Math.exp(logChoose(n, start) + start * logP + (n - start) * logQ),
      (x, term) => term * (step === 1 ? ((n - x) / (x + 1)) * odds : x / (n - x + 1) / odds),
      (x) => x >= 0 && x <= n,
    );
  return k > mode ? Math.min(1, tailFrom(k, 1)) : Math.min(1, Math.max(0, 1 - tailFrom(k - 1, -1)));
}

/**
 * Exact one-sided test that the rate x1/t1 is higher than x2/t2 (counts over exposures such as
 * "complaints per process" or "complaints per customer"). Given the total x1 + x2, x1 follows a
 * binomial with p = t1 / (t1 + t2) when both rates are equal: the conditional Poisson test.
 */
export function poissonRateTestGreater(x1: number, t1: number, x2: number, t2: number): number {
  if (!(t1 > 0 && t2 > 0)) throw new RangeError("exposures must be positive");
  return binomialUpperTail(x1, x1 + x2, t1 / (t1 + t2));
}

function logMethod(estimateLog: number, se: number, z: number): RatioEstimate {
  return { estimate: Math.exp(estimateLog), low: Math.exp(estimateLog - z * se), high: Math.exp(estimateLog + z * se) };
}

/**
 * Ratio of two Poisson rates (x1/t1) / (x2/t2) with a 95% interval by the log method,
 * SE = √(1/x1 + 1/x2). When either count is 0 both get 0.5 added, so the ratio and its interval
 * stay finite (and honest: wide). Null when an exposure is not positive.
 */
export function rateRatio(x1: number, t1: number, x2: number, t2: number, z: number = Z_95): RatioEstimate | null {
  assertCount("x1", x1);
  assertCount("x2", x2);
  if (!(t1 > 0 && t2 > 0)) return null;
  const [a, c] = x1 === 0 || x2 === 0 ? [x1 + 0.5, x2 + 0.5] : [x1, x2];
  return logMethod(Math.log(a / t1 / (c / t2)), Math.sqrt(1 / a + 1 / c), z);
}

/**
 * Ratio of two proportions (a/n1) / (c/n2) ("risk ratio") with a 95% interval by the log method,
 * SE = √(1/a − 1/n1 + 1/c − 1/n2). A zero cell adds 0.5 to every cell of the 2×2 table.
 * Null when a group is empty.
 */
export function proportionRatio(a: number, n1: number, c: number, n2: number, z: number = Z_95): RatioEstimate | null {
  Object.entries({ a, n1, c, n2 }).forEach(([name, v]) => assertCount(name, v));
  if (a > n1 || c > n2) throw new RangeError("successes cannot exceed their group size");
  if (n1 === 0 || n2 === 0) return null;
  const zeroCell = a === 0 || c === 0 || a === n1 || c === n2;
  const [x1, m1, x2, m2] = zeroCell ? [a + 0.5, n1 + 1, c + 0.5, n2 + 1] : [a, n1, c, n2];
  return logMethod(Math.log(x1 / m1 / (x2 / m2)), Math.sqrt(1 / x1 - 1 / m1 + 1 / x2 - 1 / m2), z);
}

/**
 * Holm's step-down adjustment: when many causes (or people) are tested at once, some would pass
 * at 5% by luck alone; Holm keeps the chance of any false alarm at the chosen level. Returns the
 * adjusted p-values in the input's order.
 */
export function holmAdjust(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((p, i) => ({ p, i })).sort((x, y) => x.p - y.p || x.i - y.i);
  const adjusted = new Array<number>(m);
  let running = 0;
  order.forEach(({ p, i }, rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * p));
    adjusted[i] = running;
  });
  return adjusted;
}
