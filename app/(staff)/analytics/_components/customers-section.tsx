import Link from "next/link";
import { casesHref, filtersQuery } from "@/lib/analytics/filters";
import type { AnalyticsReport } from "@/lib/analytics/report";
import { minutes } from "@/lib/format/numbers";
import { DataTable, Section } from "./chart-card";

const VISIBLE = 10;
type Row = AnalyticsReport["customers"]["rows"][number];

function CustomerTable({ caption, rows, filters }: { caption: string; rows: Row[]; filters: AnalyticsReport["filters"] }) {
  return (
    <DataTable
      caption={caption}
      columns={["Customer", "Complaints", "Processes", "Reasonable", "Partly", "Unreasonable", "Their fault", "Service fault", "Other fault", "Staff time"]}
      numeric={[1, 2, 3, 4, 5, 6, 7, 8, 9]}
      rows={rows.map((c) => [
        <Link key="l" href={casesHref(filters, { customer: c.customerId })} className="font-medium text-brand-700 underline">
          {c.name}
        </Link>,
        c.complaints,
        c.processesComplainedAbout,
        c.judgedReasonable,
        c.judgedPartly,
        c.judgedUnreasonable,
        c.attributedToCustomer,
        c.attributedToService,
        c.attributedToExternal + c.attributedUndetermined,
        minutes(c.staffMinutes),
      ])}
    />
  );
}

/** Customers who complained twice or more in the range, with how their requests were judged. */
export function CustomersSection({ report }: { report: AnalyticsReport }) {
  const { customers, filters } = report;
  const q = filtersQuery(filters);
  const shown = customers.rows.length;
  return (
    <Section
      id="customers"
      title="Repeat complainers"
      intro={`Customers with two or more complaints in the range${customers.totalRepeaters > shown ? ` (the ${shown} busiest of ${customers.totalRepeaters})` : ""}. Many complaints alone prove nothing: read the judgements and fault split beside them.`}
    >
      {shown === 0 ? (
        <p className="rounded-md border border-dashed border-slate-300 bg-white px-4 py-3 text-sm text-slate-700">No customer complained more than once in this range.</p>
      ) : (
        <>
          <CustomerTable caption="Repeat complainers, most complaints first" rows={customers.rows.slice(0, VISIBLE)} filters={filters} />
          {shown > VISIBLE ? (
            <details>
              <summary className="cursor-pointer text-sm font-medium text-brand-700">Show {shown - VISIBLE} more</summary>
              <div className="mt-2">
                <CustomerTable caption="More repeat complainers" rows={customers.rows.slice(VISIBLE)} filters={filters} />
              </div>
            </details>
          ) : null}
          <p className="text-sm">
            <Link href={`/analytics/export/customers${q ? `?${q}` : ""}`} prefetch={false} className="font-medium text-brand-700 hover:underline">
              Download CSV
            </Link>
          </p>
        </>
      )}
    </Section>
  );
}
