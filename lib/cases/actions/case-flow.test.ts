import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, complaintEvents, complaints, processes, promises, rootCauses } from "@/db/schema";
import { answerAsCustomer } from "@/lib/complaints/customer-responses";
import { fileComplaint } from "@/lib/complaints/intake";
import { parseIntake } from "@/lib/complaints/intake-schema";
import { getTrackingView } from "@/lib/complaints/tracking";
import { customerNeedsAttention } from "@/lib/reminders/attention";
import { describeEachDatabase } from "@/test/databases";
import { ForbiddenError } from "../errors";
import { loadHandlingChecklist } from "./handling";
import { BlameLanguageError } from "./conversation-common";
import { confirmFault } from "./confirm-fault";
import { keepPromise } from "./promise";
import { sendReply } from "./reply";
import { proposeResolution } from "./resolution";
import { approveFlaggedApology, reviewFault } from "./supervisor-review";
import { createComplaint, createStaff, reloadComplaint, type TestStaff } from "./test-fixture";

/**
 * Issue 13's workflow rules, end to end through the domain: a flagged apology counts once a
 * supervisor approves it; the customer's agreement moves the case on; a plan is proposed in one
 * step or kept as a draft the customer never sees; a supervisor changes or rejects the fault and
 * the blame check follows.
 */
describeEachDatabase("case workflow: approval, agreement, one-step proposal, fault review", ({ db }) => {
  let agent: TestStaff;
  let supervisor: TestStaff;
  let ids: { processId: string; rootCauseId: string };
  beforeAll(async () => {
    agent = await createStaff(db(), { role: "agent", name: "Alex Agent" });
    supervisor = await createStaff(db(), { role: "supervisor", name: "Sam Supervisor" });
    const [process] = await db().insert(processes).values({ name: "Flow installation" }).returning();
    const [cause] = await db().insert(rootCauses).values({ name: "Flow rushed job", defaultFault: "service" }).returning();
    ids = { processId: process!.id, rootCauseId: cause!.id };
  });

  const eventsOf = (id: string) => db().select().from(complaintEvents).where(eq(complaintEvents.complaintId, id)).orderBy(complaintEvents.id);
  const apologised = async (id: string) => (await loadHandlingChecklist(db(), await reloadComplaint(db(), id), String)).items.find((i) => i.key === "apologised")!;
  const auditsOf = (id: string) => db().select().from(auditLog).where(eq(auditLog.subjectId, id)).orderBy(auditLog.id);

  let n = 0;
  async function filed() {
    const parsed = parseIntake({ name: "Casey Flow", email: `flow${++n}@example.com`, processId: "not_sure", description: "The new kitchen tap drips." });
    if (parsed.kind !== "valid") throw new Error("bad intake");
    const result = await fileComplaint(db(), parsed.data, { channel: "web" });
    const [c] = await db().select().from(complaints).where(eq(complaints.reference, result.reference));
    return { token: result.trackingToken!, complaint: c! };
  }

  describe("A: a flagged apology", () => {
    it("does not count as apologising until a supervisor approves it (timeline + audit); agents cannot approve", async () => {
      const c = await createComplaint(db(), { values: { status: "investigating" } });
      const sent = await sendReply(db(), agent, {
        complaintId: c.id,
        kind: "apology",
        text: "We are sorry you feel that way about the fitting.",
        expectedVersion: c.version,
        sendAnyway: true,
        overrideReason: "The customer asked for exactly these words.",
      });
      expect((await apologised(c.id)).state).toBe("warning");
      const apology = (await eventsOf(c.id)).find((e) => e.type === "apology")!;

      await expect(approveFlaggedApology(db(), agent, { complaintId: c.id, apologyEventId: apology.id, expectedVersion: sent.version })).rejects.toBeInstanceOf(ForbiddenError);
      const approved = await approveFlaggedApology(db(), supervisor, { complaintId: c.id, apologyEventId: String(apology.id), expectedVersion: String(sent.version) });
      expect((await apologised(c.id)).state).toBe("done");
      expect((await eventsOf(c.id)).at(-1)).toMatchObject({ type: "apology_approved", visibility: "internal", actorId: supervisor.id, data: { apologyEventId: apology.id } });
      expect(await auditsOf(c.id)).toEqual([expect.objectContaining({ action: "case.apology_approved", staffId: supervisor.id })]);
      await expect(approveFlaggedApology(db(), supervisor, { complaintId: c.id, apologyEventId: apology.id, expectedVersion: approved.version })).rejects.toThrow(/already approved/);
    });

    it("refuses to approve anything but a flagged apology", async () => {
      const c = await createComplaint(db(), { values: { status: "investigating" } });
      const sent = await sendReply(db(), agent, { complaintId: c.id, kind: "apology", text: "I am sorry the tap still drips; that is not good enough.", expectedVersion: c.version });
      expect((await apologised(c.id)).state).toBe("done");
      const clean = (await eventsOf(c.id)).find((e) => e.type === "apology")!;
      await expect(approveFlaggedApology(db(), supervisor, { complaintId: c.id, apologyEventId: clean.id, expectedVersion: sent.version })).rejects.toThrow(/Only an apology sent over/);
    });
  });

  describe("B: the customer's agreement moves the case on", () => {
    async function proposed(options: { rootCause: boolean; promise: boolean }) {
      const { token, complaint } = await filed();
      await db()
        .update(complaints)
        .set({ assigneeId: agent.id, ...(options.rootCause ? { ...ids, faultAttribution: "external" as const } : {}) })
        .where(eq(complaints.id, complaint.id));
      const current = await reloadComplaint(db(), complaint.id);
      const plan = await proposeResolution(db(), agent, { complaintId: current.id, type: "repair", description: "A plumber will replace the cartridge.", source: "staff", expectedVersion: current.version });
      let promiseId: string | null = null;
      if (options.promise) {
        const [p] = await db().insert(promises).values({ complaintId: complaint.id, text: "The plumber comes on Friday", dueAt: new Date(Date.now() + 3 * 86_400_000) }).returning();
        promiseId = p!.id;
      }
      expect(plan.status).toBe("resolution_proposed");
      return { token, id: complaint.id, promiseId };
    }

    it("resolves the case when nothing promised is open, schedules the follow-up and tells the assignee", async () => {
      const { token, id } = await proposed({ rootCause: true, promise: false });
      expect(await answerAsCustomer(db(), token, { kind: "agree" })).toEqual({ ok: true });
      expect(await reloadComplaint(db(), id)).toMatchObject({ status: "resolved", customerAgreement: "agreed" });
      const types = (await eventsOf(id)).slice(-3).map((e) => [e.type, e.actorKind]);
      expect(types).toEqual([["customer_agreed", "customer"], ["status_changed", "customer"], ["follow_up_scheduled", "customer"]]);
      const view = (await getTrackingView(db(), token))!;
      expect(view.statusLabel).toBe("Resolved");
      expect(view.asks.rating.open).toBe(true);
      expect((await customerNeedsAttention(db(), [id])).get(id)).toMatchObject({ kind: "agreed", label: "Customer agreed with the resolution" });
    });

    it("carries out the plan while a promise is open, and resolves when the last one is kept", async () => {
      const { token, id, promiseId } = await proposed({ rootCause: true, promise: true });
      expect(await answerAsCustomer(db(), token, { kind: "agree" })).toEqual({ ok: true });
      expect(await reloadComplaint(db(), id)).toMatchObject({ status: "carrying_out", customerAgreement: "agreed" });
      const view = (await getTrackingView(db(), token))!;
      expect(view.statusLabel).toBe("Agreed: putting it right");
      expect(view.asks.proposal).toEqual({ open: false, answer: "agreed" });

      const kept = await keepPromise(db(), agent, { complaintId: id, promiseId: promiseId! });
      expect(kept.status).toBe("resolved");
      const last = (await eventsOf(id)).slice(-3).map((e) => e.type);
      expect(last).toEqual(["promise_kept", "status_changed", "follow_up_scheduled"]);
    });

    it("carries out the plan when the case cannot be resolved yet (no root cause)", async () => {
      const { token, id } = await proposed({ rootCause: false, promise: false });
      expect(await answerAsCustomer(db(), token, { kind: "agree" })).toEqual({ ok: true });
      expect((await reloadComplaint(db(), id)).status).toBe("carrying_out");
    });

    it("a disagreement reopens the work and says so to both sides", async () => {
      const { token, id } = await proposed({ rootCause: true, promise: false });
      expect(await answerAsCustomer(db(), token, { kind: "disagree", reason: "Friday is no good: I work away." })).toEqual({ ok: true });
      expect(await reloadComplaint(db(), id)).toMatchObject({ status: "investigating", customerAgreement: "disagreed" });
      expect((await getTrackingView(db(), token))!.statusLabel).toBe("Looking into it");
      expect((await customerNeedsAttention(db(), [id])).get(id)).toMatchObject({ kind: "disagreed" });
    });
  });

  describe("C: a plan recorded on a new case", () => {
    const plan = { type: "refund", description: "A full refund to your card.", source: "staff" } as const;

    it("is proposed in one step, walking the case to investigating first, each move on the timeline", async () => {
      const { token, complaint } = await filed();
      const after = await proposeResolution(db(), agent, { complaintId: complaint.id, ...plan, propose: "now", expectedVersion: complaint.version });
      expect(after.status).toBe("resolution_proposed");
      const events = (await eventsOf(complaint.id)).filter((e) => e.type !== "filed").map((e) => [e.type, e.visibility, e.data?.to ?? null]);
      expect(events).toEqual([
        ["resolution_proposed", "customer", null],
        ["status_changed", "customer", "investigating"],
        ["status_changed", "customer", "resolution_proposed"],
      ]);
      expect((await getTrackingView(db(), token))!.asks.proposal).toEqual({ open: true, answer: null });
    });

    it("kept as a draft, is internal: the customer sees no proposal and the status stays", async () => {
      const { token, complaint } = await filed();
      const after = await proposeResolution(db(), agent, { complaintId: complaint.id, ...plan, propose: "draft", expectedVersion: complaint.version });
      expect(after).toMatchObject({ status: "new", resolutionType: "refund" });
      expect((await eventsOf(complaint.id)).at(-1)).toMatchObject({ type: "resolution_proposed", visibility: "internal", data: { draft: true } });
      const view = (await getTrackingView(db(), token))!;
      expect(view.asks.proposal).toBeNull();
      expect(view.timeline.map((e) => e.type)).not.toContain("resolution_proposed");
      const checklist = (await loadHandlingChecklist(db(), after, String)).items.find((i) => i.key === "resolution")!;
      expect(checklist.state).toBe("todo");
    });
  });

  describe("D: a supervisor reviews the fault attribution", () => {
    async function withFault(fault: "customer" | "service") {
      const c = await createComplaint(db(), { values: { status: "investigating", ...ids, faultAttribution: fault } });
      return c;
    }
    const admission = "It was our fault: the fitter did not tighten the cartridge. We will come back on Friday.";

    it("changes it with a reason; the new attribution is confirmed and the blame check follows it", async () => {
      const c = await withFault("customer");
      await expect(sendReply(db(), agent, { complaintId: c.id, kind: "reply", text: admission, expectedVersion: c.version })).rejects.toBeInstanceOf(BlameLanguageError);
      await expect(reviewFault(db(), agent, { complaintId: c.id, decision: "change", faultAttribution: "service", reason: "The fitter's own notes say so.", expectedVersion: c.version })).rejects.toBeInstanceOf(
        ForbiddenError,
      );
      await expect(reviewFault(db(), supervisor, { complaintId: c.id, decision: "change", faultAttribution: "service", reason: "short", expectedVersion: c.version })).rejects.toMatchObject({
        fieldErrors: { reason: expect.any(String) },
      });
      const changed = await reviewFault(db(), supervisor, { complaintId: c.id, decision: "change", faultAttribution: "service", reason: "The fitter's own notes say so.", expectedVersion: c.version });
      expect(changed).toMatchObject({ faultAttribution: "service", faultConfirmedById: supervisor.id });
      expect(changed.faultConfirmedAt).not.toBeNull();
      expect((await eventsOf(c.id)).at(-1)).toMatchObject({ type: "fault_changed", visibility: "internal", body: "The fitter's own notes say so.", data: { from: "customer", to: "service" } });
      expect(await auditsOf(c.id)).toEqual([expect.objectContaining({ action: "case.fault_changed", detail: expect.objectContaining({ from: "customer", to: "service" }) })]);
      // Now confirmed as the service's: admitting it is allowed.
      await expect(sendReply(db(), agent, { complaintId: c.id, kind: "reply", text: admission, expectedVersion: changed.version })).resolves.toMatchObject({ status: "investigating" });
    });

    it("rejects it with a reason: cleared, confirmation withdrawn, admissions flagged again", async () => {
      const c = await withFault("service");
      const confirmed = await confirmFault(db(), supervisor, { complaintId: c.id, expectedVersion: c.version });
      await expect(reviewFault(db(), supervisor, { complaintId: c.id, decision: "reject", reason: "", expectedVersion: confirmed.version })).rejects.toMatchObject({
        fieldErrors: { reason: expect.any(String) },
      });
      const rejected = await reviewFault(db(), supervisor, { complaintId: c.id, decision: "reject", reason: "Nobody has looked at the fitter's notes yet.", expectedVersion: confirmed.version });
      expect(rejected).toMatchObject({ faultAttribution: null, faultConfirmedAt: null, faultConfirmedById: null });
      expect((await eventsOf(c.id)).at(-1)).toMatchObject({ type: "fault_rejected", body: "Nobody has looked at the fitter's notes yet.", data: { from: "service" } });
      expect((await auditsOf(c.id)).map((a) => a.action)).toEqual(["case.fault_confirmed", "case.fault_rejected"]);
      await expect(sendReply(db(), agent, { complaintId: c.id, kind: "reply", text: admission, expectedVersion: rejected.version })).rejects.toBeInstanceOf(BlameLanguageError);
    });

    it("will not reject the attribution of a resolved case (the figures need one), but changes it", async () => {
      const c = await createComplaint(db(), { values: { status: "resolved", ...ids, faultAttribution: "customer" } });
      await expect(reviewFault(db(), supervisor, { complaintId: c.id, decision: "reject", reason: "Nobody has checked this.", expectedVersion: c.version })).rejects.toThrow(/Change it instead/);
      const changed = await reviewFault(db(), supervisor, { complaintId: c.id, decision: "change", faultAttribution: "external", reason: "The supplier recalled the part.", expectedVersion: c.version });
      expect(changed.faultAttribution).toBe("external");
      const rows = await db().select().from(complaintEvents).where(and(eq(complaintEvents.complaintId, c.id), eq(complaintEvents.type, "fault_changed")));
      expect(rows).toHaveLength(1);
    });
  });
});
