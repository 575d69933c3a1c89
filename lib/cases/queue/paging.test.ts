import { sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { promises } from "@/db/schema";
import { describeEachDatabase } from "@/test/databases";
import { CASES_PAGE_SIZE, listQueue } from "../list";
import { createComplaint, createCustomer, createStaff } from "../actions/test-fixture";
import type { QueueSort } from "./params";
import { decodeCursor, encodeCursor } from "./sorts";

const NOW = new Date("2026-03-10T12:00:00Z");
const TOTAL = 62;
const minute = 60_000;

type Case = { id: string; receivedAt: number; lastActivityAt: number; dueAt: number | null };

/**
 * Every sort pages forwards to the end and back to the start without skipping or repeating a
 * case, across ties: received times shared by three cases (and two more apart by microseconds
 * only), activity shared by four, promise due times shared by three.
 */
describeEachDatabase("case queue: keyset pages for every sort", ({ db }) => {
  const cases: Case[] = [];
  let viewerId = "";

  beforeAll(async () => {
    viewerId = (await createStaff(db(), { role: "supervisor" })).id;
    const customer = await createCustomer(db());
    const base = Date.parse("2026-01-01T00:00:00Z");
    for (let i = 0; i < TOTAL; i++) {
      const receivedAt = base + Math.floor(i / 3) * minute;
      const lastActivityAt = base + 90 * minute + Math.floor(i / 4) * minute;
      const pending = i % 2 === 0; // even cases carry an open promise, odd ones nothing due
      const complaint = await createComplaint(db(), {
        customerId: customer.id,
        values: {
          status: pending ? "investigating" : "closed",
          receivedAt: new Date(receivedAt),
          lastActivityAt: new Date(lastActivityAt),
          firstResponseAt: new Date(receivedAt),
        },
      });
      const dueAt = pending ? Date.parse("2026-03-01T00:00:00Z") + Math.floor(i / 6) * 3_600_000 : null;
      if (dueAt) await db().insert(promises).values({ complaintId: complaint.id, text: "Call back", dueAt: new Date(dueAt) });
      cases.push({ id: complaint.id, receivedAt, lastActivityAt, dueAt });
    }
    // Two cases a few microseconds apart, which a millisecond cursor would confuse.
    const extra = await createComplaint(db(), { customerId: customer.id, values: { status: "closed", firstResponseAt: new Date(base) } });
    await db().execute(
      sql`update complaints set received_at = timestamptz '2026-01-01 00:00:00.000300+00',
        last_activity_at = timestamptz '2026-01-01 01:30:00.000300+00' where id = ${extra.id}`,
    );
    cases.push({ id: extra.id, receivedAt: base + 0.3, lastActivityAt: base + 90 * minute + 0.3, dueAt: null });
  });

  const byId = (a: Case, b: Case) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const desc = (key: (c: Case) => number) => (a: Case, b: Case) => key(b) - key(a) || -byId(a, b);
  const expected: Record<QueueSort, () => string[]> = {
    newest: () => [...cases].sort(desc((c) => c.receivedAt)).map((c) => c.id),
    oldest: () => [...cases].sort((a, b) => a.receivedAt - b.receivedAt || byId(a, b)).map((c) => c.id),
    activity: () => [...cases].sort(desc((c) => c.lastActivityAt)).map((c) => c.id),
    due: () => [
      ...cases.filter((c) => c.dueAt !== null).sort((a, b) => a.dueAt! - b.dueAt! || byId(a, b)),
      ...cases.filter((c) => c.dueAt === null).sort(desc((c) => c.receivedAt)),
    ].map((c) => c.id),
  };

  const page = (sort: QueueSort, cursor?: string) =>
    listQueue(db(), { id: viewerId, role: "supervisor" }, { view: "all", sort, filters: { statuses: [] }, cursor }, { now: NOW, timeZone: "UTC" });

  for (const sort of ["newest", "oldest", "activity", "due"] as const) {
    it(`pages ${sort} forwards and backwards`, async () => {
      const want = expected[sort]();
      const pages = [await page(sort)];
      expect(pages[0]!.prev).toBeNull();
      while (pages.at(-1)!.next) pages.push(await page(sort, pages.at(-1)!.next!));
      expect(pages.map((p) => p.items.length)).toEqual([CASES_PAGE_SIZE, CASES_PAGE_SIZE, TOTAL + 1 - 2 * CASES_PAGE_SIZE]);
      expect(pages.flatMap((p) => p.items.map((i) => i.id))).toEqual(want);

      const middle = await page(sort, pages[2]!.prev!);
      expect(middle.items.map((i) => i.id)).toEqual(want.slice(CASES_PAGE_SIZE, 2 * CASES_PAGE_SIZE));
      const first = await page(sort, middle.prev!);
      expect(first.items.map((i) => i.id)).toEqual(want.slice(0, CASES_PAGE_SIZE));
      expect(first.prev).toBeNull();
      expect(first.next).not.toBeNull();
    });
  }

  it("pages due soonest within a filter, gathering deadlines for the filtered cases only", async () => {
    // Two cases in three, pending or not, assigned to someone: the due sort under that filter must
    // page exactly like the unfiltered one with the others left out.
    const assignee = await createStaff(db(), { role: "agent" });
    const assigned = new Set(cases.filter((_, i) => i % 3 !== 2).map((c) => c.id));
    for (const id of assigned) await db().execute(sql`update complaints set assignee_id = ${assignee.id} where id = ${id}`);
    try {
      const filtered = (cursor?: string) =>
        listQueue(
          db(),
          { id: viewerId, role: "supervisor" },
          { view: "all", sort: "due", filters: { statuses: [], assignee: assignee.id }, cursor },
          { now: NOW, timeZone: "UTC" },
        );
      const want = expected.due().filter((id) => assigned.has(id));
      const pages = [await filtered()];
      while (pages.at(-1)!.next) pages.push(await filtered(pages.at(-1)!.next!));
      expect(pages.flatMap((p) => p.items.map((i) => i.id))).toEqual(want);
      expect(pages.length).toBe(2);
      expect((await filtered(pages[1]!.prev!)).items.map((i) => i.id)).toEqual(want.slice(0, CASES_PAGE_SIZE));
    } finally {
      await db().execute(sql`update complaints set assignee_id = null where assignee_id = ${assignee.id}`);
    }
  });

  it("starts over on a cursor that is malformed or meant for another sort", async () => {
    const newest = await page("newest");
    expect(decodeCursor(newest.next, "oldest")).toBeNull();
    expect(decodeCursor("garbage", "newest")).toBeNull();
    const cursor = { move: "next" as const, sort: "due" as const, segment: 1, key: "2026-01-01 00:00:00.0003+00", id: cases[0]!.id };
    expect(decodeCursor(encodeCursor(cursor), "due")).toEqual(cursor);
    expect(decodeCursor(encodeCursor({ ...cursor, segment: 2 }), "due")).toBeNull();
    expect((await page("oldest", newest.next!)).items[0]!.id).toBe(expected.oldest()[0]);
  });
});
