import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { complaintEvents, promises, severityTargets } from "@/db/schema";
import { describeEachDatabase } from "@/test/databases";
import { ForbiddenError, type CaseRuleError } from "../errors";
import { assessSeverity } from "./assess";
import { assignCase } from "./assign";
import { loadHandlingChecklist } from "./handling";
import { judgeRequest } from "./judge";
import { changeStatus } from "./status";
import { createComplaint, createStaff, reloadComplaint } from "./test-fixture";

const HOUR = 3_600_000;

describeEachDatabase("assessment, assignment and judgement", ({ db }) => {
  const eventsOf = (complaintId: string) => db().select().from(complaintEvents).where(eq(complaintEvents.complaintId, complaintId)).orderBy(complaintEvents.id);

  it("assessing sets the severity and the first-response deadline from the owner's targets, without changing status", async () => {
    await db().update(severityTargets).set({ firstResponseHours: 3 }).where(eq(severityTargets.severity, "high"));
    const agent = await createStaff(db());
    const receivedAt = new Date(Date.now() - 10 * HOUR);
    const c = await createComplaint(db(), { values: { receivedAt } });
    const assessed = await assessSeverity(db(), agent, { complaintId: c.id, expectedVersion: c.version, severity: "high" });
    expect(assessed.severity).toBe("high");
    expect(assessed.status).toBe("new");
    expect(assessed.firstResponseAt).toBeNull();
    expect(assessed.firstResponseDueAt?.getTime()).toBe(receivedAt.getTime() + 3 * HOUR);
    expect(assessed.minutesSpent).toBe(3);

    const again = await assessSeverity(db(), agent, { complaintId: c.id, expectedVersion: assessed.version, severity: "low" });
    expect(again.severity).toBe("low");
    const events = await eventsOf(c.id);
    expect(events.map((e) => [e.type, e.visibility, e.data])).toEqual([
      ["assessed", "internal", { severity: "high", previousSeverity: null }],
      ["assessed", "internal", { severity: "low", previousSeverity: "high" }],
    ]);
    await expect(assessSeverity(db(), agent, { complaintId: c.id, expectedVersion: again.version, severity: "low" })).rejects.toThrow(
      "The case is already assessed as low severity.",
    );
  });

  it("claims, takes over and reassigns, recording who had it before", async () => {
    const [a, b] = [await createStaff(db()), await createStaff(db(), { role: "supervisor" })];
    const c = await createComplaint(db());
    const claimed = await assignCase(db(), a, { complaintId: c.id, expectedVersion: c.version, assigneeId: a.id });
    const taken = await assignCase(db(), b, { complaintId: c.id, expectedVersion: claimed.version, assigneeId: b.id });
    expect(taken.assigneeId).toBe(b.id);
    const events = await eventsOf(c.id);
    expect(events.map((e) => e.data)).toEqual([
      { assigneeId: a.id, assigneeName: a.name, previousAssigneeId: null },
      { assigneeId: b.id, assigneeName: b.name, previousAssigneeId: a.id },
    ]);
    expect(events.every((e) => e.visibility === "internal")).toBe(true);
    await expect(assignCase(db(), b, { complaintId: c.id, expectedVersion: taken.version, assigneeId: b.id })).rejects.toThrow(
      "The case is already assigned to you.",
    );
  });

  it("refuses to assign to an inactive staff member", async () => {
    const agent = await createStaff(db());
    const gone = await createStaff(db(), { active: false });
    const c = await createComplaint(db());
    const error = (await assignCase(db(), agent, { complaintId: c.id, expectedVersion: c.version, assigneeId: gone.id }).catch((e: unknown) => e)) as CaseRuleError;
    expect(error.fieldErrors).toEqual({ assigneeId: "Choose an active staff member." });
    expect((await reloadComplaint(db(), c.id)).assigneeId).toBeNull();
  });

  it("judges the request with a required reason; re-judging adds an event", async () => {
    const agent = await createStaff(db());
    const c = await createComplaint(db());
    const short = (await judgeRequest(db(), agent, { complaintId: c.id, expectedVersion: c.version, judgement: "partly", reason: " x " }).catch(
      (e: unknown) => e,
    )) as CaseRuleError;
    expect(short.fieldErrors.reason).toBe("Enter the reason (at least 3 characters).");
    const long = (await judgeRequest(db(), agent, { complaintId: c.id, expectedVersion: c.version, judgement: "partly", reason: "x".repeat(1001) }).catch(
      (e: unknown) => e,
    )) as CaseRuleError;
    expect(long.fieldErrors.reason).toBe("Keep the reason under 1000 characters.");

    const judged = await judgeRequest(db(), agent, { complaintId: c.id, expectedVersion: c.version, judgement: "partly", reason: "Tap fix yes, compensation no" });
    expect(judged).toMatchObject({ requestJudgement: "partly", requestJudgementReason: "Tap fix yes, compensation no" });
    const rejudged = await judgeRequest(db(), agent, { complaintId: c.id, expectedVersion: judged.version, judgement: "reasonable", reason: "The fitter never came back" });
    expect(rejudged.requestJudgement).toBe("reasonable");
    const events = await eventsOf(c.id);
    expect(events.map((e) => [e.type, e.visibility, (e.data as { judgement: string }).judgement])).toEqual([
      ["request_judged", "internal", "partly"],
      ["request_judged", "internal", "reasonable"],
    ]);
  });

  it("refuses a deactivated account in every action, not only those that used to check (updateCase checks)", async () => {
    const gone = await createStaff(db(), { role: "owner", active: false });
    const c = await createComplaint(db());
    const ref = { complaintId: c.id, expectedVersion: c.version };
    await expect(assessSeverity(db(), gone, { ...ref, severity: "high" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(assignCase(db(), gone, { ...ref, assigneeId: gone.id })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(judgeRequest(db(), gone, { ...ref, judgement: "reasonable", reason: "Fair ask" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(changeStatus(db(), gone, { ...ref, to: "acknowledged" })).rejects.toBeInstanceOf(ForbiddenError);
    const after = await reloadComplaint(db(), c.id);
    expect([after.version, after.severity, after.assigneeId, after.requestJudgement, after.status]).toEqual([c.version, null, null, null, "new"]);
    expect(await eventsOf(c.id)).toEqual([]);
  });

  it("keeps a closed case as it was", async () => {
    const agent = await createStaff(db());
    const c = await createComplaint(db(), { values: { status: "closed" } });
    await expect(assessSeverity(db(), agent, { complaintId: c.id, expectedVersion: c.version, severity: "high" })).rejects.toThrow(
      "This case is closed. Reopen it before you change its severity.",
    );
    await expect(judgeRequest(db(), agent, { complaintId: c.id, expectedVersion: c.version, judgement: "reasonable", reason: "fine" })).rejects.toThrow(/closed/);
  });

  it("the checklist counts events by type, written call summaries apart, and promises by state", async () => {
    const agent = await createStaff(db());
    const c = await createComplaint(db());
    const judged = await judgeRequest(db(), agent, { complaintId: c.id, expectedVersion: c.version, judgement: "reasonable", reason: "Fair ask" });
    const event = { complaintId: c.id, actorKind: "staff" as const, actorId: agent.id };
    await db().insert(complaintEvents).values([
      { ...event, type: "call_logged", visibility: "internal", body: "Called" },
      { ...event, type: "call_logged", visibility: "internal", body: "Called again" },
      { ...event, type: "message", visibility: "customer", body: "Further to our call", data: { kind: "call_summary", callEventId: 1 } },
      { ...event, type: "message", visibility: "customer", body: "An ordinary reply" },
    ]);
    await db().insert(promises).values([
      { complaintId: c.id, text: "Call back", dueAt: new Date(Date.now() - HOUR) },
      { complaintId: c.id, text: "Send part", dueAt: new Date(Date.now() + 48 * HOUR) },
      { complaintId: c.id, text: "Refund", dueAt: new Date(Date.now() - HOUR), keptAt: new Date() },
    ]);
    const { items, counts } = await loadHandlingChecklist(db(), judged, (d) => d.toISOString());
    expect(counts).toMatchObject({ call_logged: 2, call_summary: 1, message: 1, request_judged: 1 });
    const byKey = Object.fromEntries(items.map((i) => [i.key, i]));
    expect(byKey.judged).toMatchObject({ state: "done", detail: "Reasonable" });
    expect(byKey.call_summaries).toMatchObject({ state: "todo", detail: "1 call without a written summary" });
    expect(byKey.promises).toMatchObject({ state: "warning", detail: "1 broken, 1 kept, 1 open" });
  });
});
