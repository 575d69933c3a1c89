"use client";

import { useState } from "react";
import { buttonClasses } from "@/components/ui";
import { RANGE_LABELS, RANGE_PRESETS, type AnalyticsFilters } from "@/lib/analytics/filters";
import { CHANNEL_LABELS } from "@/lib/labels";
import type { FilterOption } from "@/lib/analytics/queries/filter-options";

const select = "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm focus:border-brand-600";

/**
 * One bar for the whole section. A plain GET form: the filters live in the URL, so any view can
 * be bookmarked or shared, and it works before JavaScript loads (the dates then always show).
 */
export function FilterBar({
  filters,
  typed,
  processes,
  staff,
}: {
  filters: AnalyticsFilters;
  /** The dates of a refused range, offered again to correct (null when the range was accepted). */
  typed: { from?: string; to?: string } | null;
  processes: FilterOption[];
  staff: FilterOption[] | null;
}) {
  const [range, setRange] = useState(typed ? "custom" : filters.range);
  const custom = range === "custom";
  return (
    <form method="get" action="/analytics" aria-label="Analytics filters" className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-6 lg:items-end">
      <div className="space-y-1">
        <label htmlFor="f-range" className="block text-sm font-medium text-slate-800">
          Date range
        </label>
        <select id="f-range" name="range" value={range} onChange={(e) => setRange(e.target.value as AnalyticsFilters["range"])} className={select}>
          {RANGE_PRESETS.map((r) => (
            <option key={r} value={r}>
              {RANGE_LABELS[r]}
            </option>
          ))}
        </select>
      </div>
      {custom ? (
        <>
          <div className="space-y-1">
            <label htmlFor="f-from" className="block text-sm font-medium text-slate-800">
              From
            </label>
            <input id="f-from" name="from" type="date" required defaultValue={typed ? typed.from : filters.from} className={select} />
          </div>
          <div className="space-y-1">
            <label htmlFor="f-to" className="block text-sm font-medium text-slate-800">
              To
            </label>
            <input id="f-to" name="to" type="date" required defaultValue={typed ? typed.to : filters.to} className={select} />
          </div>
        </>
      ) : null}
      <div className="space-y-1">
        <label htmlFor="f-process" className="block text-sm font-medium text-slate-800">
          Process
        </label>
        <select id="f-process" name="process" defaultValue={filters.processId ?? ""} className={select}>
          <option value="">All processes</option>
          {processes.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      <div className="space-y-1">
        <label htmlFor="f-channel" className="block text-sm font-medium text-slate-800">
          Channel
        </label>
        <select id="f-channel" name="channel" defaultValue={filters.channel ?? ""} className={select}>
          <option value="">All channels</option>
          {Object.entries(CHANNEL_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      {staff ? (
        <div className="space-y-1">
          <label htmlFor="f-staff" className="block text-sm font-medium text-slate-800">
            Staff member
          </label>
          <select id="f-staff" name="staff" defaultValue={filters.staffId ?? ""} className={select}>
            <option value="">Everyone</option>
            {staff.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div className="flex gap-2">
        <button type="submit" className={buttonClasses("primary")}>
          Apply
        </button>
        <a href="/analytics" className={buttonClasses("secondary")}>
          Reset
        </a>
      </div>
    </form>
  );
}
