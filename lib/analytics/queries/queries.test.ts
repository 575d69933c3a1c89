import { beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "@/test/databases";
import { parseAnalyticsFilters } from "../filters";
import { loadAnalyticsReport } from "../report";
import { loadRepeatCustomers } from "./customers";
import { loadProcesses } from "./processes";
import { loadRootCauses } from "./root-causes";
import type { AnalyticsScope } from "./scope";
import { loadStaff } from "./staff";
import { countOpenBrokenPromises, loadSummary } from "./summary";
import { buildFixture, type Fixture } from "./test-fixture";
import { loadTimeSeries } from "./time-series";

/*
 * The story (range 1–30 March 2026, UTC; "now" is 1 April):
 *   #1 C1 Delivery  Late courier  service   web   Ann  FR 2h  resolved 48h  reasonable   ★4  30 min  £10 goodwill
 *   #2 C1 Delivery  Late courier  service   email Ann  FR 4h  resolved 96h  reasonable   ★2  20 min  reopened
 *   #3 C1 Billing   Changed mind  customer  web   Ben  FR 6h                unreasonable     50 min  Ann's conduct
 *   #4 C2 Delivery  Late courier  (none)    phone Ben  FR 8h
 *   #5 C3 Billing   (no cause)    (none)    web   nobody            (30 March 23:00, last hour of the range)
 *   out of range: #6 C2 Delivery Late courier service, 15 Feb (previous period); #7 C3, 31 March 00:30.
 * Promises: #1 kept, #2 broken (due 6 March), #3 due 10 April. Debriefs: Ann hard on #1, Ben hard on #3, Ben normal on #4.
 */
const NOW = new Date("2026-04-01T00:00:00Z");

describeEachDatabase("analytics aggregates", ({ db }) => {
  let f: Fixture;
  let scope: AnalyticsScope;

  beforeAll(async () => {
    f = await buildFixture(db(), {
      staff: { Ann: "agent", Ben: "agent", Sue: "supervisor" },
      customers: ["C1", "C2", "C3", "C4"],
      processes: ["Delivery", "Billing", "Returns"],
      rootCauses: { "Late courier": "service", "Changed mind": "customer" },
    });
    const c1 = await f.complaint({ customer: "C1", received: "2026-03-02T10:00:00Z", process: "Delivery", rootCause: "Late courier", fault: "service", judgement: "reasonable", assignee: "Ann", firstResponseAfter: 2, resolvedAfter: 48, satisfaction: 4, minutes: 30, goodwillCents: 1000 });
    const c2 = await f.complaint({ customer: "C1", received: "2026-03-05T10:00:00Z", process: "Delivery", rootCause: "Late courier", fault: "service", judgement: "reasonable", channel: "email", assignee: "Ann", firstResponseAfter: 4, resolvedAfter: 96, satisfaction: 2, minutes: 20, reopened: 1 });
    const c3 = await f.complaint({ customer: "C1", received: "2026-03-10T10:00:00Z", process: "Billing", rootCause: "Changed mind", fault: "customer", judgement: "unreasonable", assignee: "Ben", responsible: "Ann", firstResponseAfter: 6, minutes: 50 });
    const c4 = await f.complaint({ customer: "C2", received: "2026-03-20T10:00:00Z", process: "Delivery", rootCause: "Late courier", channel: "phone", assignee: "Ben", firstResponseAfter: 8 });
    await f.complaint({ customer: "C3", received: "2026-03-30T23:00:00Z", process: "Billing" });
    await f.complaint({ customer: "C2", received: "2026-02-15T10:00:00Z", process: "Delivery", rootCause: "Late courier", fault: "service", assignee: "Ann" });
    await f.complaint({ customer: "C3", received: "2026-03-31T00:30:00Z", process: "Delivery", rootCause: "Changed mind", fault: "customer", assignee: "Ann" });
    await f.promise(c1, "2026-03-03T10:00:00Z", "2026-03-03T09:00:00Z");
    await f.promise(c2, "2026-03-06T10:00:00Z");
    await f.promise(c3, "2026-04-10T10:00:00Z");
    await f.debrief(c1, "Ann", true);
    await f.debrief(c3, "Ben", true);
    await f.debrief(c4, "Ben", false);
    scope = { from: "2026-03-01", to: "2026-03-30", timeZone: "UTC", processId: null, channel: null, assigneeId: null, now: NOW };
  });

  it("summarises the range: counts, fault share, medians and 90th percentiles", async () => {
    const s = await loadSummary(db(), scope);
    expect(s).toMatchObject({ complaints: 5, attributed: 3, attributedToService: 2, firstResponseTargetHours: 24 });
    expect(s.firstResponse).toMatchObject({ measured: 4, onTime: 4, withTarget: 4 });
    expect(s.firstResponse.median).toBeCloseTo(5);
    expect(s.firstResponse.p90).toBeCloseTo(7.4);
    expect(s.resolution.median).toBeCloseTo(72);
    expect(s.resolution.p90).toBeCloseTo(91.2);
    expect(await countOpenBrokenPromises(db(), scope)).toBe(1);
  });

  it("narrows by process, channel and assignee", async () => {
    expect((await loadSummary(db(), { ...scope, processId: f.processes.Billing! })).complaints).toBe(2);
    expect((await loadSummary(db(), { ...scope, channel: "web" })).complaints).toBe(3);
    expect((await loadSummary(db(), { ...scope, assigneeId: f.staff.Ben! })).complaints).toBe(2);
    // In London the range ends at 23:00 UTC on 30 March (summer time has begun): #5 falls outside.
    expect((await loadSummary(db(), { ...scope, timeZone: "Europe/London" })).complaints).toBe(4);
  });

  it("counts every day of the range, empty ones as zero", async () => {
    const points = await loadTimeSeries(db(), scope, "day");
    expect(points).toHaveLength(30);
    expect(points[0]).toMatchObject({ start: "2026-03-01", total: 0 });
    expect(points.find((p) => p.start === "2026-03-02")).toMatchObject({ total: 1, byChannel: { web: 1 }, byFault: { service: 1 } });
    expect(points.find((p) => p.start === "2026-03-20")).toMatchObject({ byChannel: { phone: 1 }, byFault: { unattributed: 1 } });
    expect(points.reduce((s, p) => s + p.total, 0)).toBe(5);
    const weeks = await loadTimeSeries(db(), scope, "week");
    expect(weeks.map((w) => w.start)).toEqual(["2026-02-23", "2026-03-02", "2026-03-09", "2026-03-16", "2026-03-23", "2026-03-30"]);
  });

  it("splits root causes by actual fault, with the previous period and goodwill", async () => {
    const rows = await loadRootCauses(db(), scope);
    const late = rows.find((r) => r.name === "Late courier");
    expect(late).toMatchObject({ complaints: 3, previous: 1, defaultFault: "service", goodwillCents: 1000, goodwillCases: 1 });
    expect(late?.byFault).toEqual({ service: 2, customer: 0, external: 0, undetermined: 0, unattributed: 1 });
    expect(rows.find((r) => r.name === "Changed mind")).toMatchObject({ complaints: 1, previous: 0 });
    expect(rows.find((r) => r.rootCauseId === null)).toMatchObject({ complaints: 1, name: "No root cause yet" });
  });

  it("compares processes: customers, fault, resolution, promises, satisfaction", async () => {
    const rows = await loadProcesses(db(), { ...scope, processId: f.processes.Billing! });
    expect(rows.map((r) => r.name)).toEqual(["Delivery", "Billing", "Returns"]);
    expect(rows[0]).toMatchObject({ complaints: 3, distinctCustomers: 2, attributed: 2, attributedToService: 2, promisesDue: 2, promisesKept: 1, averageSatisfaction: 3, ratings: 2 });
    expect(rows[0]!.medianResolutionHours).toBeCloseTo(72);
    expect(rows[1]).toMatchObject({ complaints: 2, distinctCustomers: 2, attributed: 1, attributedToCustomer: 1, promisesDue: 0, medianResolutionHours: null });
    expect(rows[2]).toMatchObject({ complaints: 0, distinctCustomers: 0 });
  });

  it("gives each person their figures and the team's", async () => {
    const { rows, team } = await loadStaff(db(), scope, null);
    const ann = rows.find((r) => r.name === "Ann");
    const ben = rows.find((r) => r.name === "Ben");
    expect(ann).toMatchObject({ casesHandled: 2, conductAttributed: 1, promisesDue: 2, promisesKept: 1, reopenedCases: 1, averageSatisfaction: 3, hardInteractions: 1 });
    expect(ann!.medianFirstResponseHours).toBeCloseTo(3);
    expect(ben).toMatchObject({ casesHandled: 2, conductAttributed: 0, promisesDue: 0, hardInteractions: 1, medianResolutionHours: null });
    expect(team).toMatchObject({ casesHandled: 4, conductAttributed: 1, promisesDue: 2, hardInteractions: 2 });
    expect(team.medianFirstResponseHours).toBeCloseTo(5);
    expect(rows.some((r) => r.name === "Sue")).toBe(false);
  });

  it("finds repeat complainers with who else complained about their processes", async () => {
    const result = await loadRepeatCustomers(db(), scope);
    expect(result).toMatchObject({ customersOnRecord: 4, totalRepeaters: 1 });
    expect(result.rows).toEqual([
      expect.objectContaining({
        name: "C1", complaints: 3, processesComplainedAbout: 2, judged: 3, judgedReasonable: 2, judgedUnreasonable: 1,
        attributed: 3, attributedToService: 2, attributedToCustomer: 1, staffMinutes: 100, otherComplainingCustomers: 2, otherComplaints: 2,
      }),
    ]);
  });

  it("limits an agent to their own figures whatever the URL asks for", async () => {
    const { filters } = parseAnalyticsFilters({ range: "custom", from: "2026-03-01", to: "2026-03-30", staff: f.staff.Ben! }, "2026-04-01");
    const agent = await loadAnalyticsReport(db(), { id: f.staff.Ann!, role: "agent" }, filters, "UTC", NOW);
    expect(agent.limitedToSelf).toBe(true);
    expect(agent.filters.staffId).toBe(f.staff.Ann);
    expect(agent.summary.complaints).toBe(2);
    expect(agent.staff.rows.map((r) => r.name)).toEqual(["Ann"]);
    expect(agent.staff.team.casesHandled).toBe(2);
    expect(agent.processVerdicts).toBeNull();
    expect(agent.staffVerdicts).toBeNull();
    expect(agent.fixFirst).toBeNull();
    expect(agent.customers.rows.every((c) => c.verdict === null)).toBe(true);

    const supervisor = await loadAnalyticsReport(db(), { id: f.staff.Sue!, role: "supervisor" }, { ...filters, staffId: null }, "UTC", NOW);
    expect(supervisor.limitedToSelf).toBe(false);
    expect(supervisor.summary.complaints).toBe(5);
    expect(supervisor.staff.rows.map((r) => r.name).sort()).toEqual(["Ann", "Ben"]);
    expect(supervisor.processVerdicts).toHaveLength(3);
    expect(supervisor.pareto.map((p) => [p.label, p.count])).toEqual([["Late courier", 3], ["Changed mind", 1]]);
    expect(supervisor.unclassified).toBe(1);
  });

  it.each([
    ["5 processes (one 64-bit word of process bits)", "2025-06", 5, 3],
    ["70 processes in all (two words)", "2025-07", 70, 40],
  ] as const)("counts other customers on a repeat complainer's processes exactly, as a join over every complaint would: %s", async (_label, month, processCount, spread) => {
    // A crowd outside the story's range: 12 customers, overlapping process sets, some complaints
    // without a process. The expectation is the definition, brute force. Last in the file: its
    // processes would otherwise join the story's per-process table.
    const names = Array.from({ length: 12 }, (_, i) => `K${i}`);
    const processNames = Array.from({ length: processCount }, (_, i) => `P${i}-${month}`);
    const crowd = await buildFixture(db(), { staff: { Kay: "agent" }, customers: names, processes: processNames, rootCauses: { [`Unused ${month}`]: "service" } });
    let seed = 7;
    const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
    const filed: { customer: string; process: string | null }[] = [];
    for (let i = 0; i < 70; i++) {
      // Customer k favours processes near k, so sets overlap in varied ways; one in seven has none.
      const customer = names[Math.min(next(12), next(12))]!;
      const k = Number(customer.slice(1));
      const process = next(7) === 0 ? null : processNames[(k * 5 + next(spread)) % processCount]!;
      filed.push({ customer, process });
      await crowd.complaint({ customer, received: `${month}-${String(1 + next(28)).padStart(2, "0")}T12:00:00Z`, ...(process ? { process } : {}) });
    }
    const range: AnalyticsScope = { ...scope, from: `${month}-01`, to: `${month}-28` };
    const result = await loadRepeatCustomers(db(), range);

    const repeaters = names.filter((n) => filed.filter((c) => c.customer === n).length >= 2);
    expect(result.totalRepeaters).toBe(repeaters.length);
    expect(result.rows).toHaveLength(repeaters.length);
    for (const row of result.rows) {
      const mine = new Set(filed.filter((c) => c.customer === row.name && c.process).map((c) => c.process));
      const others = filed.filter((c) => c.customer !== row.name && c.process && mine.has(c.process));
      expect({ name: row.name, customers: row.otherComplainingCustomers, complaints: row.otherComplaints, processes: row.processesComplainedAbout }).toEqual({
        name: row.name,
        customers: new Set(others.map((c) => c.customer)).size,
        complaints: others.length,
        processes: mine.size,
      });
    }
  });
});
