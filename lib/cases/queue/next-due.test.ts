import { eq, sql } from "drizzle-orm";
import fc from "fast-check";
import { beforeAll, expect, it } from "vitest";
import { queryRows } from "@/db/client";
import { CASE_STATUSES, complaints, followUps, promises } from "@/db/schema";
import { describeEachDatabase } from "@/test/databases";
import { createComplaint, createCustomer } from "../actions/test-fixture";
import { isOpen } from "../state-machine";

const T0 = Date.parse("2026-05-01T12:00:00Z");
const hours = (h: number) => new Date(T0 + h * 3_600_000);

/** One write a staff action could make to a case, its promises or its follow-ups. */
type Op =
  | { kind: "addPromise" | "addFollowUp"; at: number; due: number }
  | { kind: "keepPromise" | "unkeepPromise" | "deletePromise" | "completeFollowUp" | "reopenFollowUp" | "deleteFollowUp"; at: number }
  | { kind: "movePromise" | "moveFollowUp"; at: number; due: number }
  | { kind: "handOverPromise"; at: number; to: number }
  | { kind: "status"; at: number; status: (typeof CASE_STATUSES)[number] }
  | { kind: "answer" | "unanswer"; at: number }
  | { kind: "answerDue"; at: number; due: number | null };

const caseIndex = fc.integer({ min: 0, max: 2 });
const due = fc.integer({ min: -48, max: 48 });
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constantFrom("addPromise" as const, "addFollowUp" as const), at: caseIndex, due }),
  fc.record({ kind: fc.constantFrom("keepPromise" as const, "unkeepPromise" as const, "deletePromise" as const, "completeFollowUp" as const, "reopenFollowUp" as const, "deleteFollowUp" as const), at: caseIndex }),
  fc.record({ kind: fc.constantFrom("movePromise" as const, "moveFollowUp" as const), at: caseIndex, due }),
  fc.record({ kind: fc.constant("handOverPromise" as const), at: caseIndex, to: caseIndex }),
  fc.record({ kind: fc.constant("status" as const), at: caseIndex, status: fc.constantFrom(...CASE_STATUSES) }),
  fc.record({ kind: fc.constantFrom("answer" as const, "unanswer" as const), at: caseIndex }),
  fc.record({ kind: fc.constant("answerDue" as const), at: caseIndex, due: fc.option(due, { nil: null }) }),
);

/**
 * complaints.next_due_at is kept by the database's triggers (migration 0019). After every write,
 * it must equal the earliest pending deadline computed straight from the base tables, with the
 * statuses taken from the state machine: the first response while open and unanswered, unkept
 * promises until closed, open follow-ups while resolved.
 */
describeEachDatabase("case queue: the stored next deadline", ({ db }) => {
  let customerId = "";
  beforeAll(async () => {
    customerId = (await createCustomer(db())).id;
  });

  const OPEN = CASE_STATUSES.filter(isOpen);
  const list = (statuses: readonly string[]) => sql.join(statuses.map((s) => sql`${s}::case_status`), sql`, `);

  async function expectStoredEqualsComputed(ids: string[]) {
    const rows = await queryRows<{ id: string; stored: string | null; computed: string | null }>(
      db(),
      sql`select c.id::text as id, c.next_due_at::text as stored,
          (select min(d.due)::text from (
            select c.first_response_due_at as due where c.status in (${list(OPEN)}) and c.first_response_at is null
            union all select p.due_at from promises p where p.complaint_id = c.id and p.kept_at is null and c.status <> 'closed'
            union all select f.due_at from follow_ups f where f.complaint_id = c.id and f.completed_at is null and c.status in ('resolved', 'follow_up_due')
          ) d) as computed
        from complaints c where c.id in (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)}) order by c.id`,
    );
    for (const row of rows) expect({ id: row.id, stored: row.stored }).toEqual({ id: row.id, stored: row.computed });
  }

  async function apply(ids: string[], o: Op) {
    const complaintId = ids[o.at]!;
    const firstPromise = async (open: boolean) =>
      (await queryRows<{ id: string }>(db(), sql`select id::text as id from promises where complaint_id = ${complaintId}::uuid and (kept_at is null) = ${open} order by id limit 1`))[0]?.id;
    const firstFollowUp = async (open: boolean) =>
      (await queryRows<{ id: string }>(db(), sql`select id::text as id from follow_ups where complaint_id = ${complaintId}::uuid and (completed_at is null) = ${open} order by id limit 1`))[0]?.id;
    switch (o.kind) {
      case "addPromise":
        return db().insert(promises).values({ complaintId, text: "Call back", dueAt: hours(o.due) });
      case "addFollowUp":
        return db().insert(followUps).values({ complaintId, dueAt: hours(o.due) });
      case "keepPromise": {
        const id = await firstPromise(true);
        return id && db().update(promises).set({ keptAt: hours(0) }).where(eq(promises.id, id));
      }
      case "unkeepPromise": {
        const id = await firstPromise(false);
        return id && db().update(promises).set({ keptAt: null }).where(eq(promises.id, id));
      }
      case "movePromise": {
        const id = await firstPromise(true);
        return id && db().update(promises).set({ dueAt: hours(o.due) }).where(eq(promises.id, id));
      }
      case "deletePromise": {
        const id = (await firstPromise(true)) ?? (await firstPromise(false));
        return id && db().delete(promises).where(eq(promises.id, id));
      }
      case "handOverPromise": {
        const id = await firstPromise(true);
        return id && db().update(promises).set({ complaintId: ids[o.to]! }).where(eq(promises.id, id));
      }
      case "completeFollowUp": {
        const id = await firstFollowUp(true);
        return id && db().update(followUps).set({ completedAt: hours(0) }).where(eq(followUps.id, id));
      }
      case "reopenFollowUp": {
        const id = await firstFollowUp(false);
        return id && db().update(followUps).set({ completedAt: null }).where(eq(followUps.id, id));
      }
      case "moveFollowUp": {
        const id = await firstFollowUp(true);
        return id && db().update(followUps).set({ dueAt: hours(o.due) }).where(eq(followUps.id, id));
      }
      case "deleteFollowUp": {
        const id = (await firstFollowUp(true)) ?? (await firstFollowUp(false));
        return id && db().delete(followUps).where(eq(followUps.id, id));
      }
      case "status":
        return db().update(complaints).set({ status: o.status }).where(eq(complaints.id, complaintId));
      case "answer":
        return db().update(complaints).set({ firstResponseAt: hours(0) }).where(eq(complaints.id, complaintId));
      case "unanswer":
        return db().update(complaints).set({ firstResponseAt: null }).where(eq(complaints.id, complaintId));
      case "answerDue":
        return db().update(complaints).set({ firstResponseDueAt: o.due === null ? null : hours(o.due) }).where(eq(complaints.id, complaintId));
    }
  }

  it("equals the earliest pending deadline after any sequence of writes to cases, promises and follow-ups", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 30 }), async (ops) => {
        const ids: string[] = [];
        for (let i = 0; i < 3; i++) {
          ids.push((await createComplaint(db(), { customerId, values: { status: "new", firstResponseDueAt: hours(24 + i) } })).id);
        }
        await expectStoredEqualsComputed(ids);
        for (const o of ops) {
          await apply(ids, o);
          await expectStoredEqualsComputed(ids);
        }
      }),
      { numRuns: 40 },
    );
  });

  it("is what the Overdue view and Due soonest read: a case whose promise has passed is overdue, one kept is not", async () => {
    const c = await createComplaint(db(), { customerId, values: { status: "investigating", firstResponseAt: hours(-10) } });
    const [p] = await db().insert(promises).values({ complaintId: c.id, text: "Refund", dueAt: hours(-1) }).returning();
    const stored = async () => (await db().select({ at: complaints.nextDueAt }).from(complaints).where(eq(complaints.id, c.id)))[0]!.at;
    expect(await stored()).toEqual(hours(-1));
    await db().update(promises).set({ keptAt: hours(0) }).where(eq(promises.id, p!.id));
    expect(await stored()).toBeNull();
    await db().update(complaints).set({ status: "closed" }).where(eq(complaints.id, c.id));
    await db().update(promises).set({ keptAt: null }).where(eq(promises.id, p!.id));
    // Closing ends every deadline, even a promise un-kept afterwards.
    expect(await stored()).toBeNull();
  });
});
