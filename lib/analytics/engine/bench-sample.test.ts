import type { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import type { Sql } from "postgres";
import { afterAll, beforeAll, expect, it } from "vitest";
import { queryRows } from "@/db/client";
import { generateBenchData } from "@/bench/generate";
import { describeEachDatabase } from "@/test/databases";
import { localDate } from "@/lib/time/zone";
import { parseAnalyticsFilters } from "../filters";
import { loadAnalyticsReport, type Viewer } from "../report";
import { figureDifferences } from "./compare";
import { AnalyticsCopy } from "./copy";
import { copyFigures, postgresFigures } from "./figures";
import { silentLog } from "./test-support";

/*
 * Exactness at scale: the bench's generator (skewed processes and causes, frequent complainers,
 * statuses by age, promises, 12 months of history) fills each database with 100,000 complaints,
 * and every figure the page shows must be the same from both engines, for an owner and an agent,
 * over the ranges owners use. The embedded database runs the generator through a small adapter
 * (it is written for postgres.js).
 */
const N = 100_000;

/** postgres.js's tagged-template and `unsafe` calls, as the generator uses them, on PGlite. */
function pgliteAsPostgresJs(client: PGlite): Sql {
  const tag = async (strings: TemplateStringsArray, ...values: unknown[]) => {
    const text = strings.reduce((all, part, i) => all + part + (i < values.length ? `$${i + 1}` : ""), "");
    return (await client.query(text, values)).rows;
  };
  tag.unsafe = async (text: string) => {
    await client.exec(text);
    return [];
  };
  return tag as unknown as Sql;
}

describeEachDatabase("analytics copy: the same figures as PostgreSQL on a 100,000-complaint sample", ({ db, kind }) => {
  let copy: AnalyticsCopy;
  const viewers: Viewer[] = [];
  const now = new Date();
  let timeZone = "";

  beforeAll(async () => {
    const client = (db() as unknown as { $client: Sql | PGlite }).$client;
    if (kind === "postgres") {
      // One connection: the generator keeps its lookup tables in temporary tables.
      const reserved = await (client as Sql).reserve();
      try {
        await generateBenchData(reserved as unknown as Sql, { n: N, passwordHash: "not-used", log: () => {} });
      } finally {
        reserved.release();
      }
    } else {
      await generateBenchData(pgliteAsPostgresJs(client as PGlite), { n: N, passwordHash: "not-used", log: () => {} });
    }
    const [settings] = await queryRows<{ time_zone: string }>(db(), sql`select time_zone from business_settings where id = 1`);
    timeZone = settings?.time_zone ?? "UTC";
    const [owner] = await queryRows<{ id: string }>(db(), sql`select id::text from staff_users where role = 'owner' limit 1`);
    const [agent] = await queryRows<{ id: string }>(db(), sql`select assignee_id::text as id from complaints group by 1 order by count(*) desc limit 1`);
    viewers.push({ id: owner!.id, role: "owner" }, { id: agent!.id, role: "agent" });
    copy = await AnalyticsCopy.create({ log: silentLog });
    await copy.catchUp(db());
  }, 600_000);

  afterAll(async () => {
    await copy?.close();
  });

  it("holds every complaint", async () => {
    const [row] = await copy.query<{ n: number }>(sql`select count(*)::int as n from facts`);
    expect(row!.n).toBe(N);
  });

  for (const range of ["30d", "90d", "12m"]) {
    it(`every figure of the ${range} page, as an owner and as an agent`, async () => {
      const { filters } = parseAnalyticsFilters({ range }, localDate(now, timeZone));
      for (const viewer of viewers) {
        const fromPostgres = await loadAnalyticsReport(db(), viewer, filters, timeZone, now, postgresFigures(db()));
        const fromCopy = await loadAnalyticsReport(db(), viewer, filters, timeZone, now, copyFigures(copy, db()));
        expect(fromPostgres.summary.complaints, "an agent's own cases are a share of the range").toBeGreaterThan(100);
        expect(figureDifferences(fromCopy, fromPostgres).slice(0, 10)).toEqual([]);
      }
    }, 120_000);
  }
});
