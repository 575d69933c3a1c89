import { randomBytes } from "node:crypto";
import { beforeAll, expect, it } from "vitest";
import { rootCauses } from "@/db/schema";
import { createComplaint, createStaff, type TestStaff } from "@/lib/cases/actions/test-fixture";
import { describeEachDatabase } from "@/test/databases";
import { markCorrectiveActionDone, openCorrectiveAction } from "./actions";
import { loadFixResults } from "./queries";

const DAY = 86_400_000;
const unique = () => randomBytes(4).toString("hex");
/** `count` days spread evenly between `from` and `to` days ago. */
const spread = (count: number, from: number, to: number) => Array.from({ length: count }, (_, i) => from - ((from - to) * (i + 0.5)) / count);

// Its own database: the section lists every done action, so no other suite's actions may be in it.
describeEachDatabase("did the fixes work? (analytics page)", ({ db }) => {
  let owner: TestStaff;
  beforeAll(async () => {
    owner = await createStaff(db(), { role: "owner" });
  });

  async function doneAction(title: string, complaintDaysAgo: number[], doneDaysAgo: number) {
    const [cause] = await db().insert(rootCauses).values({ name: `Cause ${unique()}` }).returning({ id: rootCauses.id });
    for (const d of complaintDaysAgo) await createComplaint(db(), { values: { rootCauseId: cause!.id, receivedAt: new Date(Date.now() - d * DAY) } });
    const action = await openCorrectiveAction(db(), owner, { title, ownerId: owner.id, dueOn: "2026-12-20", rootCauseId: cause!.id });
    await markCorrectiveActionDone(db(), owner, action.id, { doneNote: "Changed how the work is done.", doneAt: new Date(Date.now() - doneDaysAgo * DAY) });
    return action.id;
  }

  it("is empty until an action is done; open actions are not listed", async () => {
    const [cause] = await db().insert(rootCauses).values({ name: `Cause ${unique()}` }).returning({ id: rootCauses.id });
    await openCorrectiveAction(db(), owner, { title: "Still being worked on", ownerId: owner.id, dueOn: "2026-12-20", rootCauseId: cause!.id });
    expect(await loadFixResults(db(), "2026-12-02")).toEqual({ results: [], totalDone: 0 });
  });

  it("lists done actions latest first, each with the verdict its own page gives: worked, no clear change, too early", async () => {
    const worked = await doneAction("New packaging for glassware", [...spread(30, 120, 60), ...spread(4, 60, 0)], 60);
    const flat = await doneAction("Retrained the night shift", [...spread(12, 100, 50), ...spread(11, 50, 0)], 50);
    const early = await doneAction("Moved the booking cut-off", spread(20, 7, 0.1), 7);

    const { results, totalDone } = await loadFixResults(db(), "2026-12-02");
    expect(totalDone).toBe(3);
    expect(results.map((r) => r.id)).toEqual([early, flat, worked]);
    expect(results[2]).toMatchObject({ title: "New packaging for glassware", status: "done", recurrences: 4, effect: { verdict: "worked", windowDays: 60, before: 30, after: 4 } });
    expect(results[2]!.effect.rateRatio!.high).toBeLessThan(1);
    expect(results[1]!.effect).toMatchObject({ verdict: "no_clear_change", windowDays: 50, before: 12, after: 11 });
    expect(results[0]!.effect).toMatchObject({ verdict: "too_early", missing: ["21 more days since the change (7 of 28)"], rateRatio: null });
  });

  it("shows only the latest few and says how many are done in all", async () => {
    const { results, totalDone } = await loadFixResults(db(), "2026-12-02", new Date(), 2);
    expect(totalDone).toBe(3);
    expect(results.map((r) => r.title)).toEqual(["Moved the booking cut-off", "Retrained the night shift"]);
  });
});
