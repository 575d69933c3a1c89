import { expect, it } from "vitest";
import { describeEachDatabase } from "@/test/databases";
import { useDemoAnalytics } from "@/test/demo-analytics";

// The demo business hides two patterns (see db/seed/index.ts). With the default thresholds the
// analytics must find both: this guards the seed, the SQL aggregates and the verdicts together.

describeEachDatabase("analytics on the demo data", ({ db }) => {
  const loadReport = useDemoAnalytics(db);

  it("names the repeat complainer likely difficult and Installation likely at fault", async () => {
    const report = await loadReport();

    const victor = report.customers.rows.find((row) => row.name === "Victor Crane");
    expect(victor?.verdict?.verdict).toBe("likely_difficult_customer");

    const installation = report.processVerdicts?.find((row) => row.name === "Installation");
    expect(installation?.verdict.verdict).toBe("likely_service_fault");

    // The healthy processes Victor complains about are not called faulty.
    const billing = report.processVerdicts?.find((row) => row.name === "Billing");
    expect(billing?.verdict.verdict).not.toBe("likely_service_fault");
  });
});
