import "server-only";
import type { Db } from "@/db/client";
import { hasRole } from "@/lib/auth/roles";
import { getAnalyticsThresholds } from "@/lib/settings/analytics-thresholds";
import type { AnalyticsFilters } from "./filters";
import { paretoRows, rankFixFirst, risingCauses, type RisingCause } from "./pareto";
import { postgresFigures, type FigureSource } from "./engine/figures";
import type { ProcessRow } from "./queries/processes";
import type { RootCauseRow } from "./queries/root-causes";
import type { AnalyticsScope } from "./queries/scope";
import { bucketFor } from "./queries/time-series";
import type { AnalyticsThresholds } from "./thresholds";
import { customerAggregate, customerComparedWith, processAggregates, processComparedWith, rateVsOthers, staffAggregate, staffComparedWith } from "./verdict-inputs";
import { customerVerdict, processVerdict, staffVerdict } from "./verdicts";

export type Viewer = { id: string; role: "agent" | "supervisor" | "owner" };

/**
 * Role limits, applied here next to the data: supervisors and owners see everything; an agent
 * sees only their own cases whatever the URL says (the staff filter is forced to them), and no
 * verdicts about customers, processes or colleagues.
 */
export function scopeFor(viewer: Viewer, filters: AnalyticsFilters, timeZone: string, now: Date): { scope: AnalyticsScope; filters: AnalyticsFilters; limitedToSelf: boolean } {
  const limitedToSelf = !hasRole(viewer.role, "supervisor");
  const effective = limitedToSelf ? { ...filters, staffId: viewer.id } : filters;
  return {
    limitedToSelf,
    filters: effective,
    scope: { from: effective.from, to: effective.to, timeZone, processId: effective.processId, channel: effective.channel, assigneeId: effective.staffId, now },
  };
}

/**
 * The analytics page's figures and verdicts. `figures` says which engine counts (the instance's
 * columnar copy or PostgreSQL itself, lib/analytics/engine); what is judged and shown is the same.
 */
export async function loadAnalyticsReport(
  db: Db,
  viewer: Viewer,
  requested: AnalyticsFilters,
  timeZone: string,
  now: Date = new Date(),
  figures: FigureSource = postgresFigures(db),
) {
  const { scope, filters, limitedToSelf } = scopeFor(viewer, requested, timeZone, now);
  const bucket = bucketFor(filters.days);
  // One round of aggregate queries, side by side; none pulls case rows into the app.
  const [thresholdSettings, summary, openBrokenPromises, series, causes, processes, staff, customers] = await Promise.all([
    getAnalyticsThresholds(db),
    figures.summary(scope),
    figures.openBrokenPromises(scope),
    figures.timeSeries(scope, bucket),
    figures.rootCauses(scope),
    figures.processes(scope),
    figures.staff(scope, limitedToSelf ? viewer.id : null),
    figures.repeatCustomers(scope),
  ]);
  const t = thresholdSettings.thresholds;
  return {
    limitedToSelf,
    filters,
    bucket,
    thresholds: t,
    thresholdsInvalid: thresholdSettings.invalid,
    summary,
    openBrokenPromises,
    series,
    ...rootCauseViews(causes, t),
    processes: processes.map((row) => ({ ...row, rateVsOthers: rateVsOthers(row, processes) })),
    // Each process is judged against every other (the process filter cannot narrow the comparison:
    // one process alone has nothing to be compared with), but with a process chosen only its own
    // verdict is shown, so the verdicts follow the filter the owner set.
    processVerdicts: limitedToSelf ? null : processVerdicts(processes, t).filter((p) => !filters.processId || p.processId === filters.processId),
    fixFirst: limitedToSelf
      ? null
      : rankFixFirst(processes.filter((p) => p.complaints > 0).map((p) => ({ key: p.processId, label: p.name, complaints: p.complaints, attributed: p.attributed, attributedToService: p.attributedToService }))),
    staff: {
      team: staff.team,
      rows: staff.rows.map((row) => ({ ...row, smallSample: row.casesHandled < t.minCases })),
    },
    staffVerdicts: limitedToSelf
      ? null
      : staff.rows.map((row) => {
          const aggregate = staffAggregate(row, staff.team);
          return { ...row, verdict: staffVerdict(aggregate, t), comparedWith: staffComparedWith(aggregate) };
        }),
    customers: {
      ...customers,
      rows: customers.rows.map((row) => ({
        ...row,
        verdict: limitedToSelf ? null : customerVerdict(customerAggregate(row, filters.days, customers.customersOnRecord), t),
        comparedWith: customerComparedWith(customerAggregate(row, filters.days, customers.customersOnRecord)),
      })),
    },
  };
}

export type AnalyticsReport = Awaited<ReturnType<typeof loadAnalyticsReport>>;

function processVerdicts(rows: ProcessRow[], t: AnalyticsThresholds) {
  const aggregates = processAggregates(rows);
  return rows.map((row, i) => ({ ...row, verdict: processVerdict(aggregates[i]!, t), comparedWith: processComparedWith(aggregates[i]!) }));
}

function rootCauseViews(causes: RootCauseRow[], t: AnalyticsThresholds) {
  const known = causes.filter((c): c is RootCauseRow & { rootCauseId: string } => c.rootCauseId !== null);
  const unclassified = causes.find((c) => c.rootCauseId === null);
  const pareto = paretoRows(known.filter((c) => c.complaints > 0).map((c) => ({ ...c, key: c.rootCauseId, label: c.name, count: c.complaints })));
  const names = new Map(known.map((c) => [c.rootCauseId, c.name]));
  const rising: (RisingCause & { name: string })[] = risingCauses(
    Object.fromEntries(known.map((c) => [c.rootCauseId, c.complaints])),
    Object.fromEntries(known.map((c) => [c.rootCauseId, c.previous])),
    t,
  ).map((r) => ({ ...r, name: names.get(r.key) ?? "Unknown" }));
  const goodwill = causes
    .filter((c) => c.goodwillCents > 0)
    .map((c) => ({ rootCauseId: c.rootCauseId, name: c.name, cents: c.goodwillCents, cases: c.goodwillCases }))
    .sort((a, b) => b.cents - a.cents || a.name.localeCompare(b.name, "en") || String(a.rootCauseId).localeCompare(String(b.rootCauseId)));
  return { pareto, unclassified: unclassified?.complaints ?? 0, rising, goodwill };
}
