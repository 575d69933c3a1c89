import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { sql, type ExtractTablesWithRelations, type SQL } from "drizzle-orm";
import { env } from "@/lib/env";
import * as schema from "./schema";

export type Schema = typeof schema;
/** The one database type the app codes against, whichever driver is behind it. */
export type Db = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

type Handle = { db: Db; kind: "postgres" | "pglite"; close: () => Promise<void> };

/**
 * Opens a database: postgres.js for a URL (a pool of `connections`, 10 unless told), otherwise
 * PGlite in a directory (or in memory for "memory://").
 */
export async function openDatabase(options: {
  url?: string;
  pgliteDir?: string;
  connections?: number;
  /** Seconds a PostgreSQL connection lives before it is replaced; 15 to 30 minutes unless told (tests shorten it). */
  maxLifetimeSeconds?: number;
}): Promise<Handle> {
  if (options.url) {
    const postgres = (await import("postgres")).default;
    // postgres.js reconnects by itself: a connection that broke is reopened by the next query, so
    // the app recovers without a restart when the database comes back. While it is unreachable,
    // queries fail (see isDatabaseUnavailable in db/errors.ts) after at most connect_timeout seconds.
    // It is postgres.js 3.4.9 with a patch (vendor/README.md): unpatched, a connection that broke
    // mid-transaction crashed a write into the dropped socket and then failed its later uses.
    // max_lifetime: every connection is replaced once it is 15 to 30 minutes old (after the
    // query it is running; a new one opens in milliseconds). That bounds how long a connection
    // can outlive a change it cannot see, such as a failover or a DNS switch of the database
    // host that leaves the old server answering, and the memory each PostgreSQL backend gathers
    // in prepared statements (postgres.js prepares every distinct query). Random per pool, so
    // the pools of several instances do not all reconnect at once. (postgres.js's default is 30
    // to 60 minutes; half that costs one reconnect per connection per 20 minutes or so.)
    // Session settings sent when each connection opens; they apply to this app's connections only.
    // - jit off: compilation costs tens of milliseconds per query and only pays off on scans
    //   far longer than this app's.
    // - work_mem 32MB: analytics sorts and hashes a quarter of a million rows at a million
    //   complaints, which the 4 MB default sends to disk.
    // - no parallel workers per query: a page runs its queries side by side already, and many
    //   pages run at once; extra workers per query only competed for the same cores (the whole
    //   analytics page at a million complaints: 3.1 s with them, 2.4 s without, on 2 cores).
    const client = postgres(options.url, {
      max: options.connections ?? 10,
      connect_timeout: 10,
      max_lifetime: options.maxLifetimeSeconds ?? Math.round(60 * (15 + Math.random() * 15)),
      onnotice: () => {},
      connection: { jit: "off", work_mem: "32MB", max_parallel_workers_per_gather: "0" },
    });
    const db = drizzlePostgres(client, { schema }) as unknown as Db;
    return { db, kind: "postgres", close: () => client.end({ timeout: 5 }) };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const dir = options.pgliteDir ?? env.PGLITE_DIR;
  const client = dir === "memory://" ? new PGlite() : new PGlite(dir);
  await client.waitReady;
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return { db, kind: "pglite", close: () => client.close() };
}

// One handle per process, kept on globalThis so dev hot reloads do not open PGlite's directory twice.
const globalForDb = globalThis as unknown as { caserootDb?: Promise<Handle>; caserootReportsDb?: Promise<Db> };

function handle(): Promise<Handle> {
  globalForDb.caserootDb ??= openDatabase({ url: env.DATABASE_URL, pgliteDir: env.PGLITE_DIR });
  return globalForDb.caserootDb;
}

/** The app's database. Await it once per request: `const db = await getDb()`. */
export async function getDb(): Promise<Db> {
  return (await handle()).db;
}

/**
 * The database for owners' reports (the analytics page and its exports), on a pool of its own
 * (REPORTS_DB_CONNECTIONS, 3 unless set). An analytics page at a million complaints keeps seven
 * queries busy for a second or more; on the app's pool, ten owners opening it at once took every
 * connection and an agent's queue page waited behind all their queries (see the README's
 * measurements). Here reports queue among themselves. The embedded database is one process with
 * one connection: there it is the app's own handle.
 */
export async function getReportsDb(): Promise<Db> {
  globalForDb.caserootReportsDb ??= (async () => {
    const main = await handle();
    if (main.kind === "pglite" || !env.DATABASE_URL) return main.db;
    return (await openDatabase({ url: env.DATABASE_URL, connections: env.REPORTS_DB_CONNECTIONS })).db;
  })();
  return globalForDb.caserootReportsDb;
}

export async function databaseKind(): Promise<Handle["kind"]> {
  return (await handle()).kind;
}

/** Does the database answer? Runs `select 1` and says which kind it is (for the health check). */
export async function pingDatabase(): Promise<Handle["kind"]> {
  const { db, kind } = await handle();
  await db.execute(sql`select 1`);
  return kind;
}

export { schema };

/**
 * Runs raw SQL and returns its rows. The two drivers shape `execute` results differently
 * (PGlite: `{ rows }`, postgres.js: an array); this hides that.
 */
export async function queryRows<T extends Record<string, unknown>>(db: Db | Tx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows?: T[] } | T[];
  return Array.isArray(result) ? result : (result.rows ?? []);
}
