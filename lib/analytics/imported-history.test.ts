import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { queryRows } from "@/db/client";
import { cfpbExcerpt } from "@/lib/import/fixtures";
import { runImport } from "@/lib/import/run";
import { listActiveProcesses } from "@/lib/settings/processes";
import { describeEachDatabase } from "@/test/databases";
import { DEMO_NOW as NOW, useDemoAnalytics } from "@/test/demo-analytics";
import type { AnalyticsReport } from "./report";

// Importing another system's history (here 46 real CFPB complaints from 2019–2020) must not change
// what the current period says about the business: imported customers and processes with no
// complaints in the range are not "others" to compare with.

/** Every verdict the page shows, by who or what it is about. */
function verdicts(report: AnalyticsReport) {
  return {
    processes: Object.fromEntries((report.processVerdicts ?? []).map((p) => [p.name, [p.verdict.verdict, p.verdict.headline, p.verdict.evidence]])),
    customers: Object.fromEntries(report.customers.rows.map((c) => [c.name, [c.verdict?.verdict, c.verdict?.headline, c.verdict?.evidence]])),
    staff: Object.fromEntries((report.staffVerdicts ?? []).map((s) => [s.name, [s.verdict.verdict, s.verdict.headline]])),
    fixFirst: (report.fixFirst ?? []).map((f) => f.label),
  };
}

describeEachDatabase("analytics after importing history", ({ db }) => {
  const report = useDemoAnalytics(db);

  it("keeps every verdict of the current period, and keeps imported categories off the form until restored", async () => {
    const before = await report();
    const processesBefore = (await listActiveProcesses(db())).map((p) => p.name);

    const outcome = await runImport(db(), cfpbExcerpt(), { prefix: "cfpb", now: NOW });
    expect(outcome.kind).toBe("imported");
    if (outcome.kind !== "imported") return;
    expect(outcome.imported).toBe(46);
    expect(outcome.createdProcessNames.length).toBeGreaterThan(0);
    expect(outcome.createdProcesses).toBe(outcome.createdProcessNames.length);

    const after = await report();
    expect(verdicts(after)).toEqual(verdicts(before));
    expect(after.customers.customersOnRecord).toBe(before.customers.customersOnRecord);
    // The public form and the staff pick lists offer what they offered before.
    expect((await listActiveProcesses(db())).map((p) => p.name)).toEqual(processesBefore);
    const [{ archived }] = (await queryRows<{ archived: number }>(
      db(),
      sql`select count(*)::int as archived from processes where archived_at is not null and lower(name) in (${sql.join(outcome.createdProcessNames.map((n) => sql`${n.toLowerCase()}`), sql`, `)})`,
    )) as [{ archived: number }];
    expect(archived).toBe(outcome.createdProcessNames.length);
  }, 120_000);

  it("lists in a dry run what an import would create", async () => {
    const text = cfpbExcerpt().replaceAll('"Credit reporting, credit repair services, or other personal consumer reports"', "Brand new product line");
    const dry = await runImport(db(), text, { prefix: "cfpb-dry", now: NOW, dryRun: true });
    expect(dry.kind).toBe("dry-run");
    if (dry.kind !== "dry-run") return;
    // Everything else in the file is on record since the first test's import (archived).
    expect(dry.wouldCreate.processes).toEqual(["Brand new product line"]);
    expect(dry.wouldImport).toBe(46);
  });
});
