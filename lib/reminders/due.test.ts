import { eq, sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { businessSettings, complaintEvents, complaints, customers, followUps, outboxMessages, promises, staffUsers } from "@/db/schema";
import { describeEachDatabase } from "@/test/databases";
import { customerNeedsAttention } from "./attention";
import { enqueueDailyDigests } from "./digest";
import { countDueForStaff, getDueForStaff } from "./due";

// 11:00 in New York on the day clocks went forward (EDT, UTC-4).
const NOW = new Date("2026-03-08T15:00:00Z");
const at = (iso: string) => new Date(iso);

describeEachDatabase("what's due for a staff member", ({ db }) => {
  let agent: { id: string; role: "agent" };
  let supervisor: { id: string; role: "supervisor" };
  const ids: Record<string, string> = {};

  async function complaint(ref: string, values: Partial<typeof complaints.$inferInsert> = {}) {
    const [customer] = await db()
      .insert(customers)
      .values({ name: `Customer ${ref}`, email: `${ref}@example.com`, emailNormalized: `${ref}@example.com` })
      .returning();
    const [row] = await db()
      .insert(complaints)
      .values({ reference: `CR-${ref}`, trackingTokenHash: `hash-${ref}`, customerId: customer!.id, description: "x", receivedAt: at("2026-03-01T12:00:00Z"), firstResponseAt: at("2026-03-01T13:00:00Z"), ...values })
      .returning();
    ids[ref] = row!.id;
    return row!.id;
  }

  const event = (complaintId: string, type: "customer_message" | "message" | "customer_disagreed", actorKind: "customer" | "staff", iso: string) =>
    db().insert(complaintEvents).values({ complaintId, type, visibility: "customer", actorKind, createdAt: at(iso) });

  beforeAll(async () => {
    await db().update(businessSettings).set({ timeZone: "America/New_York" });
    const [a] = await db().insert(staffUsers).values({ email: "a@x.test", name: "Ana Agent", passwordHash: "x" }).returning();
    const [s] = await db().insert(staffUsers).values({ email: "s@x.test", name: "Sol Super", role: "supervisor", passwordHash: "x" }).returning();
    agent = { id: a!.id, role: "agent" };
    supervisor = { id: s!.id, role: "supervisor" };

    const mine = { assigneeId: agent.id, status: "investigating" as const };
    const p = await complaint("PROM", mine);
    await db().insert(promises).values([
      { complaintId: p, text: "Call back about the refund", dueAt: at("2026-03-07T22:00:00Z") }, // yesterday 17:00 local: overdue
      { complaintId: p, text: "Send the invoice", dueAt: at("2026-03-09T03:30:00Z") }, // 23:30 local today
      { complaintId: p, text: "Book the engineer", dueAt: at("2026-03-09T04:30:00Z") }, // 00:30 tomorrow: not yet
      { complaintId: p, text: "Already kept", dueAt: at("2026-03-07T22:00:00Z"), keptAt: at("2026-03-07T20:00:00Z") },
    ]);
    const f = await complaint("FOLL", { ...mine, status: "resolved" });
    await db().insert(followUps).values({ complaintId: f, dueAt: at("2026-03-08T14:00:00Z") });
    await complaint("LATE", { ...mine, status: "new", firstResponseAt: null, firstResponseDueAt: at("2026-03-08T12:00:00Z") });
    const w = await complaint("WAIT", mine);
    await event(w, "message", "staff", "2026-03-07T10:00:00Z");
    await event(w, "customer_message", "customer", "2026-03-08T09:00:00Z");
    const d = await complaint("DISA", mine);
    await event(d, "customer_disagreed", "customer", "2026-03-08T10:00:00Z");
    const answered = await complaint("ANSW", mine);
    await event(answered, "customer_message", "customer", "2026-03-07T09:00:00Z");
    await event(answered, "message", "staff", "2026-03-07T11:00:00Z");
    await complaint("NOBO", { status: "new", firstResponseAt: null, firstResponseDueAt: at("2026-03-08T10:00:00Z") });
  });

  it("lists overdue and today's items by the business's calendar, and customers waiting", async () => {
    const due = await getDueForStaff(db(), agent, NOW);
    expect(due.timeZone).toBe("America/New_York");
    const byKey = due.items.map((i) => `${i.kind}:${i.reference}:${i.overdue ? "overdue" : "due"}:${i.detail}`);
    expect(byKey).toEqual(
      expect.arrayContaining([
        "promise:CR-PROM:overdue:Call back about the refund",
        "promise:CR-PROM:due:Send the invoice",
        "follow_up:CR-FOLL:due:Check the customer is happy with what was done",
        "first_response:CR-LATE:overdue:First response is past its target",
        "customer_waiting:CR-WAIT:due:Customer replied",
        "customer_waiting:CR-DISA:due:Customer disagreed with the resolution",
      ]),
    );
    expect(due.items).toHaveLength(6);
    expect(due.items[0]!.overdue).toBe(true); // most urgent first
    expect(due).toMatchObject({ overdue: 2, today: 2, waiting: 2 });
  });

  it("shows supervisors the unassigned cases too", async () => {
    const agentDue = await getDueForStaff(db(), agent, NOW);
    expect(agentDue.items.some((i) => i.reference === "CR-NOBO")).toBe(false);
    const supervisorDue = await getDueForStaff(db(), supervisor, NOW);
    expect(supervisorDue.items.map((i) => i.reference)).toEqual(["CR-NOBO"]);
    expect(supervisorDue.items[0]!.unassigned).toBe(true);
  });

  it("counts for the badge in SQL exactly what the list shows", async () => {
    expect(await countDueForStaff(db(), agent, NOW)).toEqual({ total: 6, overdue: 2, today: 2, waiting: 2 });
    expect(await countDueForStaff(db(), supervisor, NOW)).toEqual({ total: 1, overdue: 1, today: 0, waiting: 0 });
    // 15 minutes after "Send the invoice" was due (23:30 local) it is overdue too; the next
    // morning the engineer's booking (00:30) has passed and yesterday's follow-up is overdue.
    for (const [moment, overdue, today] of [
      ["2026-03-09T03:45:00Z", 3, 1],
      ["2026-03-09T13:00:00Z", 5, 0],
    ] as const) {
      const list = await getDueForStaff(db(), agent, at(moment));
      const counted = await countDueForStaff(db(), agent, at(moment));
      expect(counted).toMatchObject({ overdue, today, total: list.items.length });
      expect(list.items.filter((i) => i.overdue)).toHaveLength(overdue);
    }
  });

  it("counts a supervisor's own and the unassigned promises and follow-ups once each, and never a closed case's", async () => {
    const own = await complaint("SOWN", { assigneeId: supervisor.id, status: "investigating" });
    const loose = await complaint("SNOB", { status: "investigating" });
    const looseResolved = await complaint("SRES", { status: "resolved" });
    const closed = await complaint("SCLO", { status: "closed" });
    await db().insert(promises).values([
      { complaintId: own, text: "Ring the depot", dueAt: at("2026-03-08T14:00:00Z") }, // an hour ago: overdue
      { complaintId: loose, text: "Send the label", dueAt: at("2026-03-08T20:00:00Z") }, // later today
      { complaintId: closed, text: "Never counted", dueAt: at("2026-03-08T14:00:00Z") },
    ]);
    await db().insert(followUps).values([
      { complaintId: looseResolved, dueAt: at("2026-03-07T14:00:00Z") }, // yesterday's: overdue
      { complaintId: closed, dueAt: at("2026-03-08T14:00:00Z") },
    ]);
    try {
      const list = await getDueForStaff(db(), supervisor, NOW);
      expect(list.items.map((i) => `${i.kind}:${i.reference}:${i.overdue ? "overdue" : "due"}`).sort()).toEqual(
        ["first_response:CR-NOBO:overdue", "follow_up:CR-SRES:overdue", "promise:CR-SNOB:due", "promise:CR-SOWN:overdue"].sort(),
      );
      // The badge counts in SQL what the list shows: the agent's cases stay out of it.
      expect(await countDueForStaff(db(), supervisor, NOW)).toEqual({ total: 4, overdue: 3, today: 1, waiting: 0 });
    } finally {
      await db().delete(complaints).where(sql`${complaints.id} in (${own}, ${loose}, ${looseResolved}, ${closed})`);
    }
  });

  it("lists only the most urgent of each group, and counts them all", async () => {
    const due = await getDueForStaff(db(), agent, NOW, 1);
    expect(due).toMatchObject({ total: 6, overdue: 2, today: 2, waiting: 2, perGroup: 1 });
    expect(due.items.map((i) => `${i.kind}:${i.reference}`)).toEqual(["promise:CR-PROM", "follow_up:CR-FOLL", "customer_waiting:CR-WAIT"]);
    expect(due.items[0]!.detail).toBe("Call back about the refund");
  });

  it("tells the queue which cases have a customer waiting, and why", async () => {
    const map = await customerNeedsAttention(db(), [ids.WAIT!, ids.DISA!, ids.ANSW!, ids.PROM!]);
    expect([...map.keys()].sort()).toEqual([ids.DISA, ids.WAIT].sort());
    expect(map.get(ids.DISA!)).toMatchObject({ kind: "disagreed", label: "Customer disagreed with the resolution" });
    expect(map.get(ids.WAIT!)!.since.toISOString()).toBe("2026-03-08T09:00:00.000Z");
  });

  it("queues one digest per staff member per local day, not before 7:00", async () => {
    expect(await enqueueDailyDigests(db(), { now: at("2026-03-08T10:30:00Z"), mailConfigured: true })).toBe(0); // 06:30 local
    expect(await enqueueDailyDigests(db(), { now: NOW, mailConfigured: true, baseUrl: "https://x.test" })).toBe(2);
    expect(await enqueueDailyDigests(db(), { now: at("2026-03-08T20:00:00Z"), mailConfigured: true })).toBe(0);
    const digests = await db().select().from(outboxMessages).where(eq(outboxMessages.kind, "staff_digest"));
    expect(digests.map((d) => d.dedupeKey).sort()).toEqual([`staff_digest:${agent.id}:2026-03-08`, `staff_digest:${supervisor.id}:2026-03-08`].sort());
    const agentDigest = digests.find((d) => d.staffUserId === agent.id)!;
    expect(agentDigest.subject).toBe("What's due today: 6");
    expect(agentDigest.textBody).toContain("CR-PROM (Customer PROM): Promise, 1 day overdue: Call back about the refund");
    expect(agentDigest.textBody).toContain("https://x.test/due");
    // Without mail configured nothing is queued.
    await db().execute(sql`delete from outbox_messages`);
    expect(await enqueueDailyDigests(db(), { now: NOW, mailConfigured: false })).toBe(0);
  });
});
