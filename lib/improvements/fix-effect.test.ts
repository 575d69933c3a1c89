import { describe, expect, it } from "vitest";
import { evaluateFix, MAX_WINDOW_DAYS, MIN_DAYS_AFTER, windowDaysFor } from "./fix-effect";

describe("whether a corrective action worked", () => {
  it("says it worked when the rate falls clearly", () => {
    const effect = evaluateFix({ daysSinceDone: 60, windowDays: 60, before: { complaints: 42 }, after: { complaints: 9 } });
    expect(effect.verdict).toBe("worked");
    expect(effect.rateRatio!.estimate).toBeCloseTo(9 / 42, 5);
    expect(effect.rateRatio!.high).toBeLessThan(1);
    expect(effect.pValue).toBeLessThan(0.001);
    expect(effect.headline).toBe("It worked: 42 complaints in the 60 days before, 9 complaints in the 60 days after, 0.21 times the rate before (95% range 0.1–0.44; p<0.0001).");
  });

  it("says there is no clear change when the fall is within chance", () => {
    const effect = evaluateFix({ daysSinceDone: 45, windowDays: 45, before: { complaints: 14 }, after: { complaints: 11 } });
    expect(effect.verdict).toBe("no_clear_change");
    expect(effect.rateRatio!.low).toBeLessThan(1);
    expect(effect.rateRatio!.high).toBeGreaterThan(1);
    expect(effect.headline).toMatch(/^No clear change yet: 14 complaints in the 45 days before, 11 complaints in the 45 days after, 0\.79 times the rate before \(95% range 0\.36–1\.7\), which chance alone could explain\.$/);
  });

  it("says it is too early, and what is missing, before four weeks or ten complaints", () => {
    const early = evaluateFix({ daysSinceDone: 10.7, windowDays: 10, before: { complaints: 30 }, after: { complaints: 0 } });
    expect(early.verdict).toBe("too_early");
    expect(early.rateRatio).toBeNull();
    expect(early.missing).toEqual([`18 more days since the change (10 of ${MIN_DAYS_AFTER})`]);
    expect(early.headline).toBe("Too early to tell: 18 more days since the change (10 of 28) needed.");

    const few = evaluateFix({ daysSinceDone: 40, windowDays: 40, before: { complaints: 3 }, after: { complaints: 1 } });
    expect(few.verdict).toBe("too_early");
    expect(few.missing).toEqual(["6 more complaints in the two windows (4 of 10)"]);
  });

  it("says when complaints rose", () => {
    const effect = evaluateFix({ daysSinceDone: 90, windowDays: 90, before: { complaints: 10 }, after: { complaints: 35 } });
    expect(effect.verdict).toBe("worse");
    expect(effect.rateRatio!.low).toBeGreaterThan(1);
    expect(effect.headline).toMatch(/^Complaints rose after the change: .*3\.5 times the rate before/);
  });

  it("compares per unit of work when both windows have volumes, so a busier month does not hide a fix", () => {
    // Complaints flat, but the work done after the change tripled: the rate per unit fell.
    const perWork = evaluateFix({ daysSinceDone: 60, windowDays: 60, before: { complaints: 30, workUnits: 1000 }, after: { complaints: 30, workUnits: 3000 } });
    expect(perWork.comparedPer).toBe("work unit");
    expect(perWork.verdict).toBe("worked");
    expect(perWork.rateRatio!.estimate).toBeCloseTo(1 / 3, 5);
    expect(perWork.headline).toContain("30 complaints in the 60 days before over 1,000 units of work");

    const withoutVolumes = evaluateFix({ daysSinceDone: 60, windowDays: 60, before: { complaints: 30, workUnits: 1000 }, after: { complaints: 30 } });
    expect(withoutVolumes.comparedPer).toBe("window");
    expect(withoutVolumes.verdict).toBe("no_clear_change");
  });

  it("uses windows of all the time since the change, up to a quarter", () => {
    expect(windowDaysFor(12.9)).toBe(12);
    expect(windowDaysFor(400)).toBe(MAX_WINDOW_DAYS);
    expect(windowDaysFor(-1)).toBe(0);
  });
});
