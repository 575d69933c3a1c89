import type { AnalyticsThresholds } from "@/lib/analytics/thresholds";
import { percent } from "@/lib/format/numbers";

export type VerdictKind = "customer" | "process" | "staff";

/**
 * The method (docs/verdict-method.md) in plain words, with the owner's current thresholds filled
 * in, so the explanation always matches the numbers the verdicts were made with.
 */
export function HowWeDecide({ kind, t }: { kind: VerdictKind; t: AnalyticsThresholds }) {
  const chance = `the chance of seeing this by luck is under ${percent(t.significanceLevel)}`;
  const rules: Record<VerdictKind, string[]> = {
    customer: [
      `At least ${t.minCustomerComplaints} complaints in the period, at least ${t.minCustomerComplaints} of them judged or attributed.`,
      `At least ${t.rateRatioMin} times the complaints an average other customer made about the same processes, and ${chance}.`,
      `Those processes are not widely complained about: at most ${percent(t.otherCustomersShareMax)} of your other customers complained about them (if many did, check the process first).`,
      `Most of their requests were judged unreasonable, or most of their cases were put down to them: even the low end of the 95% range is above ${percent(t.customerSideShareMin)}.`,
    ],
    process: [
      `At least ${t.minCases} complaints, at least ${t.minCases} of them with a fault attribution.`,
      `At least ${t.rateRatioMin} times the complaint rate of the other processes, and ${chance}.`,
      "Still above the others when each customer is counted once, so one customer's repeated complaints cannot make a process look broken.",
      `Most were put down to the service: even the low end of the 95% range is above ${percent(t.serviceShareMin)}.`,
    ],
    staff: [
      `At least ${t.minCases} cases handled and at least ${t.minConductCases} complaints where their conduct was found to be the cause.`,
      `Their share of such cases is at least ${t.rateRatioMin} times the rest of the team's, and Fisher's exact test puts the chance of that by luck under ${percent(t.significanceLevel)}.`,
      "Treat it as a reason for a supportive conversation and a look at their workload and debriefs, not as a judgement on its own.",
    ],
  };
  return (
    <details className="text-sm">
      <summary className="cursor-pointer font-medium text-brand-700">How we decide</summary>
      <div className="mt-2 space-y-2 text-slate-700">
        <p>A verdict needs a clear concentration and your team&apos;s own judgements pointing the same way. All of these must hold:</p>
        <ul className="list-disc space-y-1 pl-5">
          {rules[kind].map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
        <p>Below the minimums the honest answer is &ldquo;not enough data&rdquo;. The 95% range is where the true figure plausibly lies given how few cases there are.</p>
      </div>
    </details>
  );
}
