import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { complaintEvents, outboxMessages } from "@/db/schema";
import { describeEachDatabase } from "@/test/databases";
import { CaseRuleError, ForbiddenError } from "../errors";
import { listCallsAwaitingSummary, logCall, sendCallSummary } from "./call";
import { BlameLanguageError } from "./conversation-common";
import { createComplaint, createStaff, reloadComplaint } from "./test-fixture";

describeEachDatabase("logCall and sendCallSummary", ({ db }) => {
  it("logs an internal call whose duration counts as time spent", async () => {
    const agent = await createStaff(db());
    const complaint = await createComplaint(db());
    const { callEventId } = await logCall(db(), agent, { complaintId: complaint.id, direction: "outbound", durationMinutes: 12, summary: "Agreed a visit on Friday." });
    const [event] = await db().select().from(complaintEvents).where(eq(complaintEvents.id, callEventId));
    expect(event).toMatchObject({ type: "call_logged", visibility: "internal", body: "Agreed a visit on Friday.", minutesSpent: 12, data: { direction: "outbound", durationMinutes: 12 } });
    const after = await reloadComplaint(db(), complaint.id);
    expect(after.minutesSpent).toBe(12);
    expect(after.firstResponseAt).toBeNull();
    expect((await listCallsAwaitingSummary(db(), complaint.id)).map((c) => c.id)).toEqual([callEventId]);
  });

  it("sends the written summary once, as a customer-visible message linked to the call", async () => {
    const agent = await createStaff(db());
    const complaint = await createComplaint(db());
    const { complaint: logged, callEventId } = await logCall(db(), agent, { complaintId: complaint.id, direction: "inbound", durationMinutes: 5, summary: "Visit Friday." });
    const letter = "Dear Morgan Lee,\n\nFurther to our conversation today, here is a summary of what we discussed:\n\nA fitter visits on Friday.\n\nKind regards,\nSam";
    const sent = await sendCallSummary(db(), agent, { complaintId: complaint.id, callEventId, text: letter, minutesSpent: 4, expectedVersion: logged.version });
    expect(sent.minutesSpent).toBe(9);
    expect(sent.firstResponseAt).not.toBeNull();
    const events = await db().select().from(complaintEvents).where(eq(complaintEvents.complaintId, complaint.id));
    expect(events.find((e) => e.type === "message")).toMatchObject({ visibility: "customer", body: letter, data: { callEventId, kind: "call_summary" } });
    const [email] = await db().select().from(outboxMessages).where(eq(outboxMessages.complaintId, complaint.id));
    expect(email?.kind).toBe("call_summary");
    expect(email?.textBody).toContain("A fitter visits on Friday.");
    expect(await listCallsAwaitingSummary(db(), complaint.id)).toEqual([]);

    await expect(sendCallSummary(db(), agent, { complaintId: complaint.id, callEventId, text: letter, expectedVersion: sent.version })).rejects.toThrow(
      "already been sent",
    );
  });

  it("applies the blame check to the summary and refuses a call from another case", async () => {
    const agent = await createStaff(db());
    const complaint = await createComplaint(db());
    const other = await createComplaint(db());
    const { complaint: logged, callEventId } = await logCall(db(), agent, { complaintId: complaint.id, direction: "inbound", durationMinutes: 5, summary: "Talked." });
    await expect(
      sendCallSummary(db(), agent, { complaintId: complaint.id, callEventId, text: "Our engineer damaged your floor.", expectedVersion: logged.version }),
    ).rejects.toBeInstanceOf(BlameLanguageError);
    await expect(sendCallSummary(db(), agent, { complaintId: other.id, callEventId, text: "Hello", expectedVersion: other.version })).rejects.toBeInstanceOf(
      CaseRuleError,
    );
  });

  it("checks the call's details and the account", async () => {
    const agent = await createStaff(db());
    const complaint = await createComplaint(db());
    await expect(logCall(db(), agent, { complaintId: complaint.id, direction: "sideways" as "inbound", durationMinutes: 0, summary: "" })).rejects.toMatchObject({
      fieldErrors: {
        direction: "Say whether the customer called you or you called them.",
        durationMinutes: "A call lasts at least 1 minute.",
        summary: "Write down what was said on the call.",
      },
    });
    await expect(logCall(db(), agent, { complaintId: complaint.id, direction: "inbound", durationMinutes: 601, summary: "x" })).rejects.toMatchObject({
      fieldErrors: { durationMinutes: "A call can be at most 600 minutes (10 hours)." },
    });
    const gone = await createStaff(db(), { active: false });
    await expect(logCall(db(), gone, { complaintId: complaint.id, direction: "inbound", durationMinutes: 3, summary: "x" })).rejects.toBeInstanceOf(ForbiddenError);
  });
});
