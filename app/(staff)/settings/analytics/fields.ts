import type { AnalyticsThresholds } from "@/lib/analytics/thresholds";

/** The form's fields. Shares are typed as percentages (50) and stored as fractions (0.5). */
export type ThresholdField = { name: keyof AnalyticsThresholds; label: string; hint: string; unit: string; percent?: boolean; step: string };

export const THRESHOLD_FIELDS: readonly ThresholdField[] = [
  { name: "windowDays", label: "Look-back period", hint: "How far back verdicts look by default.", unit: "days", step: "1" },
  { name: "minCustomerComplaints", label: "Minimum complaints for a customer verdict", hint: "Fewer than this: “not enough data”.", unit: "complaints", step: "1" },
  { name: "minCases", label: "Minimum cases for a process or staff verdict", hint: "Also marks staff figures as a small sample.", unit: "cases", step: "1" },
  { name: "minConductCases", label: "Minimum conduct cases for a staff verdict", hint: "One complaint about a person is never a pattern.", unit: "cases", step: "1" },
  { name: "customerSideShareMin", label: "Customer-side share", hint: "Unreasonable requests or customer-attributed cases: the low end of the 95% range must be above this.", unit: "%", percent: true, step: "1" },
  { name: "serviceShareMin", label: "Service share", hint: "Service-attributed cases: the low end of the 95% range must be above this.", unit: "%", percent: true, step: "1" },
  { name: "otherCustomersShareMax", label: "Other customers on the same processes, at most", hint: "Above this, suspect the process rather than the customer.", unit: "%", percent: true, step: "1" },
  { name: "rateRatioMin", label: "Concentration", hint: "How many times the usual rate counts as “much more than the rest”.", unit: "× usual rate", step: "0.1" },
  { name: "significanceLevel", label: "Chance level", hint: "The pattern must be this unlikely to arise by luck.", unit: "%", percent: true, step: "0.1" },
  { name: "risingMinCount", label: "Minimum complaints for a rising cause", hint: "A cause needs at least this many this period to be called rising.", unit: "complaints", step: "1" },
];

/** Form text → numbers for the schema; blank means "use the default". */
export function thresholdInput(values: Record<string, string>): Record<string, number> {
  const input: Record<string, number> = {};
  for (const f of THRESHOLD_FIELDS) {
    const raw = (values[f.name] ?? "").trim();
    if (raw === "") continue;
    const n = Number(raw);
    input[f.name] = f.percent && Number.isFinite(n) ? Math.round(n * 1000) / 100000 : n;
  }
  return input;
}

export function displayValue(field: ThresholdField, value: number): string {
  return field.percent ? String(Math.round(value * 100000) / 1000) : String(value);
}
