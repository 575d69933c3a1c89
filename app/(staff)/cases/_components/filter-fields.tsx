import { cx } from "@/components/ui";
import { CASE_STATUSES } from "@/db/schema/enums";
import type { CaseStatusValue } from "@/lib/cases/queue/params";
import { STATUS_LABELS } from "@/lib/labels";

export const control =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm placeholder:text-slate-500 focus:border-brand-600";
const labelClass = "block text-xs font-medium uppercase tracking-wide text-slate-600";

type Option = { value: string; label: string };

/** A labelled native select: keyboard- and screen-reader-friendly, and works without JavaScript. */
export function FilterSelect(props: { name: string; label: string; value?: string; options: Option[]; className?: string }) {
  const id = `filter-${props.name}`;
  return (
    <div className={cx("space-y-1", props.className)}>
      <label htmlFor={id} className={labelClass}>
        {props.label}
      </label>
      <select id={id} name={props.name} defaultValue={props.value ?? ""} className={control}>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function FilterDate(props: { name: string; label: string; value?: string }) {
  const id = `filter-${props.name}`;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className={labelClass}>
        {props.label}
      </label>
      <input id={id} name={props.name} type="date" defaultValue={props.value ?? ""} className={control} />
    </div>
  );
}

/**
 * Several statuses at once, as checkboxes in a disclosure: a multi-select that needs no script
 * and submits as repeated `status` parameters.
 */
export function StatusPicker({ selected }: { selected: CaseStatusValue[] }) {
  const summary =
    selected.length === 0 ? "Any status" : selected.length === 1 ? STATUS_LABELS[selected[0]!] : `${selected.length} statuses`;
  return (
    <div className="space-y-1">
      <span className={labelClass} id="filter-status-label">
        Status
      </span>
      <details className="group relative">
        <summary
          aria-describedby="filter-status-label"
          className={cx(control, "flex cursor-pointer list-none items-center justify-between gap-2 [&::-webkit-details-marker]:hidden")}
        >
          <span>{summary}</span>
          <span aria-hidden className="text-slate-500 group-open:rotate-180">
            ▾
          </span>
        </summary>
        <fieldset className="absolute z-20 mt-1 w-60 space-y-1 rounded-md border border-slate-200 bg-white p-3 shadow-lg">
          <legend className="sr-only">Statuses to show</legend>
          {CASE_STATUSES.map((status) => (
            <label key={status} className="flex items-center gap-2 rounded px-1 py-1 text-sm text-slate-800 hover:bg-slate-50">
              <input type="checkbox" name="status" value={status} defaultChecked={selected.includes(status)} className="size-4 accent-brand-700" />
              {STATUS_LABELS[status]}
            </label>
          ))}
        </fieldset>
      </details>
    </div>
  );
}
