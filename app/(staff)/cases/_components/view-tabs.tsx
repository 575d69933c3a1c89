import Link from "next/link";
import { cx } from "@/components/ui";
import type { ViewCounts } from "@/lib/cases/queue/counts";
import { VIEW_LABELS, queueHref, tabCountLabel, type QueueQuery, type QueueView } from "@/lib/cases/queue/params";

type Props = { query: QueueQuery; views: QueueView[]; counts: ViewCounts };

/**
 * The queue's views as links (they keep the filters and search, drop the page position). The
 * overdue count turns red when it is not zero: that is the number nobody should ignore.
 */
export function ViewTabs({ query, views, counts }: Props) {
  return (
    <nav aria-label="Views" className="relative">
      <ul className="flex flex-wrap gap-x-1 border-b border-slate-200">
        {views.map((view) => {
          const current = view === query.view;
          const count = counts[view] ?? 0;
          const alarming = view === "overdue" && count > 0;
          return (
            <li key={view}>
              <Link
                href={queueHref(query, { view })}
                aria-current={current ? "page" : undefined}
                className={cx(
                  "-mb-px inline-flex items-center gap-2 border-b-2 px-3 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-brand-600",
                  current ? "border-brand-700 text-brand-800" : "border-transparent text-slate-700 hover:border-slate-300 hover:text-slate-900",
                )}
              >
                {VIEW_LABELS[view]}
                <span
                  className={cx(
                    "rounded-full px-2 py-0.5 text-xs tabular-nums",
                    alarming ? "bg-red-100 text-red-800" : current ? "bg-brand-50 text-brand-800" : "bg-slate-100 text-slate-700",
                  )}
                >
                  <span className="sr-only">(</span>
                  {tabCountLabel(count)}
                  <span className="sr-only"> cases)</span>
                </span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
