"use client";

import { useRouter } from "next/navigation";
import { Bar, CartesianGrid, ComposedChart, Label, Legend, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { VITAL_FEW_PERCENT } from "@/lib/analytics/pareto";
import { FAULT_SERIES, legendText } from "./labels";

export type ParetoDatum = { label: string; href: string; cumulativePercent: number; values: Record<string, number> };

/** Shortens long cause names on the axis; the tooltip and the table carry the full name. */
function short(label: string): string {
  return label.length > 18 ? `${label.slice(0, 17)}…` : label;
}

/**
 * Root causes, most complaints first: bars split by how each complaint's fault was attributed,
 * the running share of all complaints as a line, and the 80% line that marks the vital few.
 */
export function ParetoChart({ data, summary }: { data: ParetoDatum[]; summary: string }) {
  const router = useRouter();
  const rows = data.map((d) => ({ label: d.label, href: d.href, cumulative: d.cumulativePercent, ...d.values }));
  const open = (entry: unknown) => {
    const href = (entry as { payload?: { href?: string } } | undefined)?.payload?.href;
    if (href) router.push(href);
  };
  const series = FAULT_SERIES.filter((s) => data.some((d) => (d.values[s.key] ?? 0) > 0));
  return (
    <div className="overflow-x-auto">
      <div role="img" aria-label={summary} style={{ height: 380, minWidth: Math.max(560, data.length * 56) }}>
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart accessibilityLayer={false} data={rows} margin={{ top: 8, right: 8, bottom: 40, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" vertical={false} />
            <XAxis dataKey="label" interval={0} angle={-35} textAnchor="end" height={80} tickFormatter={short} tick={{ fontSize: 11, fill: "#334155" }}>
              <Label value="Root cause" position="insideBottom" offset={-36} fill="#475569" fontSize={12} />
            </XAxis>
            <YAxis yAxisId="count" allowDecimals={false} tick={{ fontSize: 12, fill: "#334155" }} width={44}>
              <Label value="Complaints" angle={-90} position="insideLeft" style={{ textAnchor: "middle" }} fill="#475569" fontSize={12} />
            </YAxis>
            <YAxis yAxisId="share" orientation="right" domain={[0, 100]} tickFormatter={(v: number) => `${v}%`} tick={{ fontSize: 12, fill: "#334155" }} width={48}>
              <Label value="Cumulative share" angle={90} position="insideRight" style={{ textAnchor: "middle" }} fill="#475569" fontSize={12} />
            </YAxis>
            <Tooltip cursor={{ fill: "#f1f5f9" }} formatter={(value, name) => (name === "Cumulative share" ? `${value}%` : value)} />
            <Legend verticalAlign="top" itemSorter={null} wrapperStyle={{ fontSize: 12 }} formatter={legendText} />
            {series.map((s) => (
              <Bar key={s.key} yAxisId="count" dataKey={s.key} name={`Fault: ${s.label}`} stackId="fault" fill={s.color} cursor="pointer" onClick={open} isAnimationActive={false} />
            ))}
            <Line yAxisId="share" type="monotone" dataKey="cumulative" name="Cumulative share" stroke="#0f172a" strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} />
            <ReferenceLine yAxisId="share" y={VITAL_FEW_PERCENT} stroke="#0f172a" strokeDasharray="6 4">
              <Label value={`${VITAL_FEW_PERCENT}%`} position="insideTopRight" fill="#0f172a" fontSize={12} />
            </ReferenceLine>
          </ComposedChart>
        </ResponsiveContainer>
      </div>
    </div>
  );
}
