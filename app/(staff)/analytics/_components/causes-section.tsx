import Link from "next/link";
import { Badge } from "@/components/ui";
import { casesHref, faultParam, filtersQuery } from "@/lib/analytics/filters";
import { paretoChartRows, VITAL_FEW_PERCENT } from "@/lib/analytics/pareto";
import type { AnalyticsReport } from "@/lib/analytics/report";
import { percent, pValue } from "@/lib/format/numbers";
import { ChartCard, DataTable, Section } from "./chart-card";
import { FAULT_LABEL, FAULT_SERIES, pounds } from "./labels";
import { OpenActionLink } from "./open-action-link";
import { ParetoChart } from "./pareto-chart";

/** Pareto of root causes, the causes that are rising, and what goodwill each cause cost. */
export function CausesSection({ report }: { report: AnalyticsReport }) {
  const { pareto, rising, goodwill, filters, unclassified } = report;
  const q = filtersQuery(filters);
  const exportHref = (table: string) => `/analytics/export/${table}${q ? `?${q}` : ""}`;
  const hrefFor = (id: string) => casesHref(filters, { rootCause: id });
  const partHref = (id: string, fault: string) => casesHref(filters, { rootCause: id, fault: faultParam(fault) });
  const vitalFew = pareto.filter((p) => p.vitalFew);
  const risingNow = rising.filter((r) => r.rising);
  const chart = paretoChartRows(pareto);

  return (
    <Section id="causes" title="Root causes" intro="Which causes produce most complaints, whose fault they turned out to be, and which are growing.">
      <ChartCard
        id="pareto"
        title="Complaints by root cause (Pareto)"
        description={
          pareto.length > 0 ? (
            <>
              {vitalFew.length} of {pareto.length} causes make up {VITAL_FEW_PERCENT}% of complaints with a root cause
              {chart.shown.length < vitalFew.length ? ` (the chart shows the top ${chart.shown.length})` : ""}
              {chart.others ? `; the other ${chart.others.causes} are one bar, and the table lists each` : ""}. Bars show whose fault each complaint was found to be. Click a
              part of a bar to open exactly those cases.
              {unclassified > 0 ? ` ${unclassified} complaints in range have no root cause yet and are not shown.` : ""}
            </>
          ) : undefined
        }
        empty={pareto.length === 0 ? "No complaint in this range has a root cause yet" : null}
        exportHref={exportHref("root-causes")}
        chart={
          <ParetoChart
            summary={`Pareto chart of ${pareto.length} root causes; the top ${vitalFew.length} make up ${VITAL_FEW_PERCENT}% of complaints.`}
            bars={chart.shown.map((p) => ({ key: p.key, label: p.label, count: p.count, cumulativeShare: p.cumulativeShare, byFault: p.byFault, href: hrefFor(p.key), partHref: (f) => partHref(p.key, f) }))}
            others={
              chart.others
                ? { key: "others", label: `All other causes (${chart.others.causes})`, count: chart.others.count, cumulativeShare: 1, byFault: chart.others.byFault, href: null, partHref: () => null }
                : null
            }
          />
        }
        table={
          <DataTable
            caption="Root causes, most complaints first"
            columns={["Root cause", "Complaints", "Share", "Cumulative", "Usually", ...FAULT_SERIES.map((f) => f.label), ""]}
            numeric={[1, 2, 3, 5, 6, 7, 8, 9]}
            rows={pareto.map((p) => [
              <span key="l" className="flex flex-wrap items-baseline gap-x-3">
                <Link href={hrefFor(p.key)} className="font-medium text-brand-700 underline">
                  {p.label}
                </Link>
                {report.limitedToSelf ? null : <OpenActionLink casesHref={hrefFor(p.key)} subject={p.label} />}
              </span>,
              p.count,
              percent(p.share),
              percent(p.cumulativeShare),
              FAULT_LABEL[p.defaultFault ?? ""] ?? "—",
              ...FAULT_SERIES.map((f) =>
                p.byFault[f.key] > 0 ? (
                  <Link key={f.key} href={partHref(p.key, f.key)} className="text-brand-700 underline">
                    {p.byFault[f.key]}
                    <span className="sr-only">
                      {" "}
                      ({p.label}, fault: {f.label})
                    </span>
                  </Link>
                ) : (
                  0
                ),
              ),
              p.vitalFew ? <Badge key="v" tone="brand">Vital few</Badge> : "",
            ])}
          />
        }
      />
      <div className="grid gap-4 lg:grid-cols-2">
        <div className="min-w-0 space-y-2">
          <h3 className="text-base font-semibold text-slate-900">Rising causes</h3>
          <p className="text-sm text-slate-600">Compared with the {filters.days} days before. A cause is rising when its share of complaints grew beyond what chance explains (“chance” is adjusted for checking many causes at once).</p>
          {risingNow.length === 0 ? (
            <p className="rounded-md border border-dashed border-slate-300 bg-white px-4 py-3 text-sm text-slate-700">No cause is clearly rising.</p>
          ) : (
            <DataTable
              caption="Rising root causes"
              columns={["Root cause", "Now", "Before", "Share of complaints", "Chance"]}
              numeric={[1, 2, 4]}
              rows={risingNow.map((r) => [
                <Link key="l" href={hrefFor(r.key)} className="font-medium text-brand-700 underline">
                  {r.name}
                </Link>,
                r.current,
                r.previous,
                `${percent(r.currentShare)} (was ${percent(r.previousShare)})`,
                pValue(r.adjustedPValue ?? r.pValue),
              ])}
            />
          )}
        </div>
        <div className="min-w-0 space-y-2">
          <div className="flex items-baseline justify-between gap-2">
            <h3 className="text-base font-semibold text-slate-900">Goodwill cost by root cause</h3>
            {goodwill.length > 0 ? (
              <Link href={exportHref("goodwill")} prefetch={false} className="text-sm font-medium text-brand-700 hover:underline">
                Download CSV
              </Link>
            ) : null}
          </div>
          {goodwill.length === 0 ? (
            <p className="rounded-md border border-dashed border-slate-300 bg-white px-4 py-3 text-sm text-slate-700">No goodwill gestures with a cost in this range.</p>
          ) : (
            <DataTable
              caption="Goodwill cost by root cause"
              columns={["Root cause", "Cases", "Cost"]}
              numeric={[1, 2]}
              rows={goodwill.map((g) => [g.name, g.cases, pounds(g.cents)])}
            />
          )}
        </div>
      </div>
    </Section>
  );
}
