import { sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { queryRows } from "@/db/client";
import { seedDemoData } from "@/db/seed";
import { describeEachDatabase } from "@/test/databases";
import { localDate } from "@/lib/time/zone";
import { parseAnalyticsFilters } from "./filters";
import { loadAnalyticsReport } from "./report";

// The demo business hides two patterns (see db/seed/index.ts). With the default thresholds the
// analytics must find both: this guards the seed, the SQL aggregates and the verdicts together.
const NOW = new Date("2026-11-23T10:30:00Z");
const TZ = "Europe/London";

describeEachDatabase("analytics on the demo data", ({ db }) => {
  let ownerId = "";
  beforeAll(async () => {
    await seedDemoData(db(), { now: NOW });
    const [owner] = await queryRows<{ id: string }>(db(), sql`select id from staff_users where email = 'owner@example.com'`);
    ownerId = owner!.id;
  }, 120_000);

  it("names the repeat complainer likely difficult and Installation likely at fault", async () => {
    const { filters } = parseAnalyticsFilters({}, localDate(NOW, TZ));
    const report = await loadAnalyticsReport(db(), { id: ownerId, role: "owner" }, filters, TZ, NOW);

    const victor = report.customers.rows.find((row) => row.name === "Victor Crane");
    expect(victor?.verdict?.verdict).toBe("likely_difficult_customer");

    const installation = report.processVerdicts?.find((row) => row.name === "Installation");
    expect(installation?.verdict.verdict).toBe("likely_service_fault");

    // The healthy processes Victor complains about are not called faulty.
    const billing = report.processVerdicts?.find((row) => row.name === "Billing");
    expect(billing?.verdict.verdict).not.toBe("likely_service_fault");
  });
});
