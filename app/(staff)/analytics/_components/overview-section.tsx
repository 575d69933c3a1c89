import Link from "next/link";
import { casesHref, faultParam, filtersQuery, periodParams } from "@/lib/analytics/filters";
import { CHANNEL_LABELS } from "@/lib/labels";
import type { AnalyticsReport } from "@/lib/analytics/report";
import { ChartCard, DataTable, Section } from "./chart-card";
import { bucketLabel, CHANNEL_COLORS, duration, FAULT_SERIES, share } from "./labels";
import { StackedBars } from "./stacked-bars";

const BUCKET_WORD = { day: "Day", week: "Week", month: "Month" } as const;

/** Volume by channel, response times against their targets, and fault attribution over time. */
export function OverviewSection({ report }: { report: AnalyticsReport }) {
  const { series, bucket, filters, summary } = report;
  const channels = (Object.keys(CHANNEL_LABELS) as (keyof typeof CHANNEL_LABELS)[]).filter((c) => series.some((p) => p.byChannel[c] > 0));
  const channelSeries = channels.map((c, i) => ({ key: c, label: CHANNEL_LABELS[c], color: CHANNEL_COLORS[i % CHANNEL_COLORS.length]! }));
  const faults = FAULT_SERIES.filter((f) => series.some((p) => p.byFault[f.key] > 0));
  const empty = summary.complaints === 0 ? "No complaints in this range" : null;
  const label = (start: string) => bucketLabel(start, bucket);
  const q = filtersQuery(filters);
  const exportHref = (table: string) => `/analytics/export/${table}${q ? `?${q}` : ""}`;
  // Every part of a bar opens its own cases: the bucket's dates (cut to the range) and its series.
  const byChannel = (start: string, channel: string) => casesHref(filters, { ...periodParams(filters, start, bucket), channel });
  const byFault = (start: string, fault: string) => casesHref(filters, { ...periodParams(filters, start, bucket), fault: faultParam(fault) });
  const cell = (n: number, href: string, name: string) =>
    n > 0 ? (
      <Link href={href} className="text-brand-700 underline">
        {n}
        <span className="sr-only"> ({name})</span>
      </Link>
    ) : (
      0
    );

  return (
    <Section id="volume" title="Volume and response times" intro={`Complaints by ${BUCKET_WORD[bucket].toLowerCase()}, how they reached you, and how fast the team answered.`}>
      <div className="grid gap-4 xl:grid-cols-2">
        <ChartCard
          id="volume-chart"
          title={`Complaints per ${BUCKET_WORD[bucket].toLowerCase()}, by channel`}
          empty={empty}
          exportHref={exportHref("volume")}
          chart={
            <StackedBars
              summary={`Bar chart of complaints per ${bucket} by channel; ${summary.complaints} in total.`}
              data={series.map((p) => ({ label: label(p.start), values: p.byChannel, hrefs: Object.fromEntries(channels.map((c) => [c, byChannel(p.start, c)])) }))}
              series={channelSeries}
              xLabel={BUCKET_WORD[bucket]}
              yLabel="Complaints"
            />
          }
          table={
            <DataTable
              caption="Complaints per period by channel"
              columns={[BUCKET_WORD[bucket], ...channelSeries.map((s) => s.label), "Total"]}
              numeric={channelSeries.map((_, i) => i + 1).concat(channelSeries.length + 1)}
              rows={series.map((p) => [
                label(p.start),
                ...channels.map((c) => cell(p.byChannel[c], byChannel(p.start, c), `${CHANNEL_LABELS[c]}, ${label(p.start)}`)),
                p.total,
              ])}
            />
          }
        />
        <ChartCard
          id="fault-chart"
          title="Whose fault, over time"
          description="Each period's complaints by fault attribution. Recent complaints are often not attributed yet. Click a part of a bar (or a figure in the table) to open those cases."
          empty={empty}
          exportHref={exportHref("faults")}
          chart={
            <StackedBars
              summary={`Stacked bar chart of complaints per ${bucket} by fault attribution.`}
              data={series.map((p) => ({ label: label(p.start), values: p.byFault, hrefs: Object.fromEntries(faults.map((f) => [f.key, byFault(p.start, f.key)])) }))}
              series={faults.map((f) => ({ ...f }))}
              xLabel={BUCKET_WORD[bucket]}
              yLabel="Complaints"
            />
          }
          table={
            <DataTable
              caption="Complaints per period by fault attribution"
              columns={[BUCKET_WORD[bucket], ...faults.map((f) => f.label), "Total"]}
              numeric={faults.map((_, i) => i + 1).concat(faults.length + 1)}
              rows={series.map((p) => [
                label(p.start),
                ...faults.map((f) => cell(p.byFault[f.key], byFault(p.start, f.key), `fault: ${f.label}, ${label(p.start)}`)),
                p.total,
              ])}
            />
          }
        />
      </div>
      <ResponseTimes report={report} href={casesHref(filters)} />
    </Section>
  );
}

function ResponseTimes({ report, href }: { report: AnalyticsReport; href: string }) {
  const { firstResponse: fr, resolution: res, firstResponseTargetHours, severityTargets } = report.summary;
  const targets = severityTargets.map((t) => `${t.severity} ${t.resolutionDays} d`).join(", ");
  return (
    <div className="space-y-2">
      <h3 className="text-base font-semibold text-slate-900">Response times</h3>
      <DataTable
        caption="First response and resolution times against targets"
        columns={["Measure", "Median", "90% within", "Cases measured", "On time", "Target"]}
        numeric={[1, 2, 3, 4]}
        rows={[
          ["First response", duration(fr.median), duration(fr.p90), fr.measured, `${share(fr.onTime, fr.withTarget)} (${fr.onTime} of ${fr.withTarget})`, `Each case's due time (default ${duration(firstResponseTargetHours)})`],
          ["Resolution", duration(res.median), duration(res.p90), res.measured, `${share(res.onTime, res.withTarget)} (${res.onTime} of ${res.withTarget})`, targets ? `By severity: ${targets}` : "None set"],
        ]}
      />
      <p className="text-sm text-slate-600">
        &ldquo;90% within&rdquo; is the time nine cases in ten were answered or resolved in. <a className="font-medium text-brand-700 underline" href={href}>Open these cases</a>
      </p>
    </div>
  );
}
