import Link from "next/link";
import { Badge } from "@/components/ui";
import { casesHref, filtersQuery } from "@/lib/analytics/filters";
import type { AnalyticsReport } from "@/lib/analytics/report";
import type { StaffFigures } from "@/lib/analytics/queries/staff";
import { DataTable, Section } from "./chart-card";
import { duration, rating, share } from "./labels";

function cells(f: StaffFigures): React.ReactNode[] {
  return [
    f.casesHandled,
    f.conductAttributed,
    duration(f.medianFirstResponseHours),
    duration(f.medianResolutionHours),
    f.promisesDue > 0 ? `${share(f.promisesKept, f.promisesDue)} of ${f.promisesDue}` : "—",
    f.reopenedCases,
    rating(f.averageSatisfaction, f.ratings),
    f.hardInteractions,
  ];
}

/** Per person, with the team line beside them; small samples are marked, not hidden. */
export function StaffSection({ report }: { report: AnalyticsReport }) {
  const { staff, filters, limitedToSelf, thresholds } = report;
  const q = filtersQuery(filters);
  const team = (
    <span key="team" className="font-semibold">
      Whole team
    </span>
  );
  return (
    <Section
      id="staff"
      title={limitedToSelf ? "Your figures" : "Staff"}
      intro={
        limitedToSelf
          ? "Your own cases only. Supervisors and owners see the team's figures."
          : `Cases handled are those assigned to each person; “conduct” counts complaints where their conduct was found to be the cause. Hard interactions come from their debriefs (counts only). Fewer than ${thresholds.minCases} cases is a small sample.`
      }
    >
      {staff.rows.length === 0 ? (
        <p className="rounded-md border border-dashed border-slate-300 bg-white px-4 py-3 text-sm text-slate-700">No cases handled in this range.</p>
      ) : (
        <>
          <DataTable
            caption="Staff figures with the team's beside them"
            columns={["Staff member", "Cases", "Conduct", "Median first response", "Median resolution", "Promises kept", "Reopened", "Satisfaction", "Hard interactions"]}
            numeric={[1, 2, 3, 4, 5, 6, 7, 8]}
            rows={[
              ...staff.rows.map((s) => [
                <span key="n" className="flex flex-wrap items-center gap-2">
                  <Link href={casesHref({ ...filters, staffId: null }, { assignee: s.staffId })} className="font-medium text-brand-700 underline">
                    {s.name}
                  </Link>
                  {s.active ? null : <Badge>Left</Badge>}
                  {s.smallSample ? <Badge tone="warning">Small sample</Badge> : null}
                </span>,
                ...cells(s),
              ]),
              ...(limitedToSelf ? [] : [[team, ...cells(staff.team)]]),
            ]}
          />
          <p className="text-sm">
            <Link href={`/analytics/export/staff${q ? `?${q}` : ""}`} prefetch={false} className="font-medium text-brand-700 hover:underline">
              Download CSV
            </Link>
          </p>
        </>
      )}
    </Section>
  );
}
