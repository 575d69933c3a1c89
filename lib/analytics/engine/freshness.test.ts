import { sql, type SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type { Sql } from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows, type Db } from "@/db/client";
import { describeEachDatabase } from "@/test/databases";
import { buildFixture, type Fixture } from "../queries/test-fixture";
import { AnalyticsCopy } from "./copy";
import { FACT_COLUMNS, factsSelect } from "./facts";
import { silentLog } from "./test-support";

/*
 * The copy must end up holding exactly what PostgreSQL holds, whatever order transactions commit
 * in. A horizon on a timestamp or a sequence would skip a long transaction that commits after a
 * shorter, later one; these tests commit such interleavings from several connections while two
 * copies ("two instances") refresh at arbitrary moments, then compare every row of each copy
 * with the database.
 */

type Row = Record<string, unknown>;

/** Every fact row, normalised so the two engines' values compare (ids and days as text). */
async function copyFacts(copy: AnalyticsCopy): Promise<Row[]> {
  const list = FACT_COLUMNS.map((c) => (c.kind === "uuid" || c.kind === "date" || c.kind === "enum" ? `${c.name}::varchar as ${c.name}` : c.name)).join(", ");
  return normalise(await copy.query(sql.raw(`select ${list} from facts order by id`)));
}

async function databaseFacts(db: Db, timeZone: string): Promise<Row[]> {
  return normalise(await queryRows<Row>(db, sql.raw(`${factsSelect(timeZone, null)} order by c.id`)));
}

async function copyHard(copy: AnalyticsCopy): Promise<string[]> {
  const rows = await copy.query<Row>(sql.raw(`select complaint_id::varchar || ' ' || author_id::varchar as k from hard_interactions order by 1`));
  return rows.map((r) => String(r.k));
}

async function databaseHard(db: Db): Promise<string[]> {
  const rows = await queryRows<Row>(db, sql`select complaint_id::text || ' ' || author_id::text as k from debriefs where hard_interaction order by 1`);
  return rows.map((r) => String(r.k)).sort();
}

function normalise(rows: Row[]): Row[] {
  return rows.map((row) =>
    Object.fromEntries(
      FACT_COLUMNS.map((c) => {
        const v = row[c.name];
        if (v === null || v === undefined) return [c.name, null];
        if (c.kind === "double" || c.kind === "integer") return [c.name, Number(v)];
        if (c.kind === "boolean") return [c.name, v === true || v === "t"];
        return [c.name, String(v)];
      }),
    ),
  );
}

async function expectCopyMatches(copy: AnalyticsCopy, db: Db) {
  const timeZone = copy.status().timeZone!;
  expect(await copyFacts(copy)).toEqual(await databaseFacts(db, timeZone));
  expect(await copyHard(copy)).toEqual(await databaseHard(db));
}

describeEachDatabase("analytics copy: every committed change reaches it", ({ db, kind }) => {
  let f: Fixture;
  let a: AnalyticsCopy;
  let b: AnalyticsCopy;
  const ids: string[] = [];

  beforeAll(async () => {
    f = await buildFixture(db(), { staff: { Ann: "agent", Ben: "agent" }, customers: ["C1", "C2", "C3"], processes: ["Delivery", "Billing"], rootCauses: { Late: "service" } });
    for (let i = 0; i < 12; i++) {
      ids.push(await f.complaint({ customer: `C${(i % 3) + 1}`, received: `2026-03-${String(1 + i).padStart(2, "0")}T10:00:00Z`, process: i % 2 ? "Delivery" : "Billing", assignee: i % 2 ? "Ann" : "Ben" }));
    }
    a = await AnalyticsCopy.create({ log: silentLog });
    b = await AnalyticsCopy.create({ log: silentLog });
    await Promise.all([a.catchUp(db()), b.catchUp(db())]);
  }, 60_000);

  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  it("starts empty, says it is loading with progress, then holds every complaint", async () => {
    const fresh = await AnalyticsCopy.create({ log: silentLog });
    try {
      expect(fresh.status()).toMatchObject({ state: "empty", horizon: null });
      expect(fresh.isReadyFor("Europe/London")).toBe(false);
      const loading = fresh.reload(db());
      expect(fresh.status().state).toBe("loading");
      await loading;
      expect(fresh.status()).toMatchObject({ state: "ready", loaded: ids.length, total: ids.length, timeZone: "Europe/London" });
      expect(fresh.isReadyFor("Europe/London")).toBe(true);
      expect(fresh.isReadyFor("UTC")).toBe(false);
      await expectCopyMatches(fresh, db());
    } finally {
      await fresh.close();
    }
  });

  it("takes in staff actions, a new complaint, a debrief, an erasure-style update and a deletion", async () => {
    await queryRows(db(), sql`update complaints set fault_attribution = 'service', satisfaction = 2 where id = ${ids[0]!}::uuid`);
    const added = await f.complaint({ customer: "C2", received: "2026-03-20T08:00:00Z", process: "Delivery", fault: "customer" });
    await f.debrief(ids[1]!, "Ann", true);
    await queryRows(db(), sql`update complaints set minutes_spent = 45, goodwill_cost_cents = 500 where id = ${ids[2]!}::uuid`);
    await queryRows(db(), sql`delete from complaints where id = ${ids[3]!}::uuid`);
    await a.catchUp(db());
    await expectCopyMatches(a, db());
    const [row] = await a.query<{ n: number }>(sql`select count(*)::int as n from facts where id = ${added}::uuid`);
    expect(row!.n).toBe(1);
  });

  it("follows a change of time zone (every local day moves)", async () => {
    await queryRows(db(), sql`update business_settings set time_zone = 'Pacific/Auckland' where id = 1`);
    try {
      await a.catchUp(db());
      expect(a.status().timeZone).toBe("Pacific/Auckland");
      await expectCopyMatches(a, db());
    } finally {
      await queryRows(db(), sql`update business_settings set time_zone = 'Europe/London' where id = 1`);
      await a.catchUp(db());
    }
    expect(a.status().timeZone).toBe("Europe/London");
  });

  it("reconciliation finds and mends a row the copy lost, and logs it", async () => {
    const warnings: object[] = [];
    const watched = await AnalyticsCopy.create({ log: { ...silentLog, warn: (o) => warnings.push(o) } });
    try {
      await watched.catchUp(db());
      await watched.query(sql`delete from facts where id = ${ids[4]!}::uuid`);
      await watched.query(sql`update facts set satisfaction = 1 where id = ${ids[5]!}::uuid`);
      // As if the refresh had missed them: their changes are gone from the log too. (Otherwise a
      // transaction still open in another database of the same server, which holds the horizon
      // back, would have the refresh mend them before the comparison.)
      await queryRows(db(), sql`delete from analytics_changes where complaint_id in (${ids[4]!}::uuid, ${ids[5]!}::uuid)`);
      const { differences } = await watched.reload(db());
      // The lost row is missing once; the altered row differs both ways.
      expect(differences).toBe(3);
      expect(warnings).toEqual([{ differences: 3 }]);
      await expectCopyMatches(watched, db());
      expect((await watched.reload(db())).differences).toBe(0);
    } finally {
      await watched.close();
    }
  });

  it("prunes the change log once every running copy is past it", async () => {
    await queryRows(db(), sql`update complaints set satisfaction = 3 where id = ${ids[6]!}::uuid`);
    await Promise.all([a.reload(db()), b.reload(db())]); // a reload records the copy's horizon at once
    const [left] = await queryRows<{ n: number }>(
      db(),
      sql`select count(*)::int as n from analytics_changes where txid < (select min(horizon) from analytics_readers)`,
    );
    expect(left!.n).toBe(0);
    const [readers] = await queryRows<{ n: number }>(db(), sql`select count(*)::int as n from analytics_readers`);
    expect(readers!.n).toBeGreaterThanOrEqual(2);
    await expectCopyMatches(b, db());
  });

  if (kind === "postgres") {
    describe("transactions from several connections, committing out of order", () => {
      const dialect = new PgDialect();
      type Open = { run: (q: SQL) => Promise<unknown>; commit: () => Promise<void>; rollback: () => Promise<void> };
      async function begin(): Promise<Open> {
        const client = (db() as unknown as { $client: Sql }).$client;
        const connection = await client.reserve();
        await connection`begin`;
        const run = (q: SQL) => {
          const { sql: text, params } = dialect.sqlToQuery(q);
          return connection.unsafe(text, params as never[]);
        };
        const end = async (word: "commit" | "rollback") => {
          await connection.unsafe(word);
          connection.release();
        };
        return { run, commit: () => end("commit"), rollback: () => end("rollback") };
      }

      it("a long transaction that commits after shorter, later ones is not missed by either instance", async () => {
        const long = await begin();
        await long.run(sql`update complaints set satisfaction = 1 where id = ${ids[7]!}::uuid`); // takes the older id
        const short = await begin();
        await short.run(sql`update complaints set satisfaction = 5 where id = ${ids[8]!}::uuid`);
        await short.commit();
        await a.catchUp(db()); // sees the short one only
        const added = await f.complaint({ customer: "C1", received: "2026-03-25T09:00:00Z", process: "Billing" });
        await b.catchUp(db());
        const [before] = await a.query<{ s: number | null }>(sql`select satisfaction as s from facts where id = ${ids[7]!}::uuid`);
        expect(before!.s).not.toBe(1);
        await long.commit(); // commits last, with the oldest transaction id
        await Promise.all([a.catchUp(db()), b.catchUp(db())]);
        await expectCopyMatches(a, db());
        await expectCopyMatches(b, db());
        const [seen] = await b.query<{ n: number }>(sql`select count(*)::int as n from facts where id = ${added}::uuid`);
        expect(seen!.n).toBe(1);
      });

      it("random interleavings of three connections and two refreshing instances always converge", async () => {
        let seed = 20261204;
        const random = () => {
          seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
          return seed / 2 ** 31;
        };
        for (let round = 0; round < 8; round++) {
          // Each open transaction holds its own row, so no write waits on another's lock.
          const open: (Open & { row: string })[] = [];
          for (let step = 0; step < 14; step++) {
            const choice = random();
            const free = ids.filter((id) => id !== ids[3] && !open.some((tx) => tx.row === id));
            const target = free[Math.floor(random() * free.length)]!;
            if (choice < 0.3 && open.length < 3) {
              const tx = await begin();
              await tx.run(sql`update complaints set minutes_spent = ${Math.floor(random() * 100)} where id = ${target}::uuid`);
              open.push({ ...tx, row: target });
            } else if (choice < 0.5 && open.length > 0) {
              const tx = open.splice(Math.floor(random() * open.length), 1)[0]!;
              await (random() < 0.8 ? tx.commit() : tx.rollback());
            } else if (choice < 0.7) {
              await queryRows(db(), sql`update complaints set satisfaction = ${1 + Math.floor(random() * 5)} where id = ${target}::uuid`);
            } else if (choice < 0.85) {
              await a.catchUp(db());
            } else {
              await b.catchUp(db());
            }
          }
          for (const tx of open) await tx.commit();
          await Promise.all([a.catchUp(db()), b.catchUp(db())]);
          await expectCopyMatches(a, db());
          await expectCopyMatches(b, db());
        }
      }, 60_000);
    });
  }
});
