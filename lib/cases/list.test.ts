import { beforeAll, expect, it } from "vitest";
import { complaints, followUps, processes, promises, rootCauses, type Complaint } from "@/db/schema";
import { generateReference } from "@/lib/complaints/reference";
import { describeEachDatabase } from "@/test/databases";
import { createComplaint, createCustomer, createStaff, type TestStaff } from "./actions/test-fixture";
import { listQueue, type QueueViewer } from "./list";
import { parseQueueParams, tabCountLabel, TAB_COUNT_CAP, type QueueFilters, type QueueQuery, type QueueView } from "./queue/params";

const NOW = new Date("2026-03-10T12:00:00Z");
const TZ = "Europe/London";
const at = (iso: string) => new Date(iso);

describeEachDatabase("case queue: views, filters, search, next steps", ({ db }) => {
  let ann: TestStaff, ben: TestStaff, sue: TestStaff;
  const c: Record<string, Complaint> = {};
  let delivery: string, billing: string, cause: string, bobId: string;

  beforeAll(async () => {
    ann = await createStaff(db(), { name: "Ann Agent" });
    ben = await createStaff(db(), { name: "Ben Agent" });
    sue = await createStaff(db(), { role: "supervisor", name: "Sue Supervisor" });
    const cara = await createCustomer(db(), { name: "Cara Whitfield", email: "Cara.W@Example.com", phone: "+44 7700 900123" });
    const bob = await createCustomer(db(), { name: "Bob Marsh", email: "bob@example.com" });
    bobId = bob.id;
    const idOf = (rows: Array<{ id: string }>) => rows[0]!.id;
    delivery = idOf(await db().insert(processes).values({ name: "Delivery" }).returning());
    billing = idOf(await db().insert(processes).values({ name: "Billing" }).returning());
    cause = idOf(await db().insert(rootCauses).values({ name: "Courier damage" }).returning());
    const make = async (name: string, customerId: string, values: Partial<typeof complaints.$inferInsert>) => {
      c[name] = await createComplaint(db(), {
        customerId,
        values: { reference: generateReference(), receivedAt: at("2026-03-05T09:00:00Z"), firstResponseAt: at("2026-03-05T10:00:00Z"), ...values },
      });
    };
    // Ann's: a broken promise; a late first response; a promise due tomorrow; a follow-up overdue.
    await make("brokenPromise", cara.id, { assigneeId: ann.id, status: "investigating", severity: "high", processId: delivery });
    await make("lateResponse", cara.id, {
      assigneeId: ann.id, status: "acknowledged", firstResponseAt: null, firstResponseDueAt: at("2026-03-10T10:00:00Z"),
    });
    await make("promiseTomorrow", bob.id, { assigneeId: ann.id, status: "awaiting_customer", severity: "low", channel: "phone" });
    await make("followUpLate", bob.id, { assigneeId: ann.id, status: "resolved", receivedAt: at("2026-02-20T09:00:00Z") });
    // Unassigned and new, words in the text; escalated and Ben's; closed, attributed, older.
    await make("unassigned", bob.id, {
      status: "new", firstResponseAt: null, firstResponseDueAt: at("2026-03-11T12:00:00Z"),
      description: "The dishwasher door hinge snapped on the second wash.", receivedAt: at("2026-03-09T23:30:00Z"),
    });
    await make("escalated", cara.id, { assigneeId: ben.id, status: "investigating", escalatedAt: at("2026-03-08T09:00:00Z") });
    await make("closed", bob.id, {
      assigneeId: ben.id, status: "closed", processId: billing, rootCauseId: cause, faultAttribution: "customer",
      channel: "email", receivedAt: at("2026-02-01T09:00:00Z"), externalId: "cfpb:3571115",
    });
    await db().insert(promises).values([
      { complaintId: c.brokenPromise!.id, text: "Call back", dueAt: at("2026-03-09T16:00:00Z") },
      { complaintId: c.brokenPromise!.id, text: "Send photos", dueAt: at("2026-03-09T17:00:00Z") },
      { complaintId: c.brokenPromise!.id, text: "Refund", dueAt: at("2026-03-20T17:00:00Z") },
      { complaintId: c.promiseTomorrow!.id, text: "Replacement", dueAt: at("2026-03-11T15:00:00Z") },
      { complaintId: c.closed!.id, text: "Old", dueAt: at("2026-02-02T15:00:00Z"), keptAt: at("2026-02-02T10:00:00Z") },
    ]);
    await db().insert(followUps).values({ complaintId: c.followUpLate!.id, dueAt: at("2026-03-08T09:00:00Z") });
  });

  const agent = (): QueueViewer => ({ id: ann.id, role: "agent" });
  const supervisor = (): QueueViewer => ({ id: sue.id, role: "supervisor" });
  const list = (viewer: QueueViewer, view: QueueView, filters: Partial<QueueFilters> = {}, sort: QueueQuery["sort"] = "newest") =>
    listQueue(db(), viewer, { view, sort, filters: { statuses: [], ...filters } }, { now: NOW, timeZone: TZ });
  const names = (items: Array<{ id: string }>) =>
    items.map((i) => Object.keys(c).find((k) => c[k]!.id === i.id)).sort();

  it("shows each view with its count from the same definitions", async () => {
    const mine = await list(agent(), "mine");
    expect(names(mine.items)).toEqual(["brokenPromise", "followUpLate", "lateResponse", "promiseTomorrow"]);
    expect(mine.counts).toEqual({ mine: 4, unassigned: 1, escalated: null, overdue: 3, all: 7 });
    expect(names((await list(agent(), "unassigned")).items)).toEqual(["unassigned"]);
    expect(names((await list(agent(), "overdue")).items)).toEqual(["brokenPromise", "followUpLate", "lateResponse"]);
    expect((await list(agent(), "all")).items).toHaveLength(7);
    const escalated = await list(supervisor(), "escalated");
    expect(names(escalated.items)).toEqual(["escalated"]);
    expect(escalated.counts.escalated).toBe(1);
  });

  it("never gives an agent the escalated view", async () => {
    const page = await list(agent(), "escalated");
    expect(page.view).toBe("mine");
    expect(page.views).not.toContain("escalated");
    expect(names(page.items)).not.toContain("escalated");
    const parsed = parseQueueParams({ view: "escalated" }, "agent");
    expect(parsed.view).toBe("mine");
    expect(parsed.notices[0]).toMatch(/for supervisors/);
    expect(parseQueueParams({ view: "escalated" }, "owner").view).toBe("escalated");
  });

  it("filters by status, process, assignee, channel, dates, root cause, fault and customer", async () => {
    const all = (filters: Partial<QueueFilters>) => list(supervisor(), "all", filters).then((p) => names(p.items));
    expect(await all({ statuses: ["new", "closed"] })).toEqual(["closed", "unassigned"]);
    expect(await all({ process: delivery })).toEqual(["brokenPromise"]);
    expect(await all({ process: "none" })).toHaveLength(5);
    expect(await all({ assignee: ben.id })).toEqual(["closed", "escalated"]);
    expect(await all({ assignee: "unassigned" })).toEqual(["unassigned"]);
    expect(await all({ channel: "phone" })).toEqual(["promiseTomorrow"]);
    // 23:30 UTC on 9 March is still 9 March in London (GMT); the "to" day is inclusive.
    expect(await all({ from: "2026-03-09", to: "2026-03-09" })).toEqual(["unassigned"]);
    expect(await all({ to: "2026-02-20" })).toEqual(["closed", "followUpLate"]);
    expect(await all({ rootCause: cause, fault: "customer" })).toEqual(["closed"]);
    expect(await all({ fault: "service" })).toEqual([]);
    expect(await all({ customer: bobId })).toEqual(["closed", "followUpLate", "promiseTomorrow", "unassigned"]);
  });

  it("counts tabs under the filters too", async () => {
    const page = await list(agent(), "all", { customer: bobId });
    expect(page.counts).toMatchObject({ mine: 2, unassigned: 1, overdue: 1, all: 4 });
  });

  it("searches by reference across views, by email, phone, name and words", async () => {
    const search = (q: string, view: QueueView = "all") => list(agent(), view, { q }).then((p) => ({ ...p, found: names(p.items) }));
    const byRef = await search(c.escalated!.reference.toLowerCase().replace(/-/g, " "), "mine");
    expect(byRef).toMatchObject({ byReference: true, found: ["escalated"] });
    expect((await search("  CARA.w@example.COM ")).found).toEqual(["brokenPromise", "escalated", "lateResponse"]);
    expect((await search("07700 900123")).found).toEqual([]); // a different number as typed
    expect((await search("+44 (7700) 900-123")).found).toEqual(["brokenPromise", "escalated", "lateResponse"]);
    expect((await search("whitf")).found).toEqual(["brokenPromise", "escalated", "lateResponse"]);
    expect((await search("bob")).found).toHaveLength(4);
    expect((await search("dishwashers hinge")).found).toEqual(["unassigned"]);
    expect((await search("50%_off")).found).toEqual([]);
    // Search combines with the view.
    expect((await search("bob", "mine")).found).toEqual(["followUpLate", "promiseTomorrow"]);
  });

  it("finds an imported complaint by its old system's id, with or without the source", async () => {
    const search = (q: string) => list(supervisor(), "all", { q }).then((p) => names(p.items));
    expect(await search("3571115")).toEqual(["closed"]);
    expect(await search("CFPB:3571115")).toEqual(["closed"]);
    expect(await search("357111")).toEqual([]);
    expect(await search("other:3571115")).toEqual([]);
  });

  it("tells each row what needs doing next, from one batch of facts", async () => {
    const page = await list(agent(), "mine");
    const byName = Object.fromEntries(page.items.map((i) => [names([i])[0], i]));
    expect(byName.brokenPromise).toMatchObject({ next: { kind: "promise_overdue", tone: "danger" }, overduePromises: 2 });
    expect(byName.lateResponse!.next).toMatchObject({ kind: "first_response_overdue", label: "First response overdue", tone: "danger" });
    expect(byName.promiseTomorrow!.next).toMatchObject({ label: "Promise due tomorrow", tone: "info" });
    expect(byName.followUpLate!.next).toMatchObject({ kind: "follow_up_due", tone: "warning" });
    const unassigned = (await list(agent(), "unassigned")).items[0]!;
    expect(unassigned.next).toMatchObject({ kind: "unassigned" });
    expect(unassigned.escalated).toBe(false);
  });

  it("ignores bad parameters with a notice and keeps the good ones", () => {
    const parsed = parseQueueParams(
      { status: ["new", "bogus"], process: "x", channel: "fax", from: "2026-13-01", fault: "service", to: "2026-01-01", rootCause: "nope" },
      "supervisor",
    );
    expect(parsed.filters).toEqual({ statuses: ["new"], fault: "service", to: "2026-01-01" });
    expect(parsed.notices).toHaveLength(5);
    expect(parsed.notices.join(" ")).toMatch(/status “bogus”.*process “x”.*channel “fax”.*received from “2026-13-01”.*root cause/);
    expect(parseQueueParams({ from: "2026-03-02", to: "2026-03-01" }, "agent").notices[0]).toMatch(/before the start date/);
    expect(parseQueueParams({}, "agent")).toMatchObject({ view: "all", sort: "newest", notices: [] });
    expect(parseQueueParams({ view: "mine" }, "agent").sort).toBe("due");
  });
  // Last: it adds a thousand cases the other tests would count.
  it("stops counting a tab past the cap and says so, instead of walking every case on each page view", async () => {
    const dan = await createStaff(db(), { name: "Dan Busy" });
    const customer = await createCustomer(db(), { name: "Many Cases" });
    await db()
      .insert(complaints)
      .values(
        Array.from({ length: TAB_COUNT_CAP + 5 }, (_, i) => ({
          reference: `TCAP${i}`, trackingTokenHash: `cap-${i}`, customerId: customer.id, assigneeId: dan.id, status: "investigating" as const,
          description: "One of many.", desiredOutcome: "An answer.", receivedAt: at("2026-03-01T09:00:00Z"), firstResponseAt: at("2026-03-01T10:00:00Z"),
        })),
      );
    const page = await list({ id: dan.id, role: "agent" }, "mine");
    expect(page.counts).toMatchObject({ mine: TAB_COUNT_CAP + 1, all: TAB_COUNT_CAP + 1, unassigned: 1 });
    expect(page.items).toHaveLength(25);
    expect(tabCountLabel(page.counts.mine!)).toBe("1,000+");
    expect(tabCountLabel(TAB_COUNT_CAP)).toBe("1,000");
    expect(tabCountLabel(7)).toBe("7");
  });
});
