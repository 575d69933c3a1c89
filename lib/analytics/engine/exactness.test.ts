import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { queryRows } from "@/db/client";
import { seedDemoData } from "@/db/seed";
import { describeEachDatabase } from "@/test/databases";
import { parseAnalyticsFilters } from "../filters";
import { loadAnalyticsReport, type Viewer } from "../report";
import { buildFixture } from "../queries/test-fixture";
import { AnalyticsCopy } from "./copy";
import { copyFigures, postgresFigures } from "./figures";
import { expectSameFigures, silentLog } from "./test-support";

/*
 * The copy must show exactly the figures PostgreSQL's own queries give: every figure of the
 * report (counts, medians, 90th percentiles, averages, distinct customers, verdicts and their
 * intervals), for every role and filter, on the demo business (whose data was made to produce
 * each verdict) plus a few crafted edge cases: the last hour of a range across midnight in the
 * business's time zone, archived processes, imported customers, a case with no process.
 */
const NOW = new Date("2026-11-23T10:30:00Z");
const TZ = "Europe/London";

describeEachDatabase("analytics copy: the same figures as PostgreSQL", ({ db }) => {
  let copy: AnalyticsCopy;
  const viewers: Record<string, Viewer> = {};
  let processId = "";

  beforeAll(async () => {
    await seedDemoData(db(), { now: NOW });
    const staff = await queryRows<{ id: string; role: Viewer["role"] }>(db(), sql`select id::text, role::text from staff_users where active order by email`);
    for (const s of staff) viewers[s.role] ??= { id: s.id, role: s.role };
    // Edge cases beside the demo data: local midnight (BST ends 25 Oct), an imported customer, no process.
    const f = await buildFixture(db(), { staff: { Edge: "agent" }, customers: ["Imported", "Local"], processes: ["Archived one"], rootCauses: { Weather: "external" } });
    await f.complaint({ customer: "Local", received: "2026-10-24T23:30:00Z", process: "Archived one", rootCause: "Weather", fault: "external", assignee: "Edge", firstResponseAfter: 1, resolvedAfter: 30, satisfaction: 5 });
    await f.complaint({ customer: "Local", received: "2026-11-22T23:59:00Z", assignee: "Edge" });
    await f.complaint({ customer: "Imported", received: "2026-11-01T12:00:00Z", process: "Archived one" });
    await f.complaint({ customer: "Imported", received: "2026-11-02T12:00:00Z", process: "Archived one", fault: "customer" });
    await queryRows(db(), sql`update customers set imported_at = now() where id = ${f.customers.Imported}::uuid`);
    await queryRows(db(), sql`update processes set archived_at = now() where id = ${f.processes["Archived one"]}::uuid`);
    processId = f.processes["Archived one"]!;
    copy = await AnalyticsCopy.create({ log: silentLog });
    await copy.catchUp(db());
  }, 180_000);

  afterAll(async () => {
    await copy?.close();
  });

  const today = "2026-11-23";
  const cases: [string, Record<string, string>][] = [
    ["the default 90 days", {}],
    ["30 days", { range: "30d" }],
    ["12 months", { range: "12m" }],
    ["all time", { range: "all" }],
    ["a custom range across the end of summer time", { from: "2026-10-20", to: "2026-10-26" }],
    ["a channel", { channel: "phone" }],
    ["an empty range", { from: "2020-01-01", to: "2020-01-31" }],
  ];

  for (const role of ["owner", "supervisor", "agent"] as const) {
    for (const [label, params] of cases) {
      it(`${label}, as ${role === "owner" ? "an owner" : `a ${role}`}`, async () => {
        const { filters } = parseAnalyticsFilters(params, today, "2025-11-01");
        const viewer = viewers[role]!;
        const fromPostgres = await loadAnalyticsReport(db(), viewer, filters, TZ, NOW, postgresFigures(db()));
        const fromCopy = await loadAnalyticsReport(db(), viewer, filters, TZ, NOW, copyFigures(copy, db()));
        expect(fromPostgres.summary.complaints, "the case must count something to prove anything").toBeGreaterThanOrEqual(label === "an empty range" ? 0 : 1);
        expectSameFigures(fromCopy, fromPostgres);
      });
    }
  }

  it("a process and a staff member chosen, including an archived process", async () => {
    const { filters } = parseAnalyticsFilters({ range: "12m", process: processId, staff: viewers.agent!.id }, today, "2025-11-01");
    const owner = viewers.owner!;
    expectSameFigures(
      await loadAnalyticsReport(db(), owner, filters, TZ, NOW, copyFigures(copy, db())),
      await loadAnalyticsReport(db(), owner, filters, TZ, NOW, postgresFigures(db())),
    );
  });
});

/*
 * The repeat customers' reach counts sets of processes as rows of 63-bit words in the copy. A
 * business with more processes than one word holds puts some of them in the second word (which
 * ones depends on their ids): customers whose processes fall in either word, or in both, must
 * reach exactly the customers and complaints PostgreSQL counts.
 */
describeEachDatabase("analytics copy: repeat customers with more processes than one word of bits", ({ db }) => {
  it("every figure, with 70 processes", async () => {
    const names = Array.from({ length: 70 }, (_, i) => `Process ${String(i).padStart(2, "0")}`);
    const f = await buildFixture(db(), { staff: { Owner: "owner" }, customers: ["Every", "Even", "Last ten", "Two", "None"], processes: names, rootCauses: { Weather: "external" } });
    const day = (i: number) => `2026-11-${String(1 + (i % 20)).padStart(2, "0")}T12:00:00Z`;
    for (const [i, process] of names.entries()) {
      await f.complaint({ customer: "Every", received: day(i), process });
      if (i % 2 === 0) await f.complaint({ customer: "Even", received: day(i), process, fault: "service" });
      if (i >= 60) await f.complaint({ customer: "Last ten", received: day(i), process, fault: "customer" });
    }
    await f.complaint({ customer: "Two", received: day(1), process: names[69] });
    await f.complaint({ customer: "Two", received: day(2), process: names[3] });
    await f.complaint({ customer: "None", received: day(3) });
    await f.complaint({ customer: "None", received: day(4) });
    const copy = await AnalyticsCopy.create({ log: silentLog });
    try {
      await copy.catchUp(db());
      const owner: Viewer = { id: f.staff.Owner!, role: "owner" };
      const { filters } = parseAnalyticsFilters({ range: "30d" }, "2026-11-23", "2025-11-01");
      const fromCopy = await loadAnalyticsReport(db(), owner, filters, TZ, NOW, copyFigures(copy, db()));
      const fromPostgres = await loadAnalyticsReport(db(), owner, filters, TZ, NOW, postgresFigures(db()));
      // Each customer's own processes and the others on them, as the test built them.
      const reach = Object.fromEntries(fromPostgres.customers.rows.map((r) => [r.name, [r.complaints, r.processesComplainedAbout, r.otherComplainingCustomers]]));
      expect(reach).toEqual({ Every: [70, 70, 3], Even: [35, 35, 2], "Last ten": [10, 10, 3], Two: [2, 2, 2], None: [2, 0, 0] });
      expectSameFigures(fromCopy, fromPostgres);
    } finally {
      await copy.close();
    }
  }, 120_000);
});
