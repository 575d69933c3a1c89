import { sql as drizzleSql } from "drizzle-orm";
import type { Sql } from "postgres";
import type { Db } from "@/db/client";
import { figureDifferences } from "@/lib/analytics/engine/compare";
import { AnalyticsCopy } from "@/lib/analytics/engine/copy";
import { loadAnalyticsReport } from "@/lib/analytics/report";
import { percentiles } from "./measure";
import { copyPage, type BenchContext } from "./queries";

/**
 * The columnar copy at scale: what a full load costs (time, DuckDB's memory, the process's),
 * whether its report equals PostgreSQL's figure for figure, and how soon a committed change
 * shows in it under the app's own refresh loop.
 */
const mb = (bytes: number) => bytes / 1024 / 1024;

export type CopyLoad = { copy: AnalyticsCopy; seconds: number; duckBytes: number; rssGrowthBytes: number; rssPeakGrowthBytes: number; complaints: number };

export async function loadCopy(db: Db, complaints: number, log: (m: string) => void): Promise<CopyLoad> {
  const quiet = (o: object, msg: string) => process.stderr.write(`    ${msg} ${JSON.stringify(o)}\n`);
  const copy = await AnalyticsCopy.create({ log: { info: () => {}, warn: quiet, error: quiet } });
  const rssBefore = process.memoryUsage().rss;
  // The highest the process reaches during the load, sampled every 50 ms.
  let rssPeak = rssBefore;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 50);
  const started = performance.now();
  await copy.reload(db).finally(() => clearInterval(sampler));
  const seconds = (performance.now() - started) / 1000;
  const rssPeakGrowthBytes = Math.max(rssPeak, process.memoryUsage().rss) - rssBefore;
  // The load's batches are garbage once appended; what stays is the copy.
  globalThis.gc?.();
  const rssGrowthBytes = process.memoryUsage().rss - rssBefore;
  const duckBytes = await copy.memoryBytes();
  const per100k = (bytes: number) => (mb(bytes) / complaints) * 100_000;
  log(
    `Analytics copy (DuckDB, in process): loaded ${copy.status().loaded.toLocaleString("en")} complaints in ${seconds.toFixed(1)} s; ` +
      `DuckDB memory ${mb(duckBytes).toFixed(0)} MB (${per100k(duckBytes).toFixed(1)} MB per 100,000 complaints), ` +
      `process RSS growth ${mb(rssGrowthBytes).toFixed(0)} MB (${per100k(rssGrowthBytes).toFixed(1)} MB per 100,000), ` +
      `at most ${mb(rssPeakGrowthBytes).toFixed(0)} MB during the load.`,
  );
  return { copy, seconds, duckBytes, rssGrowthBytes, rssPeakGrowthBytes, complaints };
}

/** Both engines' reports for one context at one instant; the differences, none when exact. */
export async function reportDifferences(ctx: BenchContext, copy: AnalyticsCopy): Promise<string[]> {
  const now = new Date();
  const [fromCopy, fromPostgres] = await Promise.all([copyPage(ctx, copy, now)(), loadAnalyticsReport(ctx.db, ctx.viewer, ctx.filters, ctx.timeZone, now)]);
  return figureDifferences(fromCopy, fromPostgres);
}

/**
 * Commits `changes` single-complaint updates at random moments while a refresh loop like the
 * app's (lib/analytics/engine/runtime.ts: catchUp every second on a timer) runs, and times each
 * from its commit until the copy shows it, polling the copy every 20 ms.
 */
export async function measureFreshness(db: Db, sql: Sql, copy: AnalyticsCopy, changes: number): Promise<{ p50: number; p95: number; max: number }> {
  let refreshing = false;
  const timer = setInterval(() => {
    if (refreshing) return;
    refreshing = true;
    copy
      .catchUp(db)
      .catch((error: unknown) => process.stderr.write(`    refresh failed: ${String(error)}\n`))
      .finally(() => {
        refreshing = false;
      });
  }, 1_000);
  const times: number[] = [];
  try {
    for (let i = 0; i < changes; i++) {
      // A random moment of the refresh cycle, as a real write would be.
      await new Promise((r) => setTimeout(r, Math.random() * 1_000));
      const [row] = await sql`update complaints set satisfaction = case when satisfaction is null or satisfaction = 5 then 1 else satisfaction + 1 end
        where id = (select id from complaints tablesample system (0.1) limit 1) returning id::text as id, satisfaction`;
      const committed = performance.now();
      const { id, satisfaction } = row as unknown as { id: string; satisfaction: number };
      for (;;) {
        const [seen] = await copy.query<{ satisfaction: number | null }>(drizzleSql`select satisfaction from facts where id = ${id}::uuid`);
        if (seen && Number(seen.satisfaction) === satisfaction) break;
        if (performance.now() - committed > 30_000) throw new Error(`the copy did not show the change to ${id} within 30 s`);
        await new Promise((r) => setTimeout(r, 20));
      }
      times.push(performance.now() - committed);
    }
  } finally {
    clearInterval(timer);
    while (refreshing) await new Promise((r) => setTimeout(r, 20));
  }
  return { ...percentiles(times), max: Math.max(...times) };
}
