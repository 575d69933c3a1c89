import { and, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { complaintEvents, outboxMessages } from "@/db/schema";
import { describeEachDatabase } from "@/test/databases";
import { type CaseRuleError, ForbiddenError } from "../errors";
import { addDebrief, listDebriefs } from "./debrief";
import { deEscalateCase, ESCALATION_NOTICE, escalateCase } from "./escalate";
import { createComplaint, createStaff, reloadComplaint } from "./test-fixture";

describeEachDatabase("escalation and debriefs", ({ db }) => {
  const eventsOf = (complaintId: string) => db().select().from(complaintEvents).where(eq(complaintEvents.complaintId, complaintId)).orderBy(complaintEvents.id);

  it("an agent escalates, hands it to a supervisor and tells the customer in neutral words", async () => {
    const agent = await createStaff(db());
    const supervisor = await createStaff(db(), { role: "supervisor" });
    const c = await createComplaint(db(), { values: { assigneeId: agent.id } });
    const escalated = await escalateCase(db(), agent, {
      complaintId: c.id,
      expectedVersion: c.version,
      reason: "Customer threatens legal action",
      supervisorId: supervisor.id,
      tellCustomer: "on",
    });
    expect(escalated).toMatchObject({ escalationReason: "Customer threatens legal action", assigneeId: supervisor.id });
    expect(escalated.escalatedAt).not.toBeNull();
    const events = await eventsOf(c.id);
    expect(events.map((e) => [e.type, e.visibility])).toEqual([
      ["escalated", "internal"],
      ["assigned", "internal"],
      ["message", "customer"],
    ]);
    expect(events[2]!.body).toBe(ESCALATION_NOTICE);
    expect(events[2]!.body).not.toMatch(/legal/);
    const mails = await db().select().from(outboxMessages).where(and(eq(outboxMessages.complaintId, c.id), eq(outboxMessages.kind, "staff_reply")));
    expect(mails).toHaveLength(1);
    await expect(escalateCase(db(), agent, { complaintId: c.id, expectedVersion: escalated.version, reason: "Again" })).rejects.toThrow(/already escalated/);
  });

  it("without the checkbox the customer sees nothing; the supervisor must be a supervisor", async () => {
    const agent = await createStaff(db());
    const c = await createComplaint(db());
    const error = (await escalateCase(db(), agent, { complaintId: c.id, expectedVersion: c.version, reason: "Hard", supervisorId: agent.id }).catch(
      (e: unknown) => e,
    )) as CaseRuleError;
    expect(error.fieldErrors).toEqual({ supervisorId: "Choose an active supervisor or owner." });
    const short = (await escalateCase(db(), agent, { complaintId: c.id, expectedVersion: c.version, reason: "a" }).catch((e: unknown) => e)) as CaseRuleError;
    expect(short.fieldErrors.reason).toMatch(/at least 3/);
    await escalateCase(db(), agent, { complaintId: c.id, expectedVersion: c.version, reason: "Very upset customer" });
    const events = await eventsOf(c.id);
    expect(events.map((e) => e.visibility)).toEqual(["internal"]);
    expect((await reloadComplaint(db(), c.id)).firstResponseAt).toBeNull();
  });

  it("only supervisors end an escalation", async () => {
    const agent = await createStaff(db());
    const supervisor = await createStaff(db(), { role: "supervisor" });
    const c = await createComplaint(db());
    const escalated = await escalateCase(db(), agent, { complaintId: c.id, expectedVersion: c.version, reason: "Wants the director" });
    await expect(deEscalateCase(db(), agent, { complaintId: c.id, expectedVersion: escalated.version })).rejects.toBeInstanceOf(ForbiddenError);
    const ended = await deEscalateCase(db(), supervisor, { complaintId: c.id, expectedVersion: escalated.version, note: "Spoke to them, calm now" });
    expect(ended).toMatchObject({ escalatedAt: null, escalationReason: null });
    const last = (await eventsOf(c.id)).at(-1)!;
    expect(last).toMatchObject({ type: "note", visibility: "internal", body: "Escalation ended: Spoke to them, calm now" });
    await expect(deEscalateCase(db(), supervisor, { complaintId: c.id, expectedVersion: ended.version })).rejects.toThrow("This case is not escalated.");
  });

  it("debriefs are private: the author and supervisors read them, other agents do not, and the timeline stays untouched", async () => {
    const author = await createStaff(db());
    const colleague = await createStaff(db());
    const supervisor = await createStaff(db(), { role: "supervisor" });
    const owner = await createStaff(db(), { role: "owner" });
    const c = await createComplaint(db());
    const debrief = await addDebrief(db(), author, { complaintId: c.id, body: "Shouted at me for ten minutes. Shaken.", hardInteraction: "on" });
    expect(debrief).toMatchObject({ hardInteraction: true, authorName: author.name });
    await addDebrief(db(), colleague, { complaintId: c.id, body: "Fine call today." });

    expect((await listDebriefs(db(), author, c.id)).map((d) => d.body)).toEqual(["Shouted at me for ten minutes. Shaken."]);
    expect((await listDebriefs(db(), colleague, c.id)).map((d) => d.body)).toEqual(["Fine call today."]);
    expect(await listDebriefs(db(), supervisor, c.id)).toHaveLength(2);
    expect(await listDebriefs(db(), owner, c.id)).toHaveLength(2);
    expect(await eventsOf(c.id)).toHaveLength(0);
    expect((await reloadComplaint(db(), c.id)).version).toBe(c.version);

    const empty = (await addDebrief(db(), author, { complaintId: c.id, body: " " }).catch((e: unknown) => e)) as CaseRuleError;
    expect(empty.fieldErrors.body).toMatch(/at least 3/);
  });
});
