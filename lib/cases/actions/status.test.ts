import { and, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { complaintEvents, complaints, followUps, outboxMessages, processes, rootCauses } from "@/db/schema";
import { describeEachDatabase } from "@/test/databases";
import { CaseConflictError, CaseRuleError } from "../errors";
import { updateCase } from "../update-case";
import { assignCase } from "./assign";
import { changeStatus } from "./status";
import { createComplaint, createStaff, reloadComplaint } from "./test-fixture";

describeEachDatabase("case status changes", ({ db, kind }) => {
  const eventsOf = (complaintId: string) => db().select().from(complaintEvents).where(eq(complaintEvents.complaintId, complaintId));

  async function withFacts() {
    const [process] = await db().insert(processes).values({ name: `Fitting ${Math.random()}` }).returning();
    const [cause] = await db().insert(rootCauses).values({ name: `Late fitter ${Math.random()}`, defaultFault: "service" }).returning();
    return { processId: process!.id, rootCauseId: cause!.id, faultAttribution: "service" as const };
  }

  it("acknowledges a new case: customer-visible event, first response stamped, note kept internal", async () => {
    const agent = await createStaff(db());
    const c = await createComplaint(db());
    const updated = await changeStatus(db(), agent, { complaintId: c.id, expectedVersion: c.version, to: "acknowledged", note: "Read it, calling tomorrow", minutesSpent: "2" });
    expect(updated.status).toBe("acknowledged");
    expect(updated.firstResponseAt).not.toBeNull();
    expect(updated.minutesSpent).toBe(2);
    const events = await eventsOf(c.id);
    expect(events.map((e) => [e.type, e.visibility, e.body])).toEqual([
      ["status_changed", "customer", null],
      ["note", "internal", "Read it, calling tomorrow"],
    ]);
  });

  it("refuses a move the state machine does not allow, with its message, and writes nothing", async () => {
    const agent = await createStaff(db());
    const c = await createComplaint(db());
    const error = await changeStatus(db(), agent, { complaintId: c.id, expectedVersion: c.version, to: "resolved" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CaseRuleError);
    expect((error as Error).message).toBe("A case that is new cannot be moved to resolved. From here it can go to acknowledged or investigating.");
    expect(await eventsOf(c.id)).toHaveLength(0);
    expect((await reloadComplaint(db(), c.id)).version).toBe(c.version);
  });

  it("refuses to resolve without the root cause, process and fault", async () => {
    const agent = await createStaff(db());
    const c = await createComplaint(db(), { values: { status: "investigating" } });
    await expect(changeStatus(db(), agent, { complaintId: c.id, expectedVersion: c.version, to: "resolved" })).rejects.toThrow(
      "Set the root cause, process and fault attribution before resolving.",
    );
    expect(await eventsOf(c.id)).toHaveLength(0);
    const facts = await withFacts();
    await db().update(complaints).set(facts).where(eq(complaints.id, c.id));
    const resolved = await changeStatus(db(), agent, { complaintId: c.id, expectedVersion: c.version, to: "resolved" });
    expect(resolved.status).toBe("resolved");
    expect(resolved.resolvedAt).not.toBeNull();
  });

  it("closes with a closure email queued once, and reopening needs a reason and counts", async () => {
    const agent = await createStaff(db());
    const facts = await withFacts();
    const c = await createComplaint(db(), { values: { status: "resolved", customerAgreement: "agreed", ...facts } });
    const closed = await changeStatus(db(), agent, { complaintId: c.id, expectedVersion: c.version, to: "closed", note: "Agreed on the phone; no follow-up wanted" });
    expect(closed.closedAt).not.toBeNull();
    const mails = await db().select().from(outboxMessages).where(and(eq(outboxMessages.complaintId, c.id), eq(outboxMessages.kind, "closure")));
    expect(mails).toHaveLength(1);

    const noReason = await changeStatus(db(), agent, { complaintId: c.id, expectedVersion: closed.version, to: "investigating" }).catch((e: unknown) => e);
    expect(noReason).toBeInstanceOf(CaseRuleError);
    expect((noReason as CaseRuleError).fieldErrors.note).toMatch(/reason for reopening/);

    const reopened = await changeStatus(db(), agent, { complaintId: c.id, expectedVersion: closed.version, to: "investigating", note: "The tap drips again" });
    expect(reopened.status).toBe("investigating");
    expect(reopened.reopenedCount).toBe(1);
    expect(reopened.closedAt).toBeNull();
    const types = (await eventsOf(c.id)).map((e) => e.type);
    expect(types).toEqual(["status_changed", "note", "reopened", "note"]);
  });

  it("closing before the follow-up is done is refused without a reason, and the reason goes on the timeline", async () => {
    const agent = await createStaff(db());
    const facts = await withFacts();
    const c = await createComplaint(db(), { values: { status: "resolved", customerAgreement: "agreed", ...facts } });
    await db().insert(followUps).values({ complaintId: c.id, dueAt: new Date(Date.now() + 86_400_000) });
    for (const note of [undefined, "  "]) {
      const refused = (await changeStatus(db(), agent, { complaintId: c.id, expectedVersion: c.version, to: "closed", note }).catch((e: unknown) => e)) as CaseRuleError;
      expect(refused).toBeInstanceOf(CaseRuleError);
      expect(refused.message).toBe("The follow-up with the customer has not been done yet. Say why the case is being closed without it.");
      expect(refused.fieldErrors.note).toBe("Give the reason for closing without a follow-up (at least 3 characters).");
    }
    expect(await eventsOf(c.id)).toHaveLength(0);
    expect((await reloadComplaint(db(), c.id)).status).toBe("resolved");

    const closed = await changeStatus(db(), agent, { complaintId: c.id, expectedVersion: c.version, to: "closed", note: "Customer asked us not to call again" });
    expect(closed.status).toBe("closed");
    const note = (await eventsOf(c.id)).find((e) => e.type === "note");
    expect(note).toMatchObject({ visibility: "internal", body: "Customer asked us not to call again", data: { about: "status", to: "closed", withoutFollowUp: true } });
  });

  it("closing needs a follow-up or the customer's agreement", async () => {
    const agent = await createStaff(db());
    const facts = await withFacts();
    const c = await createComplaint(db(), { values: { status: "resolved", ...facts } });
    await expect(changeStatus(db(), agent, { complaintId: c.id, expectedVersion: c.version, to: "closed" })).rejects.toThrow(/follow-up/);
    await db().insert(followUps).values({ complaintId: c.id, dueAt: new Date(), completedAt: new Date() });
    expect((await changeStatus(db(), agent, { complaintId: c.id, expectedVersion: c.version, to: "closed" })).status).toBe("closed");
  });

  it("validates the input before touching the case", async () => {
    const agent = await createStaff(db());
    const c = await createComplaint(db());
    const error = (await changeStatus(db(), agent, { complaintId: c.id, expectedVersion: c.version, to: "bogus" as never, minutesSpent: "2000" }).catch(
      (e: unknown) => e,
    )) as CaseRuleError;
    expect(error.fieldErrors).toEqual({ to: "Choose the status to move the case to.", minutesSpent: "At most 1440 minutes (one day) per action." });
  });

  it("two changes from the same version: the first wins, the second conflicts and nothing is lost", async () => {
    const [a, b] = [await createStaff(db()), await createStaff(db())];
    const c = await createComplaint(db());
    await changeStatus(db(), a, { complaintId: c.id, expectedVersion: c.version, to: "acknowledged" });
    await expect(assignCase(db(), b, { complaintId: c.id, expectedVersion: c.version, assigneeId: b.id })).rejects.toBeInstanceOf(CaseConflictError);
    const now = await reloadComplaint(db(), c.id);
    expect(now).toMatchObject({ status: "acknowledged", assigneeId: null, version: c.version + 1 });
    expect(await eventsOf(c.id)).toHaveLength(1);
  });

  it.runIf(kind === "postgres")("concurrent changes from the same version: exactly one succeeds", async () => {
    const [a, b] = [await createStaff(db()), await createStaff(db())];
    const c = await createComplaint(db());
    const results = await Promise.allSettled([
      changeStatus(db(), a, { complaintId: c.id, expectedVersion: c.version, to: "investigating" }),
      assignCase(db(), b, { complaintId: c.id, expectedVersion: c.version, assigneeId: b.id }),
    ]);
    const ok = results.filter((r) => r.status === "fulfilled");
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(ok).toHaveLength(1);
    expect(failed[0]!.reason).toBeInstanceOf(CaseConflictError);
    expect((await reloadComplaint(db(), c.id)).version).toBe(c.version + 1);
    expect(await eventsOf(c.id)).toHaveLength(1);
  });

  it.runIf(kind === "postgres")("the row lock serialises concurrent updates without a version: both land, in turn", async () => {
    const agent = await createStaff(db());
    const c = await createComplaint(db());
    const slowNote = (text: string, minutes: number) =>
      updateCase(db(), { complaintId: c.id, actor: agent }, async (_tx, current) => {
        // Hold the lock a moment so the other transaction has to wait for it.
        await new Promise((resolve) => setTimeout(resolve, 150));
        return { patch: { escalationReason: `${current.version}` }, events: [{ type: "note", visibility: "internal", body: text, data: {}, minutesSpent: minutes }] };
      });
    const [first, second] = await Promise.all([slowNote("one", 3), slowNote("two", 4)]);
    expect(new Set([first.version, second.version])).toEqual(new Set([c.version + 1, c.version + 2]));
    const final = await reloadComplaint(db(), c.id);
    expect(final.version).toBe(c.version + 2);
    expect(final.minutesSpent).toBe(7);
    // The second transaction saw the first one's version: it read after the lock was released.
    expect(final.escalationReason).toBe(String(c.version + 1));
    expect(await eventsOf(c.id)).toHaveLength(2);
  });
});
