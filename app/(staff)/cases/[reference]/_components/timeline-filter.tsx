"use client";

import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { cx } from "@/components/ui";

export type TimelineItem = { id: number; visibility: "customer" | "internal"; node: React.ReactNode };

const FILTERS = [
  { value: "all", label: "All" },
  { value: "customer", label: "Customer-visible" },
  { value: "internal", label: "Internal" },
] as const;
type Filter = (typeof FILTERS)[number]["value"];

/**
 * The timeline's filter (`?timeline=internal`): plain links, so it works without JavaScript; the
 * items themselves are rendered on the server and only shown or left out here.
 */
export function FilteredTimeline({ items }: { items: TimelineItem[] }) {
  const params = useSearchParams();
  const raw = params.get("timeline");
  const filter: Filter = raw === "customer" || raw === "internal" ? raw : "all";
  const shown = filter === "all" ? items : items.filter((i) => i.visibility === filter);
  const counts = { all: items.length, customer: 0, internal: 0 };
  for (const item of items) counts[item.visibility] += 1;

  function href(value: Filter): string {
    const next = new URLSearchParams(params.toString());
    if (value === "all") next.delete("timeline");
    else next.set("timeline", value);
    const query = next.toString();
    return `${query ? `?${query}` : "?"}#timeline`;
  }

  return (
    <div id="timeline" className="scroll-mt-4 space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <nav aria-label="Show on the timeline" className="inline-flex rounded-md border border-slate-300 bg-white p-0.5 text-sm">
          {FILTERS.map((f) => (
            <Link
              key={f.value}
              href={href(f.value)}
              scroll={false}
              replace
              aria-current={filter === f.value ? "true" : undefined}
              className={cx(
                "rounded px-2.5 py-1",
                filter === f.value ? "bg-slate-800 font-medium text-white" : "text-slate-700 hover:bg-slate-100",
              )}
            >
              {f.label} <span className={filter === f.value ? "text-slate-300" : "text-slate-500"}>({counts[f.value]})</span>
            </Link>
          ))}
        </nav>
        <p className="text-xs text-slate-600">Oldest first</p>
      </div>
      {shown.length === 0 ? (
        <p className="text-sm text-slate-600">Nothing {filter === "internal" ? "internal" : "visible to the customer"} has been recorded yet.</p>
      ) : (
        <ol className="space-y-3">
          {shown.map((item) => (
            <li key={item.id}>{item.node}</li>
          ))}
        </ol>
      )}
    </div>
  );
}
