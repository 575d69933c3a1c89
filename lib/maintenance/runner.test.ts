import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { businessSettings, complaints, customers, rateLimitHits } from "@/db/schema";
import { consume } from "@/lib/security/rate-limit";
import { describeEachDatabase } from "@/test/databases";
import { runMaintenance } from "./runner";

describeEachDatabase("housekeeping pass", ({ db }) => {
  it("drops ended rate-limit windows and anonymises cases past the retention period, once", async () => {
    const now = new Date("2026-11-23T12:00:00Z");
    await consume(db(), { bucket: "intake-ip", limit: 10, windowSeconds: 600 }, "203.0.113.9", new Date("2026-11-23T09:00:00Z"));
    await consume(db(), { bucket: "intake-ip", limit: 10, windowSeconds: 600 }, "203.0.113.9", now);

    const [customer] = await db().insert(customers).values({ name: "Kit Marsh", email: "kit@example.com", emailNormalized: "kit@example.com" }).returning();
    const closedCase = (reference: string, closedAt: string) => ({
      reference,
      trackingTokenHash: `hash-${reference}`,
      customerId: customer!.id,
      description: "Kit's own words about the broken boiler",
      status: "closed" as const,
      closedAt: new Date(closedAt),
    });
    await db().insert(complaints).values([closedCase("CR-OLD1-CASE", "2026-01-10T10:00:00Z"), closedCase("CR-NEW1-CASE", "2026-11-01T10:00:00Z")]);

    // No retention period: nothing is anonymised, only old windows go.
    expect(await runMaintenance(db(), now)).toEqual({ sweptWindows: 1, anonymisedCases: 0 });
    expect(await db().select().from(rateLimitHits)).toHaveLength(1);

    await db().update(businessSettings).set({ retentionMonths: 6 }).where(eq(businessSettings.id, 1));
    expect(await runMaintenance(db(), now)).toEqual({ sweptWindows: 0, anonymisedCases: 1 });
    expect(await runMaintenance(db(), now)).toEqual({ sweptWindows: 0, anonymisedCases: 0 });

    const rows = await db().select({ reference: complaints.reference, description: complaints.description, anonymizedAt: complaints.anonymizedAt }).from(complaints).orderBy(complaints.reference);
    expect(rows.map((r) => [r.reference, r.anonymizedAt !== null, r.description.includes("Kit")])).toEqual([
      ["CR-NEW1-CASE", false, true],
      ["CR-OLD1-CASE", true, false],
    ]);
  });
});
