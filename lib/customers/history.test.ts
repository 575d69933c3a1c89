import { expect, it } from "vitest";
import { processes } from "@/db/schema";
import { createComplaint, createCustomer } from "@/lib/cases/actions/test-fixture";
import { describeEachDatabase } from "@/test/databases";
import { getCustomerHistory } from "./history";

describeEachDatabase("getCustomerHistory", ({ db }) => {
  it("sums minutes and judgements over all the customer's complaints and lists the others", async () => {
    const customer = await createCustomer(db());
    const [process] = await db().insert(processes).values({ name: "Plumbing test" }).returning();
    const current = await createComplaint(db(), { customerId: customer.id, values: { minutesSpent: 10, requestJudgement: "reasonable" } });
    await createComplaint(db(), {
      customerId: customer.id,
      values: {
        minutesSpent: 25,
        requestJudgement: "unreasonable",
        processId: process!.id,
        status: "closed",
        resolutionType: "refund",
        customerAgreement: "agreed",
        satisfaction: 4,
        receivedAt: new Date("2026-01-05T10:00:00Z"),
      },
    });
    await createComplaint(db(), { customerId: customer.id, values: { minutesSpent: 5, requestJudgement: "unreasonable", receivedAt: new Date("2026-02-01T10:00:00Z") } });
    await createComplaint(db(), { values: { minutesSpent: 99 } }); // someone else's

    const history = await getCustomerHistory(db(), customer.id, current.id);
    expect(history.complaintCount).toBe(3);
    expect(history.totalMinutes).toBe(40);
    expect(history.judgements).toEqual({ reasonable: 1, partly: 0, unreasonable: 2 });
    expect(history.earlier.map((c) => [c.processName, c.status, c.resolutionType, c.customerAgreement, c.satisfaction])).toEqual([
      [null, "new", null, null, null],
      ["Plumbing test", "closed", "refund", "agreed", 4],
    ]);
  });
});
