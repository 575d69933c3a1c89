import Link from "next/link";
import { casesHref, faultParam, filtersQuery } from "@/lib/analytics/filters";
import type { AnalyticsReport } from "@/lib/analytics/report";
import { ratio } from "@/lib/format/numbers";
import { ChartCard, DataTable, Section } from "./chart-card";
import { FixFirst } from "./fix-first";
import { duration, FAULT_SERIES, rating, share } from "./labels";
import { OpenActionLink } from "./open-action-link";
import { StackedBars } from "./stacked-bars";

/** Every process side by side: how many complaints, from how many customers, and whose fault. */
export function ProcessesSection({ report }: { report: AnalyticsReport }) {
  const { processes, filters } = report;
  const withComplaints = processes.filter((p) => p.complaints > 0);
  const q = filtersQuery(filters);
  const hrefFor = (id: string, fault?: string) => casesHref({ ...filters, processId: null }, { process: id, fault: fault && faultParam(fault) });
  const faults = FAULT_SERIES.filter((f) => f.key !== "unattributed" || withComplaints.some((p) => p.complaints > p.attributed));
  return (
    <Section
      id="processes"
      title="Processes"
      intro="All processes in the range (the process filter does not narrow this list: each process is compared with the others). “Rate vs others” is complaints against the average of the other processes."
    >
      <ChartCard
        id="process-chart"
        title="Complaints by process and whose fault"
        empty={withComplaints.length === 0 ? "No complaints about any process in this range" : null}
        exportHref={`/analytics/export/processes${q ? `?${q}` : ""}`}
        chart={
          <StackedBars
            horizontal
            height={Math.max(200, withComplaints.length * 44 + 80)}
            summary={`Horizontal bar chart of complaints for ${withComplaints.length} processes, split by fault.`}
            data={withComplaints.map((p) => ({
              label: p.name,
              hrefs: Object.fromEntries(FAULT_SERIES.map((f) => [f.key, hrefFor(p.processId, f.key)])),
              values: {
                service: p.attributedToService,
                customer: p.attributedToCustomer,
                external: p.attributedToExternal,
                undetermined: p.attributedUndetermined,
                unattributed: p.complaints - p.attributed,
              },
            }))}
            series={faults}
            xLabel="Process"
            yLabel="Complaints"
          />
        }
        table={<span className="text-sm text-slate-600">The table below has every figure.</span>}
      />
      <DataTable
        caption="Processes with their complaint figures"
        columns={["Process", "Complaints", "Customers", "Service fault", "Rate vs others", "Median resolution", "Promises kept", "Satisfaction"]}
        numeric={[1, 2, 3, 4, 5, 6, 7]}
        rows={processes.map((p) => [
          <span key="l" className="flex flex-wrap items-baseline gap-x-3">
            <Link href={hrefFor(p.processId)} className={p.processId === filters.processId ? "font-semibold text-brand-800 underline" : "font-medium text-brand-700 underline"}>
              {p.name}
            </Link>
            {report.limitedToSelf || p.complaints === 0 ? null : <OpenActionLink casesHref={hrefFor(p.processId)} subject={p.name} />}
          </span>,
          p.complaints,
          p.distinctCustomers,
          p.attributed > 0 ? `${share(p.attributedToService, p.attributed)} of ${p.attributed}` : "—",
          p.rateVsOthers === null ? "—" : `${ratio(p.rateVsOthers)}×`,
          duration(p.medianResolutionHours),
          p.promisesDue > 0 ? `${share(p.promisesKept, p.promisesDue)} of ${p.promisesDue}` : "—",
          rating(p.averageSatisfaction, p.ratings),
        ])}
      />
      <FixFirst report={report} hrefFor={hrefFor} />
    </Section>
  );
}
