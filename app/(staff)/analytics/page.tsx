import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui";
import { getDb, getReportsDb } from "@/db/client";
import { casesHref, parseAnalyticsFilters, RANGE_LABELS } from "@/lib/analytics/filters";
import { formatCalendarDate } from "@/lib/format/dates";
import { localDate } from "@/lib/time/zone";
import { loadEarliestComplaintDate, loadFilterOptions } from "@/lib/analytics/queries/filter-options";
import { analyticsSource } from "@/lib/analytics/engine/runtime";
import { loadAnalyticsReport } from "@/lib/analytics/report";
import { loadFixResults } from "@/lib/improvements/queries";
import { hasRole } from "@/lib/auth/roles";
import { requireStaff } from "@/lib/auth/session";
import { waitForHeavyPageTurn } from "@/lib/resilience/heavy-pages";
import { getBusinessTimeZone } from "@/lib/settings/business";
import { CausesSection } from "./_components/causes-section";
import { CustomersSection } from "./_components/customers-section";
import { FilterBar } from "./_components/filter-bar";
import { FixesSection } from "./_components/fixes-section";
import { KpiTiles } from "./_components/kpi-tiles";
import { OverviewSection } from "./_components/overview-section";
import { PreparingNotice } from "./_components/preparing-notice";
import { ProcessesSection } from "./_components/processes-section";
import { StaffSection } from "./_components/staff-section";
import { VerdictsSection } from "./_components/verdicts-section";

export const metadata: Metadata = { title: "Analytics" };

type SearchParams = Record<string, string | string[] | undefined>;

export default async function AnalyticsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireStaff("agent");
  // One analytics page at a time on this instance, so owners' reports never crowd out agents' pages.
  await waitForHeavyPageTurn();
  const db = await getDb();
  const timeZone = await getBusinessTimeZone(db);
  const earliest = await loadEarliestComplaintDate(db, timeZone);
  const today = localDate(new Date(), timeZone);
  const params = await searchParams;
  const { filters: requested, notices, rangeRefused, typed } = parseAnalyticsFilters(params, today, earliest);
  const seesTeam = hasRole(user.role, "supervisor");
  // The report runs on the reports' own pool, so owners' analytics never take the connections
  // agents' pages need (db/client.ts, getReportsDb). Corrective actions are for supervisors and
  // owners, like /improvements.
  const reportsDb = await getReportsDb();
  // The figures come from this instance's columnar copy, or from the database while it loads.
  const { figures, preparing } = await analyticsSource(reportsDb, timeZone);
  const [report, options, fixes] = await Promise.all([
    loadAnalyticsReport(reportsDb, user, requested, timeZone, undefined, figures),
    loadFilterOptions(db, seesTeam),
    seesTeam ? loadFixResults(reportsDb, today) : null,
  ]);
  const { filters } = report;
  const sections = [
    ["volume", "Volume"],
    ["causes", "Root causes"],
    ["processes", "Processes"],
    ["staff", seesTeam ? "Staff" : "Your figures"],
    ["customers", "Customers"],
    ...(seesTeam ? [["verdicts", "Verdicts"]] : []),
    ...(fixes ? [["fixes", "Did the fixes work?"]] : []),
  ];

  return (
    <div className="space-y-6" data-figures={figures.engine}>
      <div className="flex flex-wrap items-end justify-between gap-2">
        <div>
          <h1 className="text-2xl font-semibold text-slate-900">Analytics</h1>
          <p className="text-sm text-slate-600">
            {filters.range === "custom" ? "Custom range" : RANGE_LABELS[filters.range]}: {formatCalendarDate(filters.from)} – {formatCalendarDate(filters.to)}
            {rangeRefused ? " (instead of the range asked for)" : ""}
            {report.limitedToSelf ? " · your own cases" : ""}
            {` · by ${report.bucket}`}
          </p>
        </div>
        {hasRole(user.role, "owner") ? (
          <Link href="/settings/analytics" className="text-sm font-medium text-brand-700 hover:underline">
            Verdict thresholds
          </Link>
        ) : null}
      </div>

      {preparing ? <PreparingNotice status={preparing} /> : null}
      <FilterBar filters={requested} typed={rangeRefused && (typed.from || typed.to) ? typed : null} processes={options.processes} staff={seesTeam ? options.staff : null} />
      {rangeRefused ? (
        <Alert tone="warning" title="That date range was refused">
          <p>{rangeRefused}</p>
          <p>
            The figures below are for the last 90 days ({formatCalendarDate(filters.from)} – {formatCalendarDate(filters.to)}), not the range asked for. Correct the dates above and apply
            them again.
          </p>
        </Alert>
      ) : null}
      {notices.length > 0 ? (
        <Alert tone="warning" title="Some filters were not valid">
          <ul className="list-disc pl-5">
            {notices.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
      {report.thresholdsInvalid ? <Alert tone="warning">The saved verdict thresholds are out of range; the defaults are used until an owner saves them again.</Alert> : null}

      <KpiTiles report={report} casesHref={casesHref(filters)} />

      <nav aria-label="Analytics sections" className="-mx-4 overflow-x-auto border-b border-slate-200 px-4 sm:mx-0 sm:px-0">
        <ul className="flex min-w-max gap-1">
          {sections.map(([id, label]) => (
            <li key={id}>
              <a href={`#${id}`} className="block border-b-2 border-transparent px-3 py-2 text-sm font-medium text-slate-700 hover:border-slate-300 hover:text-slate-900">
                {label}
              </a>
            </li>
          ))}
        </ul>
      </nav>

      {seesTeam ? <VerdictsSection report={report} viewerRole={user.role} showAllEvidence={params.evidence === "all"} /> : null}
      <OverviewSection report={report} />
      <CausesSection report={report} />
      <ProcessesSection report={report} />
      <StaffSection report={report} />
      <CustomersSection report={report} />
      {fixes ? <FixesSection results={fixes.results} totalDone={fixes.totalDone} timeZone={timeZone} /> : null}
    </div>
  );
}
