import { poissonRateTestGreater, rateRatio, type RatioEstimate } from "@/lib/analytics/stats";
import { count, num, pValue, ratio } from "@/lib/format/numbers";

/**
 * Did a corrective action work? The complaint rate for what it targeted (a root cause, a process,
 * or both) in a window after the action was marked done, against a window of the same length just
 * before it. Same-length windows make "complaints per day" cancel out, so the comparison is of
 * counts, or of complaints per unit of work where the owner gave the work done in each window
 * (a busier month after the fix should not make it look as if the fix failed).
 *
 * The verdict reuses the statistics behind the analytics verdicts: the rate ratio after/before with
 * its 95% range (log method), and the exact conditional test for two Poisson rates, one-sided in
 * the direction claimed. Until the windows are long enough and hold enough complaints the answer
 * is "too early to tell", with what is missing.
 */

/** Days after the change before anything is said: four weeks take in a whole weekly cycle. */
export const MIN_DAYS_AFTER = 28;
/** The windows grow with time since the change, up to a quarter either side. */
export const MAX_WINDOW_DAYS = 90;
/** Complaints in both windows together: fewer cannot show a change at 5%, whatever happened. */
export const MIN_COMPLAINTS = 10;
/** The chance of a change this large by luck must be under this to call it. */
export const SIGNIFICANCE = 0.05;

export type FixWindow = {
  complaints: number;
  /** Units of work done in the window (orders, visits…), when the owner entered them. */
  workUnits?: number | null;
};

export type FixEffectInput = {
  /** Days from the change to now (fractional days are fine; only whole days count). */
  daysSinceDone: number;
  /** The windows' length in days: windowDaysFor(daysSinceDone). */
  windowDays: number;
  before: FixWindow;
  after: FixWindow;
};

export type FixVerdict = "too_early" | "worked" | "no_clear_change" | "worse";

export type FixEffect = {
  verdict: FixVerdict;
  headline: string;
  /** For "too early": what is still missing, in plain words. */
  missing: string[];
  /** The rate after the change divided by the rate before, with its 95% range; null when too early. */
  rateRatio: RatioEstimate | null;
  /** One-sided exact p-value in the direction of the change seen; null when too early. */
  pValue: number | null;
  /** "per unit of work" when both windows have volumes, otherwise the counts themselves. */
  comparedPer: "work unit" | "window";
};

/** The length of each window: all the time since the change, up to MAX_WINDOW_DAYS. */
export function windowDaysFor(daysSinceDone: number): number {
  return Math.max(0, Math.min(MAX_WINDOW_DAYS, Math.floor(daysSinceDone)));
}

export function evaluateFix(input: FixEffectInput): FixEffect {
  const { before, after, windowDays } = input;
  const perWork = (before.workUnits ?? 0) > 0 && (after.workUnits ?? 0) > 0;
  const comparedPer = perWork ? "work unit" : "window";
  const days = Math.floor(input.daysSinceDone);

  const missing: string[] = [];
  if (days < MIN_DAYS_AFTER) missing.push(`${count(MIN_DAYS_AFTER - days, "more day")} since the change (${num(days)} of ${num(MIN_DAYS_AFTER)})`);
  const total = before.complaints + after.complaints;
  if (total < MIN_COMPLAINTS) missing.push(`${count(MIN_COMPLAINTS - total, "more complaint")} in the two windows (${num(total)} of ${num(MIN_COMPLAINTS)})`);
  if (missing.length > 0) {
    return {
      verdict: "too_early",
      headline: `Too early to tell: ${missing.join(" and ")} needed.`,
      missing,
      rateRatio: null,
      pValue: null,
      comparedPer,
    };
  }

  const [tBefore, tAfter] = perWork ? [before.workUnits!, after.workUnits!] : [windowDays, windowDays];
  const estimate = rateRatio(after.complaints, tAfter, before.complaints, tBefore)!;
  const fell = poissonRateTestGreater(before.complaints, tBefore, after.complaints, tAfter);
  const rose = poissonRateTestGreater(after.complaints, tAfter, before.complaints, tBefore);
  const counts = describeCounts(input, perWork);
  const range = `95% range ${ratio(estimate.low)}–${ratio(estimate.high)}`;

  if (estimate.high < 1 && fell < SIGNIFICANCE) {
    return {
      verdict: "worked",
      headline: `It worked: ${counts}, ${ratio(estimate.estimate)} times the rate before (${range}; ${pValue(fell)}).`,
      missing,
      rateRatio: estimate,
      pValue: fell,
      comparedPer,
    };
  }
  if (estimate.low > 1 && rose < SIGNIFICANCE) {
    return {
      verdict: "worse",
      headline: `Complaints rose after the change: ${counts}, ${ratio(estimate.estimate)} times the rate before (${range}; ${pValue(rose)}).`,
      missing,
      rateRatio: estimate,
      pValue: rose,
      comparedPer,
    };
  }
  return {
    verdict: "no_clear_change",
    headline: `No clear change yet: ${counts}, ${ratio(estimate.estimate)} times the rate before (${range}), which chance alone could explain.`,
    missing,
    rateRatio: estimate,
    pValue: Math.min(fell, rose),
    comparedPer,
  };
}

function describeCounts({ before, after, windowDays }: FixEffectInput, perWork: boolean): string {
  const span = count(windowDays, "day");
  const side = (w: FixWindow, when: string) =>
    `${count(w.complaints, "complaint")} in the ${span} ${when}${perWork ? ` over ${num(w.workUnits!)} units of work` : ""}`;
  return `${side(before, "before")}, ${side(after, "after")}`;
}
