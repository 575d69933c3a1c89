"use client";

import { Bar, BarChart, CartesianGrid, Cell, Label, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type WeekBar = { label: string; complaints: number; after: boolean };

/**
 * Complaints per week about what the action targeted, on either side of the change: weeks are
 * counted from the day it took effect, so no bar straddles it, and a line marks that day.
 */
export function FixChart({ weeks, changeLabel, summary }: { weeks: WeekBar[]; changeLabel: string; summary: string }) {
  const firstAfter = weeks.find((w) => w.after)?.label;
  return (
    <div className="overflow-x-auto">
      <div role="img" aria-label={summary} style={{ height: 280, minWidth: Math.max(320, weeks.length * 22) }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart accessibilityLayer={false} data={weeks} margin={{ top: 24, right: 12, bottom: 24, left: 4 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" vertical={false} />
            <XAxis dataKey="label" tick={{ fontSize: 11, fill: "#334155" }} interval="preserveStartEnd" minTickGap={12}>
              <Label value="Week starting" position="insideBottom" offset={-16} fill="#475569" fontSize={12} />
            </XAxis>
            <YAxis allowDecimals={false} tick={{ fontSize: 12, fill: "#334155" }} width={36}>
              <Label value="Complaints" angle={-90} position="insideLeft" style={{ textAnchor: "middle" }} fill="#475569" fontSize={12} />
            </YAxis>
            <Tooltip cursor={{ fill: "#f1f5f9" }} />
            <Bar dataKey="complaints" name="Complaints" isAnimationActive={false}>
              {weeks.map((w) => (
                <Cell key={w.label} fill={w.after ? "#0f766e" : "#94a3b8"} />
              ))}
            </Bar>
            {firstAfter ? (
              <ReferenceLine x={firstAfter} position="start" stroke="#0f172a" strokeWidth={2} strokeDasharray="6 4" ifOverflow="extendDomain">
                <Label value={changeLabel} position="top" fill="#0f172a" fontSize={12} />
              </ReferenceLine>
            ) : null}
          </BarChart>
        </ResponsiveContainer>
      </div>
    </div>
  );
}
