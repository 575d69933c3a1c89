import { type Interval, fisherExact, holmAdjust, wilsonInterval } from "./stats";
import { type AnalyticsThresholds, DEFAULT_THRESHOLDS } from "./thresholds";

/** The usual Pareto line: the few causes that together make up 80% of complaints (a whole percent, so the line is decided in integers). */
export const VITAL_FEW_PERCENT = 80;

export interface ParetoItem {
  key: string;
  label: string;
  count: number;
}

export interface ParetoColumns {
  /** This row's share of all complaints, 0–1. */
  share: number;
  cumulativeCount: number;
  /** 0–1; the last row is exactly 1 whenever there is at least one complaint. */
  cumulativeShare: number;
  /** Rows up to and including the one whose cumulative share reaches VITAL_FEW_PERCENT. */
  vitalFew: boolean;
}

function byCountThenLabel(a: ParetoItem, b: ParetoItem): number {
  return b.count - a.count || a.label.localeCompare(b.label, "en") || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

function assertCount(item: ParetoItem): void {
  if (!Number.isInteger(item.count) || item.count < 0) {
    throw new RangeError(`Count for "${item.label}" must be a non-negative integer, got ${item.count}`);
  }
}

/**
 * Pareto table: largest count first (ties by label, then key, so the order never depends on the
 * database's row order). Extra fields on the items (e.g. a root cause's default fault) are kept.
 */
export function paretoRows<T extends ParetoItem>(items: readonly T[]): (T & ParetoColumns)[] {
  items.forEach(assertCount);
  const sorted = [...items].sort(byCountThenLabel);
  const total = sorted.reduce((sum, item) => sum + item.count, 0);
  let cumulative = 0;
  return sorted.map((item) => {
    const before = cumulative;
    cumulative += item.count;
    return {
      ...item,
      share: total === 0 ? 0 : item.count / total,
      cumulativeCount: cumulative,
      // Integer arithmetic decides the line, so exactly 80% is not lost to rounding.
      cumulativeShare: total === 0 ? 0 : cumulative === total ? 1 : cumulative / total,
      vitalFew: item.count > 0 && before * 100 < total * VITAL_FEW_PERCENT,
    };
  });
}

export interface RisingCause {
  key: string;
  current: number;
  previous: number;
  currentShare: number;
  previousShare: number;
  /** One-sided Fisher test that the cause's share of all complaints grew. */
  pValue: number;
  /** Holm-adjusted over the causes with at least the minimum count; null for the others. */
  adjustedPValue: number | null;
  rising: boolean;
}

/**
 * Root causes whose share of complaints grew from the previous period to this one, beyond what
 * chance explains. Shares (not raw counts) are compared so that a busy season, which lifts every
 * cause, flags nothing; a rising cause must also have more complaints than before and at least
 * `risingMinCount` of them. Because many causes are checked at once, p-values are Holm-adjusted.
 * Returns every cause, rising ones first.
 */
export function risingCauses(
  current: Readonly<Record<string, number>>,
  previous: Readonly<Record<string, number>>,
  t: Pick<AnalyticsThresholds, "risingMinCount" | "significanceLevel"> = DEFAULT_THRESHOLDS,
): RisingCause[] {
  const keys = [...new Set([...Object.keys(current), ...Object.keys(previous)])].sort();
  const cur = (k: string) => current[k] ?? 0;
  const prev = (k: string) => previous[k] ?? 0;
  const curTotal = keys.reduce((s, k) => s + cur(k), 0);
  const prevTotal = keys.reduce((s, k) => s + prev(k), 0);

  const rows = keys.map((key) => {
    const c = cur(key);
    const p = prev(key);
    return {
      key,
      current: c,
      previous: p,
      currentShare: curTotal === 0 ? 0 : c / curTotal,
      previousShare: prevTotal === 0 ? 0 : p / prevTotal,
      pValue: fisherExact(c, curTotal - c, p, prevTotal - p).greater,
      adjustedPValue: null as number | null,
      rising: false,
    };
  });
  const tested = rows.filter((r) => r.current >= t.risingMinCount);
  const adjustedPValues = holmAdjust(tested.map((r) => r.pValue));
  tested.forEach((row, i) => {
    const adjusted = adjustedPValues[i] ?? 1;
    row.adjustedPValue = adjusted;
    row.rising = row.current > row.previous && row.currentShare > row.previousShare && adjusted < t.significanceLevel;
  });
  return rows.sort(
    (a, b) =>
      Number(b.rising) - Number(a.rising) ||
      (a.adjustedPValue ?? 2) - (b.adjustedPValue ?? 2) ||
      b.current - a.current ||
      (a.key < b.key ? -1 : 1),
  );
}

/** A process or root cause with its fault attributions over the window. */
export interface FixCandidate {
  key: string;
  label: string;
  complaints: number;
  attributed: number;
  attributedToService: number;
}

export interface FixPriority extends FixCandidate {
  rank: number;
  /** 95% range of the share of attributed complaints that were the service's fault. */
  serviceShare: Interval;
  /** complaints × the low end of that range: "at least about this many were ours to fix". */
  score: number;
}

/**
 * What to fix first: the largest number of complaints that were, at the cautious (low) end of
 * the estimate, the service's own fault. A big cause that is mostly the customers' doing and a
 * small cause with two unlucky attributions both rank below a steady source of service faults.
 */
export function rankFixFirst<T extends FixCandidate>(items: readonly T[]): (T & FixPriority)[] {
  return items
    .map((item) => {
      const serviceShare = wilsonInterval(item.attributedToService, item.attributed);
      return { ...item, serviceShare, score: item.complaints * serviceShare.low, rank: 0 };
    })
    .sort(
      (a, b) =>
        b.score - a.score ||
        b.attributedToService - a.attributedToService ||
        b.complaints - a.complaints ||
        a.label.localeCompare(b.label, "en"),
    )
    .map((item, i) => ({ ...item, rank: i + 1 }));
}

/** The chart stops at this many causes even when more are needed to reach the 80% line. */
export const PARETO_MAX_BARS = 15;

export type ParetoChartRows<T> = {
  /** The causes drawn as their own bars: the vital few, at most PARETO_MAX_BARS. */
  shown: T[];
  /** Every other cause as one bar (null when none is left over). */
  others: { causes: number; count: number; share: number; byFault: Record<string, number> } | null;
};

/**
 * What the Pareto chart draws: the top causes up to the 80% line, then every other cause summed
 * into one "all other causes" bar, so 68 causes make a chart of a dozen readable bars. The table
 * beside it keeps every cause.
 */
export function paretoChartRows<T extends ParetoItem & ParetoColumns & { byFault: Record<string, number> }>(rows: readonly T[], maxBars = PARETO_MAX_BARS): ParetoChartRows<T> {
  const shown = rows.filter((r) => r.vitalFew).slice(0, maxBars);
  const rest = rows.slice(shown.length);
  if (rest.length === 0) return { shown, others: null };
  const byFault: Record<string, number> = {};
  for (const row of rest) for (const [key, n] of Object.entries(row.byFault)) byFault[key] = (byFault[key] ?? 0) + n;
  const count = rest.reduce((s, r) => s + r.count, 0);
  const total = rows.reduce((s, r) => s + r.count, 0);
  return { shown, others: { causes: rest.length, count, share: total === 0 ? 0 : count / total, byFault } };
}
