import Link from "next/link";
import { VITAL_FEW_PERCENT } from "@/lib/analytics/pareto";
import { percent } from "@/lib/format/numbers";
import { FAULT_SERIES } from "./labels";

export type ParetoBar = {
  key: string;
  label: string;
  count: number;
  cumulativeShare: number;
  byFault: Record<string, number>;
  /** The case list of the whole bar (null for "all other causes": the table links each one). */
  href: string | null;
  /** The case list of each fault's part of the bar. */
  partHref: (fault: string) => string | null;
};

/**
 * The Pareto chart as horizontal bars drawn in HTML: full cause names that wrap (nothing cut
 * off, also at 375 px), each part of a bar a link to exactly the cases it counts, so the chart
 * works without JavaScript. The parts are left out of the tab order and hidden from screen
 * readers: the cause's own link and the table's fault cells carry the same links for them.
 */
export function ParetoChart({ bars, others, summary }: { bars: ParetoBar[]; others: ParetoBar | null; summary: string }) {
  const all = others ? [...bars, others] : bars;
  const max = Math.max(1, ...all.map((b) => b.count));
  const series = FAULT_SERIES.filter((s) => all.some((b) => (b.byFault[s.key] ?? 0) > 0));
  return (
    <figure className="space-y-3">
      <figcaption className="sr-only">{summary}</figcaption>
      <ul aria-label="Colours" className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700">
        {series.map((s) => (
          <li key={s.key} className="flex items-center gap-1.5">
            <span aria-hidden className="inline-block h-3 w-3 rounded-sm" style={{ backgroundColor: s.color }} />
            Fault: {s.label}
          </li>
        ))}
      </ul>
      <ol className="space-y-3 sm:space-y-2">
        {all.map((bar, i) => (
          <li key={bar.key} className={`sm:grid sm:grid-cols-[minmax(0,16rem)_minmax(0,1fr)_7.5rem] sm:items-center sm:gap-3 ${bar === others ? "border-t border-dashed border-slate-300 pt-2" : ""}`}>
            <div className="text-sm leading-snug break-words text-slate-900">
              {bar.href ? (
                <Link href={bar.href} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                  {bar.label}
                </Link>
              ) : (
                <span className="font-medium">{bar.label}</span>
              )}
            </div>
            <div className="mt-1 flex items-center gap-2 sm:contents">
              <div className="flex h-5 min-w-0 flex-1 bg-slate-50" data-testid="pareto-bar">
                <div className="flex h-full" style={{ width: `${(bar.count / max) * 100}%` }}>
                  {series.map((s) => {
                    const n = bar.byFault[s.key] ?? 0;
                    if (n === 0) return null;
                    const href = bar.partHref(s.key);
                    const style = { width: `${(n / bar.count) * 100}%`, backgroundColor: s.color };
                    const title = `${bar.label} · fault: ${s.label} · ${n}`;
                    return href ? (
                      <Link key={s.key} href={href} tabIndex={-1} aria-hidden title={title} data-fault={s.key} className="block h-full hover:opacity-80" style={style} />
                    ) : (
                      <span key={s.key} aria-hidden title={title} className="block h-full" style={style} />
                    );
                  })}
                </div>
              </div>
              <p className="w-28 shrink-0 text-right text-sm tabular-nums text-slate-700 sm:w-auto">
                {bar.count} <span className="text-slate-500">· {percent(bar.cumulativeShare)}</span>
                <span className="sr-only"> cumulative{i === bars.length - 1 && others ? `, the ${VITAL_FEW_PERCENT}% line` : ""}</span>
              </p>
            </div>
          </li>
        ))}
      </ol>
      <p className="text-xs text-slate-600">Figures after each bar: complaints · running share of all complaints with a root cause.</p>
    </figure>
  );
}
