// `npm run bench`: how CaseRoot's queries hold up at scale. Builds (or reuses) a PostgreSQL
// database of synthetic complaints, times the analytics and queue queries beside plain SQL, and
// with --http puts the running app under load on loopback. Not part of the tests.
//   npm run bench -- [--n 1000000] [--reuse] [--runs 20] [--http] [--skip-queries] [--connections 10] [--seconds 15] [--port 3190] [--dist-dir .next-bench]
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import postgres from "postgres";
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { parseAnalyticsFilters } from "@/lib/analytics/filters";
import { localDate } from "@/lib/time/zone";
import type { Viewer } from "@/lib/analytics/report";
import { hashPassword } from "@/lib/auth/password";
import { BENCH_OWNER, generateBenchData } from "@/bench/generate";
import { BENCH_CASE_REFERENCE, runHttpBench, runReportsInstanceBench } from "@/bench/http";
import { loadCopy, measureFreshness, reportDifferences, type CopyLoad } from "@/bench/copy";
import { formatMs, measure, textTable, timingTable, type Timing } from "@/bench/measure";
import { benchCases, queueCases, type BenchContext } from "@/bench/queries";

const DB_NAME = "caseroot_bench";
const log = (m: string) => console.log(m);

function options() {
  const { values } = parseArgs({
    options: {
      n: { type: "string", default: "1000000" },
      reuse: { type: "boolean", default: false },
      runs: { type: "string", default: "20" },
      http: { type: "boolean", default: false },
      // Only the HTTP part (with --http), e.g. after changing a page.
      "skip-queries": { type: "boolean", default: false },
      connections: { type: "string", default: "10" },
      seconds: { type: "string", default: "15" },
      port: { type: "string", default: "3190" },
      // A production build to serve; built there first when missing.
      "dist-dir": { type: "string", default: ".next-bench" },
    },
  });
  const int = (name: string, v: string, min: number, max: number) => {
    const n = Number(v.replace(/_/g, ""));
    if (!Number.isInteger(n) || n < min || n > max) throw new Error(`--${name} must be a whole number from ${min} to ${max}`);
    return n;
  };
  return {
    n: int("n", values.n, 1000, 10_000_000),
    reuse: values.reuse,
    runs: int("runs", values.runs, 5, 1000),
    http: values.http,
    skipQueries: values["skip-queries"],
    connections: int("connections", values.connections, 1, 100),
    seconds: int("seconds", values.seconds, 1, 120),
    port: int("port", values.port, 1024, 65535),
    distDir: values["dist-dir"],
  };
}

/** Creates (or keeps, with --reuse and the right size) the bench database; returns its URL. */
async function prepareDatabase(n: number, reuse: boolean): Promise<string> {
  const adminUrl = process.env.BENCH_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
  const url = new URL(adminUrl);
  url.pathname = `/${DB_NAME}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    const exists = (await admin`select 1 from pg_database where datname = ${DB_NAME}`).length > 0;
    if (exists && reuse) {
      const probe = postgres(url.toString(), { max: 1, onnotice: () => {} });
      // The HTTP part renames one generated case (BENCH_CASE_REFERENCE): it is still one of them.
      const rows = await probe`select count(*)::int as n from complaints where reference like 'BN-%' or reference = ${BENCH_CASE_REFERENCE}`.catch(() => [{ n: -1 }]);
      await probe.end();
      if (rows[0]!.n === n) {
        log(`Reusing ${DB_NAME}: ${n.toLocaleString("en")} complaints already there; applying any new migrations.`);
        await migrateAndVacuum(url.toString());
        return url.toString();
      }
      log(`${DB_NAME} holds ${rows[0]!.n} generated complaints, not ${n}: rebuilding.`);
    }
    await admin.unsafe(`drop database if exists ${DB_NAME} with (force)`);
    await admin.unsafe(`create database ${DB_NAME}`);
  } finally {
    await admin.end();
  }
  await migrate(url.toString());
  const sql = postgres(url.toString(), { max: 1, onnotice: () => {} });
  const started = performance.now();
  log(`Generating ${n.toLocaleString("en")} complaints in ${DB_NAME}…`);
  await generateBenchData(sql, { n, passwordHash: await hashPassword(BENCH_OWNER.password), log });
  log(`Loaded in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  await sql.end();
  return url.toString();
}

async function migrate(url: string) {
  const handle = await openDatabase({ url });
  await migrateDatabase(handle.db, "postgres");
  await handle.close();
}

/** A kept database may predate the latest schema (a new index, say): migrate it, then refresh the visibility map and statistics. */
async function migrateAndVacuum(url: string) {
  await migrate(url);
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  await sql`vacuum analyze`;
  await sql.end();
}

async function main() {
  const opts = options();
  const url = await prepareDatabase(opts.n, opts.reuse);
  const handle = await openDatabase({ url });
  const sql = postgres(url, { max: 10, onnotice: () => {} });
  try {
    const [size] = await sql`select pg_size_pretty(pg_database_size(current_database())) as size, (select count(*)::int from complaint_events) as events`;
    log(`Database ${DB_NAME}: ${size!.size}, ${size!.events.toLocaleString("en")} timeline events. PostgreSQL ${(await sql`show server_version`)[0]!.server_version}.`);
    const [{ time_zone: timeZone }] = (await sql`select time_zone from business_settings where id = 1`) as unknown as [{ time_zone: string }];
    const [owner] = await sql`select id from staff_users where email = ${BENCH_OWNER.email}`;
    const [agent] = await sql`select assignee_id as id from complaints where assignee_id is not null group by 1 order by count(*) desc limit 1`;
    const [deep] = await sql`select received_at::text as at, id from complaints order by received_at desc, id desc offset ${Math.floor(opts.n / 2)} limit 1`;
    const today = localDate(new Date(), timeZone);
    const base = { db: handle.db, sql, timeZone, deepRow: { receivedAt: deep!.at as string, id: deep!.id as string } };
    const contexts: Array<[string, BenchContext]> = [
      ["owner 90d", { ...base, viewer: { id: owner!.id, role: "owner" } as Viewer, filters: parseAnalyticsFilters({}, today).filters }],
      ["owner 30d", { ...base, viewer: { id: owner!.id, role: "owner" } as Viewer, filters: parseAnalyticsFilters({ range: "30d" }, today).filters }],
      ["owner 12m", { ...base, viewer: { id: owner!.id, role: "owner" } as Viewer, filters: parseAnalyticsFilters({ range: "12m" }, today).filters }],
      ["agent 90d", { ...base, viewer: { id: agent!.id, role: "agent" } as Viewer, filters: parseAnalyticsFilters({}, today).filters }],
    ];
    // The columnar copy, loaded once as a server instance loads it at start.
    let loaded: CopyLoad | null = null;
    if (!opts.skipQueries) {
      process.stderr.write("  loading the analytics copy…\n");
      loaded = await loadCopy(handle.db, opts.n, log);
    }
    const rows: Array<{ app: Timing; plain?: Timing; copy?: Timing }> = [];
    const pages: Array<{ context: string; app: Timing; plain?: Timing; copy?: Timing }> = [];
    const differences: Array<[string, string[]]> = [];
    for (const [label, ctx] of opts.skipQueries ? [] : contexts) {
      // The queue does not depend on the range: it is timed once per viewer, with the default range.
      const cases = [...benchCases(ctx, label, loaded?.copy), ...(label.endsWith("90d") ? queueCases(ctx, label.split(" ")[0]!) : [])];
      for (const c of cases) {
        process.stderr.write(`  timing ${c.name}…\n`);
        const row = {
          app: await measure(c.name, c.app, opts.runs),
          plain: c.plain ? await measure(`${c.name} (plain)`, c.plain, opts.runs) : undefined,
          copy: c.copy ? await measure(`${c.name} (copy)`, c.copy, opts.runs) : undefined,
        };
        rows.push(row);
        if (c.page) pages.push({ context: label, ...row });
        // Each result as it comes, so a long run shows (and keeps) what it has measured so far.
        const more = (what: string, t?: Timing) => (t ? `; ${what} p50 ${t.p50.toFixed(0)} ms, p95 ${t.p95.toFixed(0)} ms` : "");
        process.stderr.write(`    p50 ${row.app.p50.toFixed(0)} ms, p95 ${row.app.p95.toFixed(0)} ms${more("plain SQL", row.plain)}${more("copy", row.copy)}\n`);
      }
      if (loaded) differences.push([label, await reportDifferences(ctx, loaded.copy)]);
    }
    if (rows.length) {
      log(`\nQuery times in ms over ${opts.runs} runs after 3 warm-up runs (${opts.n.toLocaleString("en")} complaints); app = PostgreSQL, copy = the columnar copy:\n`);
      log(timingTable(rows));
    }
    if (loaded && pages.length) {
      log(`\nThe whole analytics page, PostgreSQL beside the copy (each copy run first catches up with the change log, as the page does), ms, p50 / p95:\n`);
      const pair = (t?: Timing) => (t ? `${formatMs(t.p50)} / ${formatMs(t.p95)}` : "");
      const times = (a?: Timing, b?: Timing) => (a && b ? `${(a.p50 / b.p50).toFixed(1)}× / ${(a.p95 / b.p95).toFixed(1)}×` : "");
      log(
        textTable([
          ["context", "PostgreSQL page", "copy page", "plain SQL", "copy vs plain SQL"],
          ...pages.map((p) => [p.context, pair(p.app), pair(p.copy), pair(p.plain), times(p.plain, p.copy)]),
        ]),
      );
      log("");
      for (const [label, found] of differences) {
        log(`Exactness, ${label}: ${found.length === 0 ? "exact: every figure equal" : `${found.length} figures differ, first: ${found.slice(0, 5).join("; ")}`}`);
      }
      if (differences.some(([, found]) => found.length > 0)) process.exitCode = 1;
      process.stderr.write("  measuring freshness…\n");
      const changes = 20;
      const fresh = await measureFreshness(handle.db, sql, loaded.copy, changes);
      log(
        `Freshness: ${changes} committed changes under a refresh every 1 s; from commit until the copy shows it ` +
          `p50 ${fresh.p50.toFixed(0)} ms, p95 ${fresh.p95.toFixed(0)} ms (max ${fresh.max.toFixed(0)} ms).`,
      );
    }
    await loaded?.copy.close();

    if (opts.http) {
      log(`\nHTTP load on 127.0.0.1:${opts.port}, ${opts.connections} connections, ${opts.seconds} s per route:`);
      const httpOptions = { distDir: opts.distDir, baseEnv: process.env, databaseUrl: url, authSecret: randomBytes(24).toString("hex"), port: opts.port, connections: opts.connections, seconds: opts.seconds, sql, log };
      const results = [...(await runHttpBench(httpOptions)), ...(await runReportsInstanceBench(httpOptions))];
      const floor = results[0]!.perSecond;
      log("");
      log(["route".padEnd(38), "req/s".padStart(8), "p50".padStart(7), "p95".padStart(7), "p99".padStart(7), "non-2xx".padStart(8), "errors".padStart(7), "vs floor".padStart(9)].join(" "));
      for (const r of results) {
        log([r.name.padEnd(38), r.perSecond.toFixed(0).padStart(8), r.p50.toFixed(0).padStart(7), r.p95.toFixed(0).padStart(7), r.p99.toFixed(0).padStart(7), String(r.non2xx).padStart(8), String(r.errors).padStart(7), `${((r.perSecond / floor) * 100).toFixed(0)}%`.padStart(9)].join(" "));
      }
      const failed = results.reduce((s, r) => s + r.non2xx + r.errors, 0);
      log(failed === 0 ? "No request failed." : `${failed} requests failed (non-2xx or errors).`);
    }
    log(`\nThe database ${DB_NAME} is kept: run again with --reuse --n ${opts.n} to skip generation.`);
  } finally {
    await sql.end();
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
