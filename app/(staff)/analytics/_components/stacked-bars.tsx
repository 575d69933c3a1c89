"use client";

import { useRouter } from "next/navigation";
import { legendText } from "./labels";
import { Bar, BarChart, CartesianGrid, Label, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type Series = { key: string; label: string; color: string };
/** `hrefs`: the case list behind each series' part of the bar (by series key). */
export type StackedDatum = { label: string; hrefs?: Record<string, string>; values: Record<string, number> };

type Props = {
  data: StackedDatum[];
  series: Series[];
  xLabel: string;
  yLabel: string;
  /** Horizontal bars with category names on the side (processes); vertical for time. */
  horizontal?: boolean;
  height?: number;
  /** One sentence for screen readers; the table under the chart has the figures. */
  summary: string;
};

/**
 * Stacked bars for counts over time or by category. Clicking a part of a bar opens the case list
 * behind exactly that part (its period or category and its series); keyboard users and pages
 * without JavaScript get the same links in the table under the chart.
 */
export function StackedBars({ data, series, xLabel, yLabel, horizontal = false, height = 300, summary }: Props) {
  const router = useRouter();
  const rows = data.map((d) => ({ label: d.label, hrefs: d.hrefs, ...d.values }));
  const open = (series: string) => (entry: unknown) => {
    const href = (entry as { payload?: { hrefs?: Record<string, string> } } | undefined)?.payload?.hrefs?.[series];
    if (href) router.push(href);
  };
  const categoryAxis = horizontal ? (
    <YAxis type="category" dataKey="label" width={150} tick={{ fontSize: 12, fill: "#334155" }} />
  ) : (
    <XAxis dataKey="label" tick={{ fontSize: 12, fill: "#334155" }} minTickGap={12}>
      <Label value={xLabel} position="insideBottom" offset={-12} fill="#475569" fontSize={12} />
    </XAxis>
  );
  const valueAxis = horizontal ? (
    <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12, fill: "#334155" }}>
      <Label value={yLabel} position="insideBottom" offset={-12} fill="#475569" fontSize={12} />
    </XAxis>
  ) : (
    <YAxis allowDecimals={false} tick={{ fontSize: 12, fill: "#334155" }} width={44}>
      <Label value={yLabel} angle={-90} position="insideLeft" style={{ textAnchor: "middle" }} fill="#475569" fontSize={12} />
    </YAxis>
  );
  return (
    <div role="img" aria-label={summary} style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart accessibilityLayer={false} data={rows} layout={horizontal ? "vertical" : "horizontal"} margin={{ top: 8, right: 16, bottom: 24, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" horizontal={!horizontal} vertical={horizontal} />
          {categoryAxis}
          {valueAxis}
          <Tooltip cursor={{ fill: "#f1f5f9" }} />
          <Legend verticalAlign="top" itemSorter={null} wrapperStyle={{ fontSize: 12 }} formatter={legendText} />
          {series.map((s) => (
            <Bar key={s.key} dataKey={s.key} name={s.label} stackId="all" fill={s.color} cursor={data.some((d) => d.hrefs?.[s.key]) ? "pointer" : undefined} onClick={open(s.key)} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
