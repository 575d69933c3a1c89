import { beforeAll, expect, it } from "vitest";
import { listQueue } from "@/lib/cases/list";
import { parseQueueParams } from "@/lib/cases/queue/params";
import { describeEachDatabase } from "@/test/databases";
import { casesHref, faultParam, parseAnalyticsFilters, periodParams } from "./filters";
import { loadEarliestComplaintDate } from "./queries/filter-options";
import { buildFixture, type Fixture } from "./queries/test-fixture";
import { loadAnalyticsReport, type Viewer } from "./report";

/*
 * Issue 14, "ranges and charts that fit real data", on both databases:
 *   - a range of any length (years of imported history) is drawn in monthly buckets from SQL, and
 *     "All time" starts at the earliest complaint on record;
 *   - every drill-down link of a chart opens exactly the cases the clicked part counts;
 *   - with a process chosen, the process verdicts shown follow it, still compared with every other.
 */
const NOW = new Date("2026-04-01T00:00:00Z");
const TODAY = "2026-04-01";

describeEachDatabase("analytics ranges, drill-down and the process filter", ({ db }) => {
  let f: Fixture;
  let owner: Viewer;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    f = await buildFixture(
      db(),
      {
        staff: { Ann: "agent", Ben: "agent", Olive: "owner" },
        customers: ["C1", "C2", "C3", "C4", "C5", "C6"],
        processes: ["Delivery", "Billing", "Installation"],
        rootCauses: { "Late courier": "service", "Changed mind": "customer" },
      },
      "2018-01-01T00:00:00Z",
    );
    owner = { id: f.staff.Olive!, role: "owner" };
    // Years of history, then the current month.
    ids.old2019 = await f.complaint({ customer: "C1", received: "2019-03-10T12:00:00Z", process: "Billing", rootCause: "Changed mind", fault: "customer" });
    ids.old2021 = await f.complaint({ customer: "C2", received: "2021-06-01T12:00:00Z", process: "Delivery", rootCause: "Late courier", fault: "service", channel: "email", assignee: "Ann" });
    // March 2026: the parts of the Late courier bar, by fault, channel, staff and week.
    ids.svcWebAnn1 = await f.complaint({ customer: "C1", received: "2026-03-02T10:00:00Z", process: "Delivery", rootCause: "Late courier", fault: "service", assignee: "Ann" });
    ids.svcWebAnn2 = await f.complaint({ customer: "C2", received: "2026-03-16T10:00:00Z", process: "Delivery", rootCause: "Late courier", fault: "service", assignee: "Ann" });
    ids.svcPhoneAnn = await f.complaint({ customer: "C3", received: "2026-03-03T10:00:00Z", process: "Delivery", rootCause: "Late courier", fault: "service", channel: "phone", assignee: "Ann" });
    ids.svcWebBen = await f.complaint({ customer: "C4", received: "2026-03-04T10:00:00Z", process: "Delivery", rootCause: "Late courier", fault: "service", assignee: "Ben" });
    ids.custWebAnn = await f.complaint({ customer: "C5", received: "2026-03-05T10:00:00Z", process: "Delivery", rootCause: "Late courier", fault: "customer", assignee: "Ann" });
    ids.noneWebAnn = await f.complaint({ customer: "C6", received: "2026-03-06T10:00:00Z", process: "Delivery", rootCause: "Late courier", assignee: "Ann" });
    ids.billingSvc = await f.complaint({ customer: "C6", received: "2026-03-07T10:00:00Z", process: "Billing", rootCause: "Late courier", fault: "service", assignee: "Ann" });
    ids.installSvc = await f.complaint({ customer: "C1", received: "2026-03-09T10:00:00Z", process: "Installation", rootCause: "Late courier", fault: "service", assignee: "Ann" });
  });

  const report = (params: Record<string, string>, earliest: string | null = null) => {
    const parsed = parseAnalyticsFilters(params, TODAY, earliest);
    expect(parsed.rangeRefused).toBeNull();
    return loadAnalyticsReport(db(), owner, parsed.filters, "UTC", NOW);
  };

  /** The case ids the case list shows for an analytics link, read the way the /cases page reads it. */
  const casesAt = async (href: string) => {
    const params = Object.fromEntries(new URL(href, "http://x").searchParams);
    const parsed = parseQueueParams(params, "owner");
    expect(parsed.notices).toEqual([]);
    const page = await listQueue(db(), owner, { view: parsed.view, sort: parsed.sort, filters: parsed.filters }, { now: NOW, timeZone: "UTC" });
    const byId = Object.fromEntries(Object.entries(ids).map(([name, id]) => [id, name]));
    return page.items.map((i) => byId[i.id]).sort();
  };

  it("draws a seven-year custom range in monthly buckets, every complaint counted once", async () => {
    const r = await report({ range: "custom", from: "2019-01-01", to: "2026-03-31" });
    expect(r.bucket).toBe("month");
    expect(r.series).toHaveLength(7 * 12 + 3);
    expect(r.series[0]!.start).toBe("2019-01-01");
    expect(r.series.at(-1)!.start).toBe("2026-03-01");
    expect(r.summary.complaints).toBe(10);
    expect(r.series.reduce((s, p) => s + p.total, 0)).toBe(10);
    expect(r.series.find((p) => p.start === "2021-06-01")!.byChannel.email).toBe(1);
  });

  it("starts All time on the earliest complaint on record", async () => {
    const earliest = await loadEarliestComplaintDate(db(), "UTC");
    expect(earliest).toBe("2019-03-10");
    const r = await report({ range: "all" }, earliest);
    expect(r.filters).toMatchObject({ range: "all", from: "2019-03-10", to: TODAY });
    expect(r.bucket).toBe("month");
    expect(r.summary.complaints).toBe(10);
  });

  it("opens from a part of a Pareto bar exactly the cases of that cause and fault under the view's filters", async () => {
    const { filters } = parseAnalyticsFilters({ range: "custom", from: "2026-03-01", to: "2026-03-31", channel: "web", staff: f.staff.Ann! }, TODAY);
    const r = await loadAnalyticsReport(db(), owner, filters, "UTC", NOW);
    const courier = r.pareto.find((p) => p.label === "Late courier")!;
    expect(courier.byFault).toMatchObject({ service: 4, customer: 1, unattributed: 1 });
    const part = (fault: string) => casesHref(r.filters, { rootCause: courier.key, fault: faultParam(fault) });
    expect(await casesAt(part("service"))).toEqual(["billingSvc", "installSvc", "svcWebAnn1", "svcWebAnn2"]);
    expect(await casesAt(part("customer"))).toEqual(["custWebAnn"]);
    expect(await casesAt(part("unattributed"))).toEqual(["noneWebAnn"]);
  });

  it("opens from a part of a period's bar the cases of that week and fault, and from a process bar its process and fault", async () => {
    const { filters } = parseAnalyticsFilters({ range: "custom", from: "2026-03-01", to: "2026-03-31" }, TODAY);
    const r = await loadAnalyticsReport(db(), owner, filters, "UTC", NOW);
    expect(r.bucket).toBe("day");
    const weekly = { ...r.filters, from: "2026-02-20", to: "2026-03-31" };
    // The week starting Monday 2 March, cut to nothing more than that week.
    expect(periodParams(weekly, "2026-03-02", "week")).toEqual({ from: "2026-03-02", to: "2026-03-08" });
    // The first week begins before the range: its link starts where the range does.
    expect(periodParams(weekly, "2026-02-16", "week")).toEqual({ from: "2026-02-20", to: "2026-02-22" });
    expect(periodParams(r.filters, "2026-03-01", "month")).toEqual({ from: "2026-03-01", to: "2026-03-31" });
    const week = casesHref(r.filters, { ...periodParams(r.filters, "2026-03-02", "week"), fault: "service" });
    expect(await casesAt(week)).toEqual(["billingSvc", "svcPhoneAnn", "svcWebAnn1", "svcWebBen"]);
    const process = casesHref({ ...r.filters, processId: null }, { process: f.processes.Delivery!, fault: faultParam("unattributed") });
    expect(await casesAt(process)).toEqual(["noneWebAnn"]);
    const delivery = r.processes.find((p) => p.name === "Delivery")!;
    expect(delivery).toMatchObject({ complaints: 6, attributedToService: 4, attributedToCustomer: 1, attributedToExternal: 0, attributedUndetermined: 0, attributed: 5 });
  });

  it("with a process chosen, shows only its verdict, still compared with every other process, and says so", async () => {
    const all = await report({ range: "custom", from: "2026-03-01", to: "2026-03-31" });
    expect(all.processVerdicts!.map((p) => p.name).sort()).toEqual(["Billing", "Delivery", "Installation"]);
    const delivery = await report({ range: "custom", from: "2026-03-01", to: "2026-03-31", process: f.processes.Delivery! });
    expect(delivery.processVerdicts!.map((p) => p.name)).toEqual(["Delivery"]);
    // Judged the same way as without the filter: against the two other processes.
    const unfiltered = all.processVerdicts!.find((p) => p.name === "Delivery")!;
    expect(delivery.processVerdicts![0]!.verdict).toEqual(unfiltered.verdict);
    expect(delivery.processVerdicts![0]!.comparedWith).toMatch(/^Compared against 2 other processes \(2 complaints between them in this range\)/);
    expect(delivery.processVerdicts![0]!.comparedWith).toMatch(/The process filter never narrows this comparison\.$/);
    // Customer and staff comparisons say what they were measured against too.
    expect(delivery.staffVerdicts!.find((s) => s.name === "Ann")!.comparedWith).toBe("Compared against the rest of the team: 1 case handled by others in this range.");
    expect(delivery.customers.rows.every((c) => /^Compared against \d+ other customers?: everyone on record/.test(c.comparedWith))).toBe(true);
  });
});
