import { eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { businessSettings, complaintEvents, followUps, processes, rootCauses } from "@/db/schema";
import { describeEachDatabase } from "@/test/databases";
import { CaseRuleError, ForbiddenError } from "../errors";
import { updateCase } from "../update-case";
import { followUpOnResolve, listFollowUps, recordFollowUp, scheduleFollowUp } from "./follow-up";
import { changeStatus } from "./status";
import { createComplaint, createStaff, reloadComplaint, type TestStaff } from "./test-fixture";

describeEachDatabase("follow-ups", ({ db }) => {
  let agent: TestStaff;
  let inactive: TestStaff;
  beforeAll(async () => {
    agent = await createStaff(db(), { role: "agent" });
    inactive = await createStaff(db(), { role: "agent", active: false });
    await db().update(businessSettings).set({ timeZone: "Europe/London", followUpDelayDays: 3 });
  });

  const eventsOf = (id: string) => db().select().from(complaintEvents).where(eq(complaintEvents.complaintId, id)).orderBy(complaintEvents.id);

  it("schedules the follow-up N days after resolving, at the same local time across a clock change", async () => {
    const c = await createComplaint(db(), { values: { status: "resolved" } });
    const now = new Date("2026-03-27T14:00:00Z"); // 14:00 in London, GMT; three days later is BST.
    await updateCase(db(), { complaintId: c.id, actor: agent }, async (tx, current) => ({ events: await followUpOnResolve(tx, current, agent.id, now) }));
    const [row] = await listFollowUps(db(), c.id);
    expect(row!.dueAt.toISOString()).toBe("2026-03-30T13:00:00.000Z");
    const [event] = await eventsOf(c.id);
    expect(event).toMatchObject({ type: "follow_up_scheduled", visibility: "internal", data: { followUpId: row!.id, dueAt: "2026-03-30T13:00:00.000Z" } });

    // A second resolution (after a reopen) keeps the open follow-up instead of adding another.
    await expect(
      updateCase(db(), { complaintId: c.id, actor: agent }, async (tx, current) => ({ events: await followUpOnResolve(tx, current, agent.id, now) })),
    ).rejects.toThrow(/Nothing to record/);
    expect(await listFollowUps(db(), c.id)).toHaveLength(1);
  });

  it("is scheduled when the status section resolves the case", async () => {
    const [process] = await db().insert(processes).values({ name: `Fitting ${Math.random()}` }).returning();
    const [cause] = await db().insert(rootCauses).values({ name: `Late part ${Math.random()}`, defaultFault: "service" }).returning();
    const c = await createComplaint(db(), { values: { status: "investigating", processId: process!.id, rootCauseId: cause!.id, faultAttribution: "service" } });
    const before = Date.now();
    await changeStatus(db(), agent, { complaintId: c.id, to: "resolved", expectedVersion: c.version });
    const [row] = await listFollowUps(db(), c.id);
    const days = (row!.dueAt.getTime() - before) / 86_400_000;
    expect(days).toBeGreaterThan(2.9);
    expect(days).toBeLessThan(3.1);
  });

  it("reschedules by hand and records the follow-up, which lets the case close", async () => {
    const c = await createComplaint(db(), { values: { status: "resolved" } });
    await scheduleFollowUp(db(), agent, { complaintId: c.id, dueDate: "2026-03-29" }, new Date("2026-03-01T00:00:00Z"));
    await scheduleFollowUp(db(), agent, { complaintId: c.id, dueDate: "2026-04-02" }, new Date("2026-03-01T00:00:00Z"));
    const [open] = await listFollowUps(db(), c.id);
    expect(open!.dueAt.toISOString()).toBe("2026-04-02T08:00:00.000Z");
    expect(await listFollowUps(db(), c.id)).toHaveLength(1);

    const after = await recordFollowUp(db(), agent, { complaintId: c.id, outcome: "Customer happy with the new tap.", minutesSpent: 6 });
    expect(after.status).toBe("resolved");
    const [done] = await listFollowUps(db(), c.id);
    expect(done).toMatchObject({ id: open!.id, outcome: "Customer happy with the new tap.", completedById: agent.id });
    const last = (await eventsOf(c.id)).at(-1)!;
    expect(last).toMatchObject({ type: "follow_up_done", visibility: "internal", minutesSpent: 6, data: { followUpId: open!.id } });
    const closed = await changeStatus(db(), agent, { complaintId: c.id, to: "closed", expectedVersion: after.version });
    expect(closed.status).toBe("closed");
  });

  it("refuses follow-ups before resolution, past dates, empty outcomes and inactive accounts, writing nothing", async () => {
    const c = await createComplaint(db(), { values: { status: "investigating" } });
    await expect(recordFollowUp(db(), agent, { complaintId: c.id, outcome: "Called, all fine." })).rejects.toThrow(/after the case is resolved/);
    const resolved = await createComplaint(db(), { values: { status: "resolved" } });
    await expect(recordFollowUp(db(), agent, { complaintId: resolved.id, outcome: "ok" })).rejects.toMatchObject({ fieldErrors: { outcome: expect.any(String) } });
    await expect(scheduleFollowUp(db(), agent, { complaintId: resolved.id, dueDate: "2020-01-01" })).rejects.toMatchObject({ fieldErrors: { dueDate: expect.any(String) } });
    await expect(recordFollowUp(db(), inactive, { complaintId: resolved.id, outcome: "Called, all fine." })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(scheduleFollowUp(db(), agent, { complaintId: resolved.id, dueDate: "soon" })).rejects.toBeInstanceOf(CaseRuleError);
    expect(await eventsOf(resolved.id)).toHaveLength(0);
    expect(await db().select().from(followUps).where(eq(followUps.complaintId, resolved.id))).toHaveLength(0);
    expect((await reloadComplaint(db(), resolved.id)).version).toBe(resolved.version);
  });
});
