import { eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { businessSettings, complaintEvents, promises } from "@/db/schema";
import { describeEachDatabase } from "@/test/databases";
import { CaseRuleError, ForbiddenError } from "../errors";
import { describeDue, promiseState } from "../promises";
import { keepPromise, listPromises, makePromise } from "./promise";
import { createComplaint, createStaff, type TestStaff } from "./test-fixture";

describeEachDatabase("promises", ({ db }) => {
  let agent: TestStaff;
  let inactive: TestStaff;
  beforeAll(async () => {
    agent = await createStaff(db(), { role: "agent" });
    inactive = await createStaff(db(), { role: "agent", active: false });
    await db().update(businessSettings).set({ timeZone: "Europe/London" });
  });

  const eventsOf = (id: string) => db().select().from(complaintEvents).where(eq(complaintEvents.complaintId, id)).orderBy(complaintEvents.id);
  const march = new Date("2026-03-01T12:00:00Z");

  it("reads the due time in the business's time zone, across the change to summer time", async () => {
    const c = await createComplaint(db(), { values: { status: "investigating" } });
    const text = "We will call you with the fitter's time slot.";
    const { promise, complaint } = await makePromise(db(), agent, { complaintId: c.id, text, dueDate: "2026-03-29", dueTime: "10:00", expectedVersion: c.version }, march);
    expect(promise.dueAt.toISOString()).toBe("2026-03-29T09:00:00.000Z");
    expect(complaint.version).toBe(c.version + 1);
    const [event] = await eventsOf(c.id);
    expect(event).toMatchObject({ type: "promise_made", visibility: "customer", body: text, data: { promiseId: promise.id, dueAt: "2026-03-29T09:00:00.000Z" } });
  });

  it("runs a promise without a time to the end of that local day", async () => {
    const c = await createComplaint(db());
    const { promise } = await makePromise(db(), agent, { complaintId: c.id, text: "Refund by Friday", dueDate: "2026-03-06", dueTime: "", expectedVersion: c.version }, march);
    expect(promise.dueAt.toISOString()).toBe("2026-03-06T23:59:59.999Z");
  });

  it("shows a promise past due and not kept as broken, and still lets it be kept late", async () => {
    const c = await createComplaint(db(), { values: { status: "investigating" } });
    const { promise } = await makePromise(db(), agent, { complaintId: c.id, text: "Send the part", dueDate: "2026-03-10", dueTime: "17:00", expectedVersion: c.version }, march);
    const now = new Date("2026-03-12T10:00:00Z");
    expect(promiseState(promise, now, "Europe/London")).toBe("broken");
    expect(describeDue(promise, now, "Europe/London")).toBe("2 days overdue");

    await keepPromise(db(), agent, { complaintId: c.id, promiseId: promise.id });
    const [kept] = await listPromises(db(), c.id);
    expect(kept!.keptAt).not.toBeNull();
    expect(promiseState(kept!, new Date(), "Europe/London")).toBe("kept");
    const last = (await eventsOf(c.id)).at(-1)!;
    expect(last).toMatchObject({ type: "promise_kept", visibility: "customer", body: "Send the part", data: { promiseId: promise.id, late: true } });
    await expect(keepPromise(db(), agent, { complaintId: c.id, promiseId: promise.id })).rejects.toThrow(/already marked kept/);
  });

  it("refuses bad input, past dates, clock-change gaps, closed cases, other cases' promises and inactive accounts", async () => {
    const c = await createComplaint(db());
    const input = { complaintId: c.id, text: "Call back", dueDate: "2026-04-01", dueTime: "10:00", expectedVersion: c.version };
    await expect(makePromise(db(), agent, { ...input, text: "x" }, march)).rejects.toMatchObject({ fieldErrors: { text: expect.any(String) } });
    await expect(makePromise(db(), agent, { ...input, dueDate: "" }, march)).rejects.toMatchObject({ fieldErrors: { dueDate: expect.any(String) } });
    await expect(makePromise(db(), agent, { ...input, dueDate: "2026-02-01" }, march)).rejects.toMatchObject({ fieldErrors: { dueTime: expect.stringContaining("passed") } });
    await expect(makePromise(db(), agent, { ...input, dueDate: "2026-03-29", dueTime: "01:30" }, march)).rejects.toMatchObject({
      fieldErrors: { dueTime: expect.stringContaining("clocks go forward") },
    });
    await expect(makePromise(db(), inactive, input, march)).rejects.toBeInstanceOf(ForbiddenError);
    const closed = await createComplaint(db(), { values: { status: "closed" } });
    await expect(makePromise(db(), agent, { ...input, complaintId: closed.id, expectedVersion: closed.version }, march)).rejects.toBeInstanceOf(CaseRuleError);
    expect(await eventsOf(c.id)).toHaveLength(0);
    expect(await db().select().from(promises).where(eq(promises.complaintId, c.id))).toHaveLength(0);

    const other = await createComplaint(db());
    const { promise } = await makePromise(db(), agent, { ...input, complaintId: other.id, expectedVersion: other.version }, march);
    await expect(keepPromise(db(), agent, { complaintId: c.id, promiseId: promise.id })).rejects.toThrow(/does not belong/);
    await expect(keepPromise(db(), inactive, { complaintId: other.id, promiseId: promise.id })).rejects.toBeInstanceOf(ForbiddenError);
  });
});
