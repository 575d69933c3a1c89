import { CHANNEL_LABELS } from "@/lib/labels";
import type { CsvValue } from "./csv";
import { FAULT_KEYS } from "./queries/time-series";
import type { AnalyticsReport } from "./report";

export const EXPORT_TABLES = ["volume", "faults", "root-causes", "goodwill", "processes", "staff", "customers"] as const;
export type ExportTable = (typeof EXPORT_TABLES)[number];

export type CsvTable = { fileName: string; header: string[]; rows: CsvValue[][] };

const hours = (h: number | null) => (h === null ? null : Math.round(h * 10) / 10);
const share = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 1000);

/**
 * Every table of the analytics page as CSV rows, from the same report the page shows, so the
 * export carries the same role limits. Debrief text never appears: only hard-interaction counts.
 */
export function exportTable(report: AnalyticsReport, table: ExportTable): CsvTable {
  const { filters } = report;
  const fileName = `caseroot-${table}-${filters.from}-to-${filters.to}.csv`;
  const channels = Object.keys(CHANNEL_LABELS) as (keyof typeof CHANNEL_LABELS)[];
  switch (table) {
    case "volume":
      return {
        fileName,
        header: ["Period start", ...channels.map((c) => CHANNEL_LABELS[c]), "Total"],
        rows: report.series.map((p) => [p.start, ...channels.map((c) => p.byChannel[c]), p.total]),
      };
    case "faults":
      return {
        fileName,
        header: ["Period start", ...FAULT_KEYS, "Total"],
        rows: report.series.map((p) => [p.start, ...FAULT_KEYS.map((f) => p.byFault[f]), p.total]),
      };
    case "root-causes": {
      const rising = new Map(report.rising.map((r) => [r.key, r]));
      return {
        fileName,
        header: ["Root cause", "Default fault", "Complaints", "Share", "Cumulative share", "Vital few", ...FAULT_KEYS, "Previous period", "Rising", "Adjusted p-value"],
        rows: report.pareto.map((p) => [
          p.label, p.defaultFault, p.count, round3(p.share), round3(p.cumulativeShare), p.vitalFew,
          ...FAULT_KEYS.map((f) => p.byFault[f]), p.previous, rising.get(p.key)?.rising ?? false, rising.get(p.key)?.adjustedPValue ?? null,
        ]),
      };
    }
    case "goodwill":
      return { fileName, header: ["Root cause", "Cases with goodwill", "Cost"], rows: report.goodwill.map((g) => [g.name, g.cases, g.cents / 100]) };
    case "processes": {
      const verdicts = new Map((report.processVerdicts ?? []).map((p) => [p.processId, p.verdict]));
      return {
        fileName,
        header: ["Process", "Complaints", "Distinct customers", "Attributed", "Service fault", "Customer fault", "Service share", "Rate vs others", "Median resolution (hours)", "Promises due", "Promises kept", "Average satisfaction", "Verdict"],
        rows: report.processes.map((p) => [
          p.name, p.complaints, p.distinctCustomers, p.attributed, p.attributedToService, p.attributedToCustomer, share(p.attributedToService, p.attributed),
          p.rateVsOthers === null ? null : round3(p.rateVsOthers), hours(p.medianResolutionHours), p.promisesDue, p.promisesKept,
          p.averageSatisfaction === null ? null : round3(p.averageSatisfaction), verdicts.get(p.processId)?.headline ?? null,
        ]),
      };
    }
    case "staff": {
      const verdicts = new Map((report.staffVerdicts ?? []).map((s) => [s.staffId, s.verdict]));
      const rows: CsvValue[][] = report.staff.rows.map((s) => [
        s.name, s.casesHandled, s.conductAttributed, hours(s.medianFirstResponseHours), hours(s.medianResolutionHours), s.promisesDue, s.promisesKept,
        s.reopenedCases, s.averageSatisfaction === null ? null : round3(s.averageSatisfaction), s.hardInteractions, s.smallSample, verdicts.get(s.staffId)?.headline ?? null,
      ]);
      if (!report.limitedToSelf) {
        const t = report.staff.team;
        rows.push(["Whole team", t.casesHandled, t.conductAttributed, hours(t.medianFirstResponseHours), hours(t.medianResolutionHours), t.promisesDue, t.promisesKept,
          t.reopenedCases, t.averageSatisfaction === null ? null : round3(t.averageSatisfaction), t.hardInteractions, false, null]);
      }
      return {
        fileName,
        header: ["Staff member", "Cases handled", "Conduct attributed", "Median first response (hours)", "Median resolution (hours)", "Promises due", "Promises kept", "Reopened cases", "Average satisfaction", "Hard interactions", "Small sample", "Verdict"],
        rows,
      };
    }
    case "customers":
      return {
        fileName,
        header: ["Customer", "Complaints", "Processes", "Reasonable", "Partly", "Unreasonable", "Customer fault", "Service fault", "External", "Undetermined", "Staff minutes", "Verdict"],
        rows: report.customers.rows.map((c) => [
          c.name, c.complaints, c.processesComplainedAbout, c.judgedReasonable, c.judgedPartly, c.judgedUnreasonable, c.attributedToCustomer,
          c.attributedToService, c.attributedToExternal, c.attributedUndetermined, c.staffMinutes, c.verdict?.headline ?? null,
        ]),
      };
  }
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
