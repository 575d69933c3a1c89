import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "@/test/databases";
import { bulkRead, sqlLiteral } from "./bulk-read";
import { queryRows } from "./client";

/*
 * Bulk reads write query results as CSV files (the analytics copy loads through them). On
 * PostgreSQL the driver streams COPY … TO STDOUT; with the released postgres.js a second query
 * in the same transaction hung once the first copy had been read slower than it arrived
 * (vendor/README.md), which the first test catches.
 */
describeEachDatabase("bulk reads: query results as CSV files", ({ db, kind }) => {
  let dir = "";
  const file = (name: string) => path.join(dir, name);

  beforeAll(async () => {
    dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), "caseroot-bulk-test-"));
  });
  afterAll(async () => {
    await fs.promises.rm(dir, { recursive: true, force: true });
  });

  it("writes several large results in one transaction, then still answers queries", async () => {
    const select = "select g as n, repeat('x', 60) as filler from generate_series(1, 40000) g";
    const counts = await bulkRead(db(), { snapshot: true }, async (reader) => {
      const first = await reader.csvToFile(select, file("a.csv"));
      const second = await reader.csvToFile(select, file("b.csv"));
      const [row] = await reader.rows<{ n: number }>(sql`select 7 as n`);
      return { first, second, after: Number(row!.n) };
    });
    expect(counts).toEqual({ first: 40_000, second: 40_000, after: 7 });
    const lines = (await fs.promises.readFile(file("b.csv"), "utf8")).split("\n");
    expect(lines[0]).toBe(`1,${"x".repeat(60)}`);
    expect(lines[39_999]).toBe(`40000,${"x".repeat(60)}`);
    // The pool is usable afterwards too.
    expect(await queryRows(db(), sql`select 1 as one`)).toEqual([{ one: 1 }]);
  }, 60_000);

  it("writes NULL as an empty field and quotes text that needs it, and counts rows as they come", async () => {
    const seen: number[] = [];
    const rows = await bulkRead(db(), { snapshot: false }, (reader) =>
      reader.csvToFile(`select * from (values (1, null::text, true), (2, ${sqlLiteral(`a, "b"`)}, false)) v(n, t, b) order by n`, file("c.csv"), (n) => seen.push(n)),
    );
    expect(rows).toBe(2);
    expect(seen.at(-1)).toBe(2);
    expect(await fs.promises.readFile(file("c.csv"), "utf8")).toBe(`1,,t\n2,"a, ""b""",f\n`);
  });

  it("an empty result is an empty file", async () => {
    expect(await bulkRead(db(), { snapshot: true }, (reader) => reader.csvToFile("select 1 where false", file("d.csv")))).toBe(0);
    expect(await fs.promises.readFile(file("d.csv"), "utf8")).toBe("");
  });

  it("a failing query rejects and leaves the database usable", async () => {
    await expect(bulkRead(db(), { snapshot: true }, (reader) => reader.csvToFile("select * from no_such_table", file("e.csv")))).rejects.toThrow(/no_such_table/);
    expect(await queryRows(db(), sql`select 1 as one`)).toEqual([{ one: 1 }]);
  });

  it("an error half-way through a result rejects, and leaves the database usable", async () => {
    const failing = "select 1 / (g - 30000) as n, repeat('x', 60) as filler from generate_series(1, 40000) g";
    await expect(bulkRead(db(), { snapshot: true }, (reader) => reader.csvToFile(failing, file("h.csv")))).rejects.toThrow(/division by zero/);
    expect(await queryRows(db(), sql`select 1 as one`)).toEqual([{ one: 1 }]);
  }, 60_000);

  if (kind === "postgres") {
    it("a snapshot read sees the database as of one instant, whatever commits meanwhile", async () => {
      await queryRows(db(), sql`create table bulk_snapshot (n int)`);
      await queryRows(db(), sql`insert into bulk_snapshot values (1)`);
      const [before, after] = await bulkRead(db(), { snapshot: true }, async (reader) => {
        const first = await reader.csvToFile("select count(*) from bulk_snapshot", file("f.csv"));
        await queryRows(db(), sql`insert into bulk_snapshot values (2)`); // another connection, committed
        await reader.csvToFile("select count(*) from bulk_snapshot", file("g.csv"));
        return [first, await fs.promises.readFile(file("g.csv"), "utf8")];
      });
      expect(before).toBe(1);
      expect(after).toBe("1\n");
      expect(await queryRows(db(), sql`select count(*)::int as n from bulk_snapshot`)).toEqual([{ n: 2 }]);
    });
  }

  it("a literal holds any text safely", () => {
    expect(sqlLiteral("it's")).toBe("'it''s'");
    expect(() => sqlLiteral("a\0b")).toThrow(RangeError);
  });
});
