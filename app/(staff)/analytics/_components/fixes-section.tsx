import Link from "next/link";
import { Badge, EmptyState } from "@/components/ui";
import { formatDate } from "@/lib/format/dates";
import { count, ratio } from "@/lib/format/numbers";
import type { FixResult } from "@/lib/improvements/queries";
import { targetLabel, VERDICT_BADGE } from "../../improvements/_components/labels";
import { DataTable, Section } from "./chart-card";

/**
 * "Did the fixes work?": the latest corrective actions marked done, each with the before/after
 * verdict its own page gives. The windows are set by each action's done date, not by the page's
 * range, so the filters above do not change this list.
 */
export function FixesSection({ results, totalDone, timeZone }: { results: FixResult[]; totalDone: number; timeZone: string }) {
  return (
    <Section
      id="fixes"
      title="Did the fixes work?"
      intro="Corrective actions marked done, latest first. Each compares complaints about its cause or process in the same number of days before and after the change (per unit of work where volumes are entered); the date filters above do not apply."
    >
      {results.length === 0 ? (
        <EmptyState title="No corrective action is marked done yet">
          Open one from a root cause, a process or a verdict above. Once it is marked done, whether it worked shows here.{" "}
          <Link href="/improvements" className="font-medium text-brand-700 underline">
            Corrective actions
          </Link>
        </EmptyState>
      ) : (
        <>
          <DataTable
            caption="Did the fixes work?"
            columns={["Action", "Targets", "Done on", "Complaints before → after", "Rate after ÷ before", "Verdict"]}
            numeric={[3]}
            rows={results.map(({ effect, ...a }) => [
              <Link key="a" href={`/improvements/${a.id}`} className="font-medium text-brand-700 underline">
                {a.title}
              </Link>,
              targetLabel(a),
              a.doneAt ? formatDate(a.doneAt, timeZone) : "—",
              effect.verdict === "too_early" ? "—" : `${effect.before} → ${effect.after} (${count(effect.windowDays, "day")} each side)`,
              effect.rateRatio ? `${ratio(effect.rateRatio.estimate)} (95% range ${ratio(effect.rateRatio.low)}–${ratio(effect.rateRatio.high)})${effect.comparedPer === "work unit" ? " per unit of work" : ""}` : "—",
              <div key="v" className="space-y-1 whitespace-nowrap">
                <Badge tone={VERDICT_BADGE[effect.verdict].tone}>{VERDICT_BADGE[effect.verdict].label}</Badge>
                {effect.verdict === "too_early" ? <p className="whitespace-normal text-xs text-slate-600">Needs {effect.missing.join(" and ")}.</p> : null}
              </div>,
            ])}
          />
          {totalDone > results.length ? (
            <p className="text-sm">
              <Link href="/improvements" className="font-medium text-brand-700 underline">
                All {count(totalDone, "done action")}
              </Link>
            </p>
          ) : null}
        </>
      )}
    </Section>
  );
}
