import { Badge } from "@/components/ui";
import type { PromiseEntry } from "@/lib/complaints/tracking";
import { formatLongDate } from "@/lib/format/dates";

/** Promises are shown plainly: an overdue one is loud, because a broken promise is worse than none. */
export function PromiseList({ promises, timeZone }: { promises: PromiseEntry[]; timeZone: string }) {
  return (
    <ul className="space-y-2">
      {promises.map((promise) => (
        <li
          key={promise.id}
          className={
            promise.overdue
              ? "rounded-md border-2 border-red-600 bg-red-50 p-3"
              : "rounded-md border border-slate-200 bg-white p-3"
          }
        >
          <div className="flex flex-wrap items-center justify-between gap-2">
            <p className="font-medium text-slate-900">{promise.text}</p>
            {promise.keptAt ? (
              <Badge tone="success">Done</Badge>
            ) : promise.overdue ? (
              <Badge tone="danger">Overdue</Badge>
            ) : (
              <Badge tone="neutral">Open</Badge>
            )}
          </div>
          <p className={promise.overdue ? "mt-1 text-sm font-semibold text-red-800" : "mt-1 text-sm text-slate-600"}>
            {promise.keptAt
              ? `Done on ${formatLongDate(promise.keptAt, timeZone)}`
              : promise.overdue
                ? `Overdue: we promised this by ${formatLongDate(promise.dueAt, timeZone)}. We are sorry, and we are on it.`
                : `By ${formatLongDate(promise.dueAt, timeZone)}`}
          </p>
        </li>
      ))}
    </ul>
  );
}
