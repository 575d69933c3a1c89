import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { businessSettings, outboxMessages, processes, rootCauses } from "@/db/schema";
import { csvLine } from "@/lib/analytics/csv";
import { CaseRuleError } from "@/lib/cases/errors";
import { createComplaint, createStaff, type TestStaff } from "@/lib/cases/actions/test-fixture";
import { generateReference } from "@/lib/complaints/reference";
import { enqueueDailyDigests } from "@/lib/reminders/digest";
import { countDueForStaff } from "@/lib/reminders/due";
import { describeEachDatabase } from "@/test/databases";
import { cancelCorrectiveAction, markCorrectiveActionDone, openCorrectiveAction } from "./actions";
import { describeDueAction, dueActionsForOwner } from "./due";
import { ACTIONS_CSV_HEADER, actionCsvRows } from "./export";
import { openActionHref } from "./links";
import { complaintsForFilters, linkComplaintsByReference } from "./prefill";
import { listCorrectiveActions, loadCorrectiveAction } from "./queries";

const unique = () => randomBytes(4).toString("hex");
const DAY = 86_400_000;

describeEachDatabase("the fix loop around corrective actions", ({ db }) => {
  let owner: TestStaff;
  let causeId: string;
  let processId: string;

  beforeAll(async () => {
    owner = await createStaff(db(), { role: "owner", name: "Olive Owner" });
    [{ id: causeId }] = (await db().insert(rootCauses).values({ name: `Wrong part ${unique()}` }).returning({ id: rootCauses.id })) as [{ id: string }];
    [{ id: processId }] = (await db().insert(processes).values({ name: `Installation ${unique()}` }).returning({ id: processes.id })) as [{ id: string }];
  });

  it("pre-links the complaints of the finding it was opened from: the case list's own filter", async () => {
    const inRange = await createComplaint(db(), { values: { rootCauseId: causeId, processId, receivedAt: new Date("2026-03-10T12:00:00Z") } });
    await createComplaint(db(), { values: { rootCauseId: causeId, processId, receivedAt: new Date("2026-01-10T12:00:00Z") } }); // before the range
    await createComplaint(db(), { values: { processId, receivedAt: new Date("2026-03-11T12:00:00Z") } }); // another cause
    const found = await complaintsForFilters(db(), { statuses: [], rootCause: causeId, from: "2026-03-01", to: "2026-03-31" }, "Europe/London");
    expect(found.total).toBe(1);
    expect(found.rows.map((r) => r.id)).toEqual([inRange.id]);
    // Analytics and the case list hand over their case-list query unchanged.
    expect(openActionHref(`/cases?from=2026-03-01&to=2026-03-31&rootCause=${causeId}`)).toBe(`/improvements/new?from=2026-03-01&to=2026-03-31&rootCause=${causeId}`);
  });

  it("links complaints by reference, refusing the whole list when one is unknown", async () => {
    const action = await openCorrectiveAction(db(), owner, { title: "Check parts before dispatch", ownerId: owner.id, dueOn: "2026-12-20", rootCauseId: causeId });
    const a = await createComplaint(db(), { values: { reference: generateReference() } });
    const b = await createComplaint(db(), { values: { reference: generateReference() } });
    const unknown = (await linkComplaintsByReference(db(), owner, action.id, `${a.reference}, CR-2222-2222`).catch((e: unknown) => e)) as CaseRuleError;
    expect(unknown).toBeInstanceOf(CaseRuleError);
    expect(unknown.fieldErrors.references).toBe("No complaint has the reference CR-2222-2222.");
    expect(await linkComplaintsByReference(db(), owner, action.id, `${a.reference.toLowerCase()} ${b.reference}`)).toBe(2);
    expect(await linkComplaintsByReference(db(), owner, action.id, a.reference)).toBe(0);
    const detail = await loadCorrectiveAction(db(), action.id, "2026-12-01");
    expect(detail!.complaints.map((c) => c.reference).sort()).toEqual([a.reference, b.reference].sort());
  });

  it("puts an owner's overdue and due-this-week actions in What's due and in the digest; not done or far-off ones", async () => {
    const mine = await createStaff(db(), { role: "supervisor", name: "Sam Supervisor" });
    const base = { ownerId: mine.id, rootCauseId: causeId };
    const overdue = await openCorrectiveAction(db(), owner, { ...base, title: "Retrain the fitters", dueOn: "2026-03-01" });
    const soon = await openCorrectiveAction(db(), owner, { ...base, title: "New checklist for vans", dueOn: "2026-03-12" });
    await openCorrectiveAction(db(), owner, { ...base, title: "Later: review suppliers", dueOn: "2026-04-30" });
    const cancelled = await openCorrectiveAction(db(), owner, { ...base, title: "Dropped idea for parts", dueOn: "2026-03-02" });
    await cancelCorrectiveAction(db(), owner, cancelled.id, { reason: "Supplier already fixed their labels." });

    const due = await dueActionsForOwner(db(), mine.id, "2026-03-08");
    expect(due.map((d) => [d.id, d.overdue])).toEqual([
      [overdue.id, true],
      [soon.id, false],
    ]);
    expect(describeDueAction(due[0]!)).toBe("Overdue since 1 Mar 2026: corrective action “Retrain the fitters”");

    await db().update(businessSettings).set({ timeZone: "Europe/London" });
    await enqueueDailyDigests(db(), { now: new Date("2026-03-08T09:00:00Z"), mailConfigured: true, baseUrl: "https://x.test" });
    const [digest] = await db().select().from(outboxMessages).where(eq(outboxMessages.staffUserId, mine.id));
    expect(digest!.textBody).toContain("Overdue since 1 Mar 2026: corrective action “Retrain the fitters”");
    expect(digest!.textBody).toContain("Due 12 Mar 2026: corrective action “New checklist for vans”");
    expect(digest!.textBody).not.toContain("review suppliers");
    expect(digest!.subject).toBe("What's due today: 2");
  });

  it("counts the owner's due and overdue actions in the What's due badge, not far-off or done ones", async () => {
    const agent = await createStaff(db(), { role: "agent", name: "Ada Agent" });
    const now = new Date("2026-03-25T12:00:00Z");
    const before = await countDueForStaff(db(), agent, now);
    await openCorrectiveAction(db(), owner, { title: "Overdue fix", ownerId: agent.id, dueOn: "2026-03-20", processId });
    await openCorrectiveAction(db(), owner, { title: "Due this week", ownerId: agent.id, dueOn: "2026-03-28", processId });
    await openCorrectiveAction(db(), owner, { title: "Far off", ownerId: agent.id, dueOn: "2026-06-01", processId });
    const done = await openCorrectiveAction(db(), owner, { title: "Done already", ownerId: agent.id, dueOn: "2026-03-21", processId });
    await markCorrectiveActionDone(db(), owner, done.id, { doneNote: "Changed the installation checklist." }, now);
    const after = await countDueForStaff(db(), agent, now);
    expect(after.total - before.total).toBe(2);
    expect(after.overdue - before.overdue).toBe(1);
  });

  it("exports the actions as the list shows them, with text that could run as a formula neutralised", async () => {
    const evil = await openCorrectiveAction(db(), owner, { title: "=HYPERLINK(\"http://x\")", ownerId: owner.id, dueOn: "2026-03-20", processId });
    await markCorrectiveActionDone(db(), owner, evil.id, { doneNote: "Changed the installation checklist." }, new Date(Date.now() - 20 * DAY));
    const rows = actionCsvRows(await listCorrectiveActions(db(), "2026-03-25", eq(processes.id, processId)));
    expect(ACTIONS_CSV_HEADER).toContain("Recurrences since done");
    const line = csvLine(rows.find((r) => String(r[0]).includes("HYPERLINK"))!);
    expect(line.startsWith(`"'=HYPERLINK(""http://x"")"`)).toBe(true);
    expect(line).toContain(",Done,Olive Owner,2026-03-20,");
  });
});
