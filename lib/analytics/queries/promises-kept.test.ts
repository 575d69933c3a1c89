import { eq, sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { complaints, promises } from "@/db/schema";
import { describeEachDatabase } from "@/test/databases";
import { buildFixture, type Fixture } from "./test-fixture";

/*
 * complaints.promises_kept is kept by a trigger on promises (migration 0008) so analytics can
 * count kept promises without joining them. Every way a promise changes must leave the count
 * equal to a count over the promises themselves.
 */
describeEachDatabase("kept-promise count on each case", ({ db }) => {
  let f: Fixture;
  let first: string;
  let second: string;

  beforeAll(async () => {
    f = await buildFixture(db(), { staff: { Ann: "agent" }, customers: ["C1"], processes: ["Delivery"], rootCauses: { "Late courier": "service" } });
    first = await f.complaint({ customer: "C1", received: "2026-03-02T10:00:00Z", process: "Delivery" });
    second = await f.complaint({ customer: "C1", received: "2026-03-03T10:00:00Z", process: "Delivery" });
  });

  async function counts() {
    const rows = await db()
      .select({ id: complaints.id, stored: complaints.promisesKept, actual: sql<number>`(select count(*) from promises p where p.complaint_id = "complaints"."id" and p.kept_at is not null)::int` })
      .from(complaints)
      .where(sql`${complaints.id} in (${first}, ${second})`);
    const byId = new Map(rows.map((r) => [r.id, r]));
    return { first: byId.get(first)!, second: byId.get(second)! };
  }

  it("follows promises made kept, kept later, un-kept, moved and deleted", async () => {
    await f.promise(first, "2026-03-05T10:00:00Z", "2026-03-04T10:00:00Z");
    await f.promise(first, "2026-03-06T10:00:00Z");
    let c = await counts();
    expect(c.first).toMatchObject({ stored: 1, actual: 1 });

    // Keeping the open one.
    await db().update(promises).set({ keptAt: new Date("2026-03-06T09:00:00Z") }).where(sql`${promises.complaintId} = ${first} and ${promises.keptAt} is null`);
    c = await counts();
    expect(c.first).toMatchObject({ stored: 2, actual: 2 });

    // Changing a kept promise's text or kept time does not count it twice.
    await db().update(promises).set({ text: "Call back before noon", keptAt: new Date("2026-03-06T08:00:00Z") }).where(eq(promises.complaintId, first));
    c = await counts();
    expect(c.first).toMatchObject({ stored: 2, actual: 2 });

    // Un-keeping one (a correction).
    const [one] = await db().select({ id: promises.id }).from(promises).where(eq(promises.complaintId, first)).limit(1);
    await db().update(promises).set({ keptAt: null }).where(eq(promises.id, one!.id));
    c = await counts();
    expect(c.first).toMatchObject({ stored: 1, actual: 1 });

    // Moving the kept one to another case moves its count.
    await db().update(promises).set({ complaintId: second }).where(sql`${promises.complaintId} = ${first} and ${promises.keptAt} is not null`);
    c = await counts();
    expect(c.first).toMatchObject({ stored: 0, actual: 0 });
    expect(c.second).toMatchObject({ stored: 1, actual: 1 });

    // Deleting it.
    await db().delete(promises).where(eq(promises.complaintId, second));
    c = await counts();
    expect(c.second).toMatchObject({ stored: 0, actual: 0 });
  });

  it("never lets the count go below zero", async () => {
    await expect(db().update(complaints).set({ promisesKept: -1 }).where(eq(complaints.id, first))).rejects.toThrow();
  });

  it("stores the hours to a first response and to resolution, and recomputes them when the times change", async () => {
    await db().update(complaints).set({ firstResponseAt: new Date("2026-03-02T12:30:00Z"), resolvedAt: null }).where(eq(complaints.id, first));
    let [row] = await db().select({ fr: complaints.firstResponseHours, res: complaints.resolutionHours }).from(complaints).where(eq(complaints.id, first));
    expect(row).toEqual({ fr: 2.5, res: null });
    await db().update(complaints).set({ resolvedAt: new Date("2026-03-04T10:00:00Z") }).where(eq(complaints.id, first));
    [row] = await db().select({ fr: complaints.firstResponseHours, res: complaints.resolutionHours }).from(complaints).where(eq(complaints.id, first));
    expect(row).toEqual({ fr: 2.5, res: 48 });
  });
});
