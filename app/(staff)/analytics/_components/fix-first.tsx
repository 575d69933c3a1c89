import Link from "next/link";
import type { AnalyticsReport } from "@/lib/analytics/report";
import { num, range } from "@/lib/format/numbers";
import { DataTable } from "./chart-card";
import { OpenActionLink } from "./open-action-link";

/** How many of the ranking to show: the point is where to start. */
const SHOWN = 3;

/**
 * What to fix first (lib/analytics/pareto.ts rankFixFirst): the processes with the most
 * complaints that were, at the cautious end of the estimate, the service's own fault, each with
 * a link to open a corrective action for its complaints.
 */
export function FixFirst({ report, hrefFor }: { report: AnalyticsReport; hrefFor: (processId: string) => string }) {
  const top = (report.fixFirst ?? []).filter((f) => f.score > 0).slice(0, SHOWN);
  if (top.length === 0) return null;
  return (
    <div className="space-y-2">
      <h3 className="text-base font-semibold text-slate-900">What to fix first</h3>
      <p className="max-w-3xl text-sm text-slate-600">
        Processes ranked by how many complaints were at least the service&apos;s own fault (complaints × the low end of the 95% range of the service-fault share).
      </p>
      <DataTable
        caption="What to fix first"
        columns={["Process", "Complaints", "Service fault share", "At least ours", ""]}
        numeric={[1, 3]}
        rows={top.map((f) => [
          <Link key="l" href={hrefFor(f.key)} className="font-medium text-brand-700 underline">
            {f.label}
          </Link>,
          f.complaints,
          `${range(f.serviceShare)} of ${num(f.attributed)} attributed`,
          Math.floor(f.score),
          <OpenActionLink key="a" casesHref={hrefFor(f.key)} subject={f.label} />,
        ])}
      />
    </div>
  );
}
