import Link from "next/link";
import { Button } from "@/components/ui";
import { FAULT_ATTRIBUTIONS, INTAKE_CHANNELS } from "@/db/schema/enums";
import type { QueueFilterOptions } from "@/lib/cases/queue/options";
import { QUEUE_SORTS, SORT_LABELS, hasFilters, queueHref, type QueueQuery } from "@/lib/cases/queue/params";
import { FAULT_LABELS } from "@/lib/settings/labels";
import { CHANNEL_LABELS } from "@/lib/labels";
import { FilterDate, FilterSelect, StatusPicker, control } from "./filter-fields";

type Props = { query: QueueQuery; options: QueueFilterOptions; viewerId: string };

/**
 * A plain GET form: filters live in the URL, so a filtered queue works without JavaScript and can
 * be bookmarked and shared. The everyday filters sit in one row; the rarer ones (and those that
 * analytics links set) fold away under "More filters".
 */
export function CaseFiltersForm({ query, options, viewerId }: Props) {
  const { filters } = query;
  const moreActive = [filters.channel, filters.from, filters.to, filters.rootCause, filters.fault].filter(Boolean).length;
  const staff = options.staff.map((s) => ({ value: s.id, label: s.id === viewerId ? `${s.name} (me)` : s.name }));
  return (
    // Keyed by the URL: after a client-side navigation the fields must show the new query, and
    // uncontrolled inputs only read their defaults when they mount.
    <form key={queueHref(query)} method="get" action="/cases" role="search" aria-label="Search and filter cases" className="space-y-3">
      {query.view !== "all" ? <input type="hidden" name="view" value={query.view} /> : null}
      {filters.customer ? <input type="hidden" name="customer" value={filters.customer} /> : null}
      <div className="grid grid-cols-2 gap-3 md:grid-cols-[minmax(14rem,2fr)_repeat(4,minmax(8rem,1fr))_auto] md:items-end">
        <div className="col-span-2 space-y-1 md:col-span-1">
          <label htmlFor="filter-q" className="block text-xs font-medium uppercase tracking-wide text-slate-600">
            Search<span className="sr-only"> by reference, customer name, email, phone or words in the complaint</span>
          </label>
          <input
            id="filter-q"
            name="q"
            type="search"
            placeholder="Reference, name, email, phone or words"
            defaultValue={filters.q ?? ""}
            autoComplete="off"
            spellCheck={false}
            className={control}
          />
        </div>
        <StatusPicker selected={filters.statuses} />
        <FilterSelect
          name="process"
          label="Process"
          value={filters.process}
          options={[{ value: "", label: "Any process" }, { value: "none", label: "Not set" }, ...options.processes.map((p) => ({ value: p.id, label: p.name }))]}
        />
        <FilterSelect
          name="assignee"
          label="Assignee"
          value={filters.assignee}
          options={[{ value: "", label: "Anyone" }, { value: "unassigned", label: "Unassigned" }, ...staff]}
        />
        <FilterSelect
          name="sort"
          label="Order"
          value={query.sort}
          options={QUEUE_SORTS.map((s) => ({ value: s, label: SORT_LABELS[s] }))}
        />
        <div className="col-span-2 flex items-center gap-2 md:col-span-1">
          <Button type="submit" variant="primary">
            Apply
          </Button>
          {hasFilters(filters) ? (
            <Link href={queueHref(query, { filters: CLEARED })} className="px-1 text-sm font-medium text-brand-700 underline underline-offset-2">
              Clear
            </Link>
          ) : null}
        </div>
      </div>
      <details open={moreActive > 0} className="group">
        <summary className="inline-flex cursor-pointer items-center gap-1 rounded text-sm font-medium text-brand-700 hover:underline">
          <span aria-hidden className="inline-block transition-transform group-open:rotate-90">
            ▸
          </span>
          More filters{moreActive ? ` (${moreActive} on)` : ""}
        </summary>
        <div className="mt-2 grid grid-cols-2 gap-3 md:grid-cols-5">
          <FilterSelect
            name="channel"
            label="Channel"
            value={filters.channel}
            options={[{ value: "", label: "Any channel" }, ...INTAKE_CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] }))]}
          />
          <FilterDate name="from" label="Received from" value={filters.from} />
          <FilterDate name="to" label="Received to" value={filters.to} />
          <FilterSelect
            name="rootCause"
            label="Root cause"
            value={filters.rootCause}
            options={[{ value: "", label: "Any root cause" }, ...options.rootCauses.map((r) => ({ value: r.id, label: r.name }))]}
          />
          <FilterSelect
            name="fault"
            label="Fault"
            value={filters.fault}
            options={[{ value: "", label: "Any fault" }, ...FAULT_ATTRIBUTIONS.map((f) => ({ value: f, label: FAULT_LABELS[f] })), { value: "none", label: "Not yet attributed" }]}
          />
        </div>
      </details>
    </form>
  );
}

const CLEARED = {
  statuses: [],
  process: undefined,
  assignee: undefined,
  channel: undefined,
  from: undefined,
  to: undefined,
  rootCause: undefined,
  fault: undefined,
  customer: undefined,
  q: undefined,
};
