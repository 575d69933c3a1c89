import type { BadgeTone } from "@/components/ui";
import { num, pValue } from "@/lib/format/numbers";
import type { ActionGroup } from "@/lib/improvements/queries";
import type { FixVerdict } from "@/lib/improvements/fix-effect";

export const GROUP_BADGE: Record<ActionGroup, { label: string; tone: BadgeTone }> = {
  overdue: { label: "Overdue", tone: "danger" },
  open: { label: "Open", tone: "info" },
  done: { label: "Done", tone: "success" },
  cancelled: { label: "Cancelled", tone: "neutral" },
};

export const VERDICT_BADGE: Record<FixVerdict, { label: string; tone: BadgeTone }> = {
  worked: { label: "It worked", tone: "success" },
  no_clear_change: { label: "No clear change", tone: "neutral" },
  worse: { label: "Complaints rose", tone: "danger" },
  too_early: { label: "Too early to tell", tone: "info" },
};

/** "Late deliveries · Delivery": what an action targets. */
export function targetLabel(a: { rootCauseName: string | null; processName: string | null }): string {
  return [a.rootCauseName, a.processName].filter(Boolean).join(" · ") || "—";
}

/** A p-value as words: how often chance alone would give a change this large. */
export function chanceInWords(p: number): string {
  if (p < 0.0001) return `Chance alone would give a change this large less than once in 10,000 (${pValue(p)}).`;
  if (p >= 0.5) return `Chance alone could easily give a change this large (${pValue(p)}).`;
  return `Chance alone would give a change this large about once in ${num(Math.round(1 / p))} (${pValue(p)}).`;
}
