import { describe, expect, it } from "vitest";
import { DEFAULT_THRESHOLDS, analyticsThresholdsInputSchema, analyticsThresholdsSchema, resolveThresholds } from "./thresholds";

describe("analytics thresholds", () => {
  it("the defaults are valid", () => {
    expect(analyticsThresholdsSchema.parse(DEFAULT_THRESHOLDS)).toEqual(DEFAULT_THRESHOLDS);
    expect(DEFAULT_THRESHOLDS).toMatchObject({ windowDays: 90, minCustomerComplaints: 4, minCases: 10, rateRatioMin: 2, significanceLevel: 0.05 });
  });

  it("fills what the owner did not set from the defaults", () => {
    expect(resolveThresholds({ windowDays: 30 })).toEqual({ ...DEFAULT_THRESHOLDS, windowDays: 30 });
    expect(resolveThresholds(undefined)).toEqual(DEFAULT_THRESHOLDS);
    expect(resolveThresholds(null)).toEqual(DEFAULT_THRESHOLDS);
  });

  it("explains each out-of-range value in words", () => {
    const result = analyticsThresholdsInputSchema.safeParse({
      windowDays: 3,
      minCustomerComplaints: 1.5,
      minConductCases: 1,
      customerSideShareMin: 0.95,
      significanceLevel: 0.5,
      rateRatioMin: "2",
    });
    expect(result.success).toBe(false);
    const messages = Object.fromEntries(result.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(messages).toEqual({
      windowDays: "Look back at least 7 days.",
      minCustomerComplaints: "Use a whole number.",
      minConductCases: "One complaint about a person is never a pattern: use at least 2.",
      customerSideShareMin: "The customer-side share must be at most 0.9 (90%).",
      significanceLevel: "A significance level above 0.1 flags too many patterns by chance.",
      rateRatioMin: "Enter a ratio.",
    });
  });

  it("throws on invalid stored values rather than silently using them", () => {
    expect(() => resolveThresholds({ minCases: 0 })).toThrow();
  });
});
