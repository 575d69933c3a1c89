import { z } from "zod";

/**
 * The owner-changeable rules behind every verdict. Defaults are deliberately cautious: calling a
 * customer "difficult" or a colleague a "conduct issue" on thin evidence does real harm, so each
 * verdict needs both a clear concentration and staff judgements that agree with it.
 * docs/verdict-method.md explains each one in plain words.
 */
export const analyticsThresholdsSchema = z.object({
  /** How far back the analysis looks. */
  windowDays: z
    .number({ error: "Enter the number of days to look back." })
    .int("Use a whole number of days.")
    .min(7, "Look back at least 7 days.")
    .max(730, "Look back at most 730 days (two years)."),
  /** A customer needs at least this many complaints in the window before any verdict. */
  minCustomerComplaints: z
    .number({ error: "Enter the minimum number of complaints." })
    .int("Use a whole number.")
    .min(2, "A verdict on a customer needs at least 2 complaints.")
    .max(100, "Use at most 100."),
  /** A process or a staff member needs at least this many cases before any verdict. */
  minCases: z
    .number({ error: "Enter the minimum number of cases." })
    .int("Use a whole number.")
    .min(5, "A verdict on a process or a person needs at least 5 cases.")
    .max(1000, "Use at most 1000."),
  /** A staff member needs at least this many cases attributed to their conduct. */
  minConductCases: z
    .number({ error: "Enter the minimum number of conduct cases." })
    .int("Use a whole number.")
    .min(2, "One complaint about a person is never a pattern: use at least 2.")
    .max(100, "Use at most 100."),
  /** Lower end of the 95% range of the unreasonable (or customer-attributed) share must be above this. */
  customerSideShareMin: share("the customer-side share"),
  /** Lower end of the 95% range of the service-attributed share must be above this. */
  serviceShareMin: share("the service share"),
  /** Above this share of other customers complaining about the same processes, suspect the process. */
  otherCustomersShareMax: z
    .number({ error: "Enter a share between 0 and 1." })
    .gt(0, "The share of other customers must be above 0.")
    .max(0.5, "The share of other customers must be at most 0.5 (50%)."),
  /** How many times the usual rate counts as "much more than the rest". */
  rateRatioMin: z
    .number({ error: "Enter a ratio." })
    .min(1.2, "A rate ratio below 1.2 is not a meaningful concentration.")
    .max(20, "Use a rate ratio of at most 20."),
  /** Chance must explain the pattern with probability below this (the p-value). */
  significanceLevel: z
    .number({ error: "Enter a significance level." })
    .gt(0, "The significance level must be above 0.")
    .max(0.1, "A significance level above 0.1 flags too many patterns by chance."),
  /** A root cause must have at least this many complaints this period to be called rising. */
  risingMinCount: z
    .number({ error: "Enter the minimum count." })
    .int("Use a whole number.")
    .min(2, "Use at least 2.")
    .max(1000, "Use at most 1000."),
});

function share(what: string) {
  return z
    .number({ error: `Enter ${what} as a number between 0 and 1.` })
    .min(0.3, `${capitalise(what)} must be at least 0.3 (30%).`)
    .max(0.9, `${capitalise(what)} must be at most 0.9 (90%).`);
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export type AnalyticsThresholds = z.infer<typeof analyticsThresholdsSchema>;

export const DEFAULT_THRESHOLDS: Readonly<AnalyticsThresholds> = Object.freeze({
  windowDays: 90,
  minCustomerComplaints: 4,
  minCases: 10,
  minConductCases: 3,
  customerSideShareMin: 0.5,
  serviceShareMin: 0.5,
  otherCustomersShareMax: 0.1,
  rateRatioMin: 2,
  significanceLevel: 0.05,
  risingMinCount: 5,
});

/** For a settings form or stored JSON: any subset of fields, the rest from the defaults. */
export const analyticsThresholdsInputSchema = analyticsThresholdsSchema.partial();

/**
 * Stored or submitted thresholds merged over the defaults. Throws a ZodError with a message per
 * field when a value is out of range; use `analyticsThresholdsInputSchema.safeParse` for forms.
 */
export function resolveThresholds(input: unknown): AnalyticsThresholds {
  const partial = analyticsThresholdsInputSchema.parse(input ?? {});
  const defined = Object.fromEntries(Object.entries(partial).filter(([, v]) => v !== undefined));
  return analyticsThresholdsSchema.parse({ ...DEFAULT_THRESHOLDS, ...defined });
}
