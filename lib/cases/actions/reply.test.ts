import { and, eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { complaintEvents, outboxMessages } from "@/db/schema";
import { describeEachDatabase } from "@/test/databases";
import { CaseConflictError, CaseRuleError, ForbiddenError } from "../errors";
import { BlameLanguageError } from "./conversation-common";
import { loadHandlingChecklist } from "./handling";
import { sendReply } from "./reply";
import { createComplaint, createStaff, reloadComplaint, type TestStaff } from "./test-fixture";

describeEachDatabase("sendReply", ({ db }) => {
  let agent: TestStaff;
  beforeAll(async () => {
    agent = await createStaff(db(), { role: "agent", name: "Sam Porter" });
  });

  const eventsOf = (complaintId: string) => db().select().from(complaintEvents).where(eq(complaintEvents.complaintId, complaintId));

  it("sends a customer-visible message, adds the minutes, sets the first response and queues the email", async () => {
    const complaint = await createComplaint(db());
    await sendReply(db(), agent, { complaintId: complaint.id, kind: "reply", text: "Dear Morgan,\nThank you for telling us.", minutesSpent: 7, expectedVersion: complaint.version });
    const after = await reloadComplaint(db(), complaint.id);
    expect(after.minutesSpent).toBe(7);
    expect(after.firstResponseAt).not.toBeNull();
    expect(after.version).toBe(complaint.version + 1);
    const [event] = await eventsOf(complaint.id);
    expect(event).toMatchObject({ type: "message", visibility: "customer", actorId: agent.id, minutesSpent: 7, body: "Dear Morgan,\nThank you for telling us." });
    const [email] = await db().select().from(outboxMessages).where(eq(outboxMessages.complaintId, complaint.id));
    expect(email?.kind).toBe("staff_reply");
    expect(email?.textBody).toContain("Thank you for telling us.");
  });

  it("keeps the first response time of the first reply", async () => {
    const complaint = await createComplaint(db());
    const first = await sendReply(db(), agent, { complaintId: complaint.id, kind: "reply", text: "First", expectedVersion: complaint.version });
    const second = await sendReply(db(), agent, { complaintId: complaint.id, kind: "reply", text: "Second", expectedVersion: first.version });
    expect(second.firstResponseAt).toEqual(first.firstResponseAt);
    expect(second.minutesSpent).toBe(10);
  });

  it("refuses wording that admits fault, with the flags, and records nothing", async () => {
    const complaint = await createComplaint(db());
    const attempt = sendReply(db(), agent, { complaintId: complaint.id, kind: "apology", text: "We are so sorry, it was our fault.", expectedVersion: complaint.version });
    await expect(attempt).rejects.toBeInstanceOf(BlameLanguageError);
    const error = (await attempt.catch((e: unknown) => e)) as BlameLanguageError;
    expect(error.flags.map((f) => [f.kind, f.match])).toEqual([["fault_admission", "our fault"]]);
    expect(await eventsOf(complaint.id)).toHaveLength(0);
  });

  it("sends anyway with a reason, keeping the override in the event", async () => {
    const complaint = await createComplaint(db());
    const text = "I'm sorry, our installer messed it up.";
    await expect(
      sendReply(db(), agent, { complaintId: complaint.id, kind: "apology", text, sendAnyway: true, overrideReason: "short", expectedVersion: complaint.version }),
    ).rejects.toMatchObject({ fieldErrors: { overrideReason: expect.any(String) } });
    await sendReply(db(), agent, {
      complaintId: complaint.id,
      kind: "apology",
      text,
      sendAnyway: true,
      overrideReason: "Customer saw it happen; denying it would be worse.",
      expectedVersion: complaint.version,
    });
    const [event] = await eventsOf(complaint.id);
    expect(event?.type).toBe("apology");
    expect(event?.data).toEqual({ blameOverride: { reason: "Customer saw it happen; denying it would be worse.", flags: ["blames_colleague"] } });
  });

  it("refuses a non-apology and blame of the customer, and an apology sent over the flags does not count as apologising", async () => {
    const complaint = await createComplaint(db());
    const text = "Sorry you feel that way, but you should have read the terms.";
    const error = (await sendReply(db(), agent, { complaintId: complaint.id, kind: "apology", text, expectedVersion: complaint.version }).catch((e: unknown) => e)) as BlameLanguageError;
    expect(error).toBeInstanceOf(BlameLanguageError);
    expect(error.flags.map((f) => f.kind)).toEqual(["non_apology", "blames_customer"]);
    expect(await eventsOf(complaint.id)).toHaveLength(0);

    const apologised = async () => {
      const { items } = await loadHandlingChecklist(db(), await reloadComplaint(db(), complaint.id), (d) => d.toISOString());
      return items.find((i) => i.key === "apologised")?.state;
    };
    const flagged = await sendReply(db(), agent, {
      complaintId: complaint.id,
      kind: "apology",
      text,
      sendAnyway: true,
      overrideReason: "The customer asked us to be blunt about the terms.",
      expectedVersion: complaint.version,
    });
    expect(await apologised()).toBe("warning");
    await sendReply(db(), agent, { complaintId: complaint.id, kind: "apology", text: "I'm sorry for the trouble this has caused you.", expectedVersion: flagged.version });
    expect(await apologised()).toBe("done");
  });

  it("allows admitting fault once a supervisor confirmed it as the service's", async () => {
    const supervisor = await createStaff(db(), { role: "supervisor" });
    const complaint = await createComplaint(db(), { values: { faultAttribution: "service", faultConfirmedAt: new Date(), faultConfirmedById: supervisor.id } });
    await sendReply(db(), agent, { complaintId: complaint.id, kind: "apology", text: "It was our fault and we are sorry.", expectedVersion: complaint.version });
    const [event] = await eventsOf(complaint.id);
    expect(event?.data).toEqual({});
  });

  it("gives the second of two replies from the same version a conflict", async () => {
    const complaint = await createComplaint(db());
    await sendReply(db(), agent, { complaintId: complaint.id, kind: "reply", text: "From Sam", expectedVersion: complaint.version });
    await expect(sendReply(db(), agent, { complaintId: complaint.id, kind: "reply", text: "From Alex", expectedVersion: complaint.version })).rejects.toBeInstanceOf(
      CaseConflictError,
    );
    expect(await eventsOf(complaint.id)).toHaveLength(1);
  });

  it("checks the text and the case", async () => {
    const complaint = await createComplaint(db());
    await expect(sendReply(db(), agent, { complaintId: complaint.id, kind: "reply", text: "   ", expectedVersion: 1 })).rejects.toMatchObject({
      fieldErrors: { text: "Write the message before sending." },
    });
    await expect(sendReply(db(), agent, { complaintId: complaint.id, kind: "reply", text: "x".repeat(5001), expectedVersion: 1 })).rejects.toMatchObject({
      fieldErrors: { text: "Keep the message under 5,000 characters; it is 5,001 now." },
    });
    const closed = await createComplaint(db(), { values: { status: "closed" } });
    await expect(sendReply(db(), agent, { complaintId: closed.id, kind: "reply", text: "Hello", expectedVersion: closed.version })).rejects.toBeInstanceOf(CaseRuleError);
  });

  it("refuses deactivated and unknown accounts", async () => {
    const complaint = await createComplaint(db());
    const gone = await createStaff(db(), { active: false });
    const input = { complaintId: complaint.id, kind: "reply" as const, text: "Hello", expectedVersion: complaint.version };
    await expect(sendReply(db(), gone, input)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(sendReply(db(), { id: "00000000-0000-4000-8000-00000000dead", role: "owner" }, input)).rejects.toBeInstanceOf(ForbiddenError);
    const rows = await db().select().from(complaintEvents).where(and(eq(complaintEvents.complaintId, complaint.id)));
    expect(rows).toHaveLength(0);
  });
});
