import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { correctiveActionEvents, processes, processVolumes, rootCauses } from "@/db/schema";
import { CaseRuleError, ForbiddenError } from "@/lib/cases/errors";
import { createComplaint, createStaff, type TestStaff } from "@/lib/cases/actions/test-fixture";
import { describeEachDatabase } from "@/test/databases";
import {
  cancelCorrectiveAction,
  editCorrectiveAction,
  linkComplaints,
  markCorrectiveActionDone,
  openCorrectiveAction,
  reopenCorrectiveAction,
  unlinkComplaints,
} from "./actions";
import { listCorrectiveActions, loadCorrectiveAction, recurrenceWarnings } from "./queries";

const DAY = 86_400_000;
const unique = () => randomBytes(4).toString("hex");

describeEachDatabase("corrective actions", ({ db }) => {
  let owner: TestStaff;
  let agent: TestStaff;
  let causeId: string;
  let processId: string;

  beforeAll(async () => {
    owner = await createStaff(db(), { role: "owner", name: "Olive Owner" });
    agent = await createStaff(db(), { role: "agent" });
    [{ id: causeId }] = (await db().insert(rootCauses).values({ name: `Late van ${unique()}` }).returning({ id: rootCauses.id })) as [{ id: string }];
    [{ id: processId }] = (await db().insert(processes).values({ name: `Delivery ${unique()}` }).returning({ id: processes.id })) as [{ id: string }];
  });

  const base = () => ({ title: "Add a second delivery van", ownerId: owner.id, dueOn: "2026-12-20", rootCauseId: causeId });

  it("opens an action with its complaints and records it on the trail", async () => {
    const a = await createComplaint(db(), { values: { rootCauseId: causeId } });
    const b = await createComplaint(db(), { values: { rootCauseId: causeId } });
    const action = await openCorrectiveAction(db(), owner, { ...base(), complaintIds: [a.id, b.id, a.id] });
    const detail = await loadCorrectiveAction(db(), action.id, "2026-12-02");
    expect(detail).toMatchObject({ title: "Add a second delivery van", status: "open", group: "open", ownerName: "Olive Owner", linkedComplaints: 2 });
    expect(detail!.complaints.map((c) => c.id).sort()).toEqual([a.id, b.id].sort());
    expect(detail!.trail.map((t) => t.type)).toEqual(["opened"]);
    expect(detail!.trail[0]!.detail).toMatchObject({ linked: 2 });
  });

  it("refuses bad input with specific messages and stores nothing", async () => {
    const before = await db().$count(correctiveActionEvents);
    const refusal = (await openCorrectiveAction(db(), owner, { title: "x", ownerId: "nope", dueOn: "2026-02-30" }).catch((e: unknown) => e)) as CaseRuleError;
    expect(refusal).toBeInstanceOf(CaseRuleError);
    expect(refusal.fieldErrors).toMatchObject({
      title: "Say in a few words what will change (at least 5 characters).",
      ownerId: "Choose who owns this action.",
      dueOn: "That is not a real date.",
    });
    const noTarget = (await openCorrectiveAction(db(), owner, { ...base(), rootCauseId: "" }).catch((e: unknown) => e)) as CaseRuleError;
    expect(noTarget.fieldErrors.rootCauseId).toBe("Choose the root cause or the process this action fixes (or both).");
    const inactive = await createStaff(db(), { role: "supervisor", active: false });
    const badOwner = (await openCorrectiveAction(db(), owner, { ...base(), ownerId: inactive.id }).catch((e: unknown) => e)) as CaseRuleError;
    expect(badOwner.fieldErrors.ownerId).toBe("Choose an active staff member to own this action.");
    expect(await db().$count(correctiveActionEvents)).toBe(before);
  });

  it("lets only supervisors and owners manage actions", async () => {
    await expect(openCorrectiveAction(db(), agent, base())).rejects.toBeInstanceOf(ForbiddenError);
    const action = await openCorrectiveAction(db(), owner, base());
    await expect(markCorrectiveActionDone(db(), agent, action.id, { doneNote: "Bought a second van for the route." })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("edits an open action and records what changed; links and unlinks complaints", async () => {
    const action = await openCorrectiveAction(db(), owner, base());
    await editCorrectiveAction(db(), owner, action.id, { ...base(), dueOn: "2027-01-10", processId });
    const c = await createComplaint(db());
    expect(await linkComplaints(db(), owner, action.id, [c.id])).toBe(1);
    expect(await linkComplaints(db(), owner, action.id, [c.id])).toBe(0);
    expect(await unlinkComplaints(db(), owner, action.id, [c.id])).toBe(1);
    const detail = await loadCorrectiveAction(db(), action.id, "2026-12-02");
    expect(detail!.dueOn).toBe("2027-01-10");
    expect(detail!.trail.map((t) => t.type)).toEqual(["complaints_unlinked", "complaints_linked", "edited", "opened"]);
    expect(detail!.trail[2]!.detail).toEqual({ changed: { dueOn: { from: "2026-12-20", to: "2027-01-10" }, processId: { from: null, to: processId } } });
  });

  it("groups overdue, open, done and cancelled; cancelling needs a reason; done needs what changed", async () => {
    const overdue = await openCorrectiveAction(db(), owner, { ...base(), title: `Overdue ${unique()}`, dueOn: "2026-11-01" });
    const cancelled = await openCorrectiveAction(db(), owner, { ...base(), title: `Cancelled ${unique()}` });
    await expect(cancelCorrectiveAction(db(), owner, cancelled.id, { reason: "no" })).rejects.toMatchObject({ fieldErrors: { reason: "Say why this action is cancelled (at least 10 characters)." } });
    await cancelCorrectiveAction(db(), owner, cancelled.id, { reason: "The supplier fixed the route themselves." });
    const done = await openCorrectiveAction(db(), owner, { ...base(), title: `Done ${unique()}` });
    await expect(markCorrectiveActionDone(db(), owner, done.id, { doneNote: "short" })).rejects.toMatchObject({ fieldErrors: { doneNote: "Say what was changed (at least 10 characters)." } });
    await expect(markCorrectiveActionDone(db(), owner, done.id, { doneNote: "Second van on the route.", doneAt: new Date(Date.now() + DAY) })).rejects.toMatchObject({
      fieldErrors: { doneAt: expect.stringContaining("future") },
    });
    await markCorrectiveActionDone(db(), owner, done.id, { doneNote: "Second van on the route." });
    await expect(cancelCorrectiveAction(db(), owner, done.id, { reason: "Changed our minds about it." })).rejects.toBeInstanceOf(CaseRuleError);

    const groups = Object.fromEntries((await listCorrectiveActions(db(), "2026-12-02")).map((a) => [a.id, a.group]));
    expect(groups[overdue.id]).toBe("overdue");
    expect(groups[cancelled.id]).toBe("cancelled");
    expect(groups[done.id]).toBe("done");

    await reopenCorrectiveAction(db(), owner, done.id, { reason: "The second van was withdrawn." });
    const reopened = await loadCorrectiveAction(db(), done.id, "2026-12-02");
    expect(reopened).toMatchObject({ status: "open", doneAt: null, doneNote: null });
    expect(reopened!.trail.map((t) => t.type)).toEqual(["reopened", "done", "opened"]);
  });

  it("keeps the trail immutable", async () => {
    const action = await openCorrectiveAction(db(), owner, base());
    await expect(db().update(correctiveActionEvents).set({ type: "edited" }).where(eq(correctiveActionEvents.correctiveActionId, action.id))).rejects.toThrow();
    await expect(db().execute(sql`delete from corrective_action_events where corrective_action_id = ${action.id}`)).rejects.toThrow();
  });

  describe("before and after", () => {
    /** Complaints for a fresh cause at the given days relative to now (negative: in the past). */
    async function causeWithComplaints(daysAgo: number[]): Promise<string> {
      const [cause] = await db().insert(rootCauses).values({ name: `Cause ${unique()}` }).returning({ id: rootCauses.id });
      for (const d of daysAgo) await createComplaint(db(), { values: { rootCauseId: cause!.id, receivedAt: new Date(Date.now() - d * DAY) } });
      return cause!.id;
    }
    const spread = (count: number, from: number, to: number) => Array.from({ length: count }, (_, i) => from - ((from - to) * (i + 0.5)) / count);

    it("shows that a fix worked when the rate falls clearly, counts recurrences and warns on the new case", async () => {
      // Done 60 days ago: 30 complaints in the 60 days before it, 4 in the 60 days since.
      const cause = await causeWithComplaints([...spread(30, 120, 60), ...spread(4, 60, 0)]);
      const action = await openCorrectiveAction(db(), owner, { ...base(), rootCauseId: cause });
      await markCorrectiveActionDone(db(), owner, action.id, { doneNote: "New packaging for glassware.", doneAt: new Date(Date.now() - 60 * DAY) });
      const detail = await loadCorrectiveAction(db(), action.id, "2026-12-02");
      expect(detail!.effect).toMatchObject({ verdict: "worked", windowDays: 60, before: 30, after: 4 });
      expect(detail!.effect!.headline).toMatch(/^It worked: 30 complaints in the 60 days before, 4 complaints in the 60 days after/);
      expect(detail!.effect!.weekly.reduce((n, w) => n + w.complaints, 0)).toBe(34);
      expect(detail!.recurrences).toBe(4);

      const recurrence = await createComplaint(db(), { values: { rootCauseId: cause } });
      expect(await recurrenceWarnings(db(), recurrence)).toEqual([{ id: action.id, title: action.title, doneAt: expect.any(Date) }]);
      const older = await createComplaint(db(), { values: { rootCauseId: cause, receivedAt: new Date(Date.now() - 90 * DAY) } });
      expect(await recurrenceWarnings(db(), older)).toEqual([]);
    });

    it("says there is no clear change when the rate holds", async () => {
      const cause = await causeWithComplaints([...spread(12, 120, 60), ...spread(11, 60, 0)]);
      const action = await openCorrectiveAction(db(), owner, { ...base(), rootCauseId: cause });
      await markCorrectiveActionDone(db(), owner, action.id, { doneNote: "Retrained the night shift.", doneAt: new Date(Date.now() - 60 * DAY) });
      const effect = (await loadCorrectiveAction(db(), action.id, "2026-12-02"))!.effect!;
      expect(effect).toMatchObject({ verdict: "no_clear_change", before: 12, after: 11 });
      // The headline is what the action's page shows as its verdict (data-testid="fix-verdict").
      expect(effect.headline).toMatch(/^No clear change yet: 12 complaints in the 60 days before, 11 complaints in the 60 days after, 0\.92 times the rate before \(95% range 0\.\d+–\d\.\d\), which chance alone could explain\.$/);
    });

    it("compares per unit of work when volumes cover both windows: flat counts, doubled work, the rate falls", async () => {
      // Done on the first of the month three months ago, so both 90-day windows are complete.
      const today = new Date();
      const month = (offset: number) => new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + offset, 1));
      const doneAt = month(-3);
      const [proc] = await db().insert(processes).values({ name: `Fitting ${unique()}` }).returning({ id: processes.id });
      const at = (days: number) => new Date(doneAt.getTime() + days * DAY);
      for (const d of [...spread(30, -90, 0), ...spread(30, 0, 90)]) await createComplaint(db(), { values: { processId: proc!.id, receivedAt: at(d) } });
      const action = await openCorrectiveAction(db(), owner, { ...base(), rootCauseId: undefined, processId: proc!.id });
      await markCorrectiveActionDone(db(), owner, action.id, { doneNote: "Booked fitters by postcode.", doneAt });

      const withoutVolumes = (await loadCorrectiveAction(db(), action.id, "2026-12-02"))!.effect!;
      expect(withoutVolumes).toMatchObject({ verdict: "no_clear_change", comparedPer: "window", before: 30, after: 30, volumes: null });
      expect(withoutVolumes.volumesMissing).toBe("Work volumes are missing for the before and after windows: enter them under Settings › Volumes to compare per unit of work.");

      // 1,000 units a month before the change, 2,000 a month from it on.
      const rows = [-7, -6, -5, -4].map((o) => ({ processId: proc!.id, month: month(o).toISOString().slice(0, 10), units: 1000 }));
      await db().insert(processVolumes).values(rows);
      const halfCovered = (await loadCorrectiveAction(db(), action.id, "2026-12-02"))!.effect!;
      expect(halfCovered.volumesMissing).toMatch(/missing for the after window:/);
      expect(halfCovered.comparedPer).toBe("window");

      await db().insert(processVolumes).values([-3, -2, -1, 0].map((o) => ({ processId: proc!.id, month: month(o).toISOString().slice(0, 10), units: 2000 })));
      const effect = (await loadCorrectiveAction(db(), action.id, "2026-12-02"))!.effect!;
      expect(effect).toMatchObject({ verdict: "worked", comparedPer: "work unit", before: 30, after: 30, volumesMissing: null });
      // Prorated by days of overlap / days in month: 90 days of 1,000 a month is about 2,960 units.
      expect(effect.volumes!.before).toBeGreaterThan(2900);
      expect(effect.volumes!.before).toBeLessThan(3000);
      expect(effect.volumes!.after / effect.volumes!.before).toBeCloseTo(2, 1);
      expect(effect.rateRatio!.estimate).toBeCloseTo(0.5, 1);
      expect(effect.headline).toMatch(/^It worked/);
    });

    it("says it is too early to tell a week after the change", async () => {
      const cause = await causeWithComplaints([...spread(20, 7, 0.1)]);
      const action = await openCorrectiveAction(db(), owner, { ...base(), rootCauseId: cause });
      await markCorrectiveActionDone(db(), owner, action.id, { doneNote: "Moved the booking cut-off to noon.", doneAt: new Date(Date.now() - 7 * DAY) });
      const effect = (await loadCorrectiveAction(db(), action.id, "2026-12-02"))!.effect!;
      expect(effect.verdict).toBe("too_early");
      expect(effect.missing).toEqual(["21 more days since the change (7 of 28)"]);
      expect(effect.headline).toBe("Too early to tell: 21 more days since the change (7 of 28) needed.");
    });
  });
});
