import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { sql, type SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { bulkRead, sqlLiteral } from "@/db/bulk-read";
import { queryRows, type Db } from "@/db/client";
import { Semaphore } from "@/lib/resilience/semaphore";
import {
  DIMENSIONS,
  duckEnumTypesSql,
  duckTableSql,
  FACT_COLUMNS,
  factsSelect,
  HARD_INTERACTION_COLUMNS,
  hardInteractionsSelect,
  readCsvSql,
} from "./facts";

/**
 * An in-process columnar copy of what analytics reads (DuckDB, in memory), kept current from the
 * change log PostgreSQL fills in the same transaction as every write (migration 0018). Decision
 * record 0013 explains the design; in short:
 *
 * - **Full load**: one repeatable-read transaction on one connection writes the fact rows to a
 *   CSV file with COPY (db/bulk-read.ts); DuckDB reads it into new tables, sorted by day, which
 *   replace the old ones in one step. Its horizon is the oldest transaction still running at its
 *   snapshot.
 * - **Refresh**: one statement reads every change logged by a transaction from the horizon on, and
 *   the new horizon, in one snapshot. The changed complaints' current rows replace theirs in one
 *   DuckDB transaction. Reading a change twice is harmless, so a transaction that was still
 *   running (however long) is read once it has committed: nothing committed is ever skipped.
 * - **Reconcile**: a periodic full load is compared row by row with the kept copy, both brought
 *   to the same horizon first; any difference is logged, then the fresh load replaces it.
 *
 * Queries never see a half-applied change: each refresh and each replacement is one DuckDB
 * transaction, and a page's queries each read one consistent state.
 */

export type CopyState = "empty" | "loading" | "ready" | "failed";
export type CopyStatus = {
  state: CopyState;
  /** Complaints read so far by the load in progress, and how many it expects. */
  loaded: number;
  total: number;
  timeZone: string | null;
  horizon: string | null;
  refreshedAt: Date | null;
  error: string | null;
};
export type Logger = { info: (o: object, msg: string) => void; warn: (o: object, msg: string) => void; error: (o: object, msg: string) => void };

const dialect = new PgDialect();
const REFRESH_BATCH = 5_000;
// More changed complaints than this at once (a large import): a full load is cheaper than re-reading each.
const RELOAD_ABOVE = 100_000;
// A copy that has not refreshed for this long may have missed pruned change rows: it reloads.
const STALE_AFTER_MS = 10 * 60_000;
// Readers silent this long are forgotten when the change log is pruned.
const READER_TTL = "15 minutes";

type Row = Record<string, unknown>;
type Dimensions = { name: string; columns: string; rows: Row[] }[];

export class AnalyticsCopy {
  readonly instanceId = randomUUID();
  private status_: CopyStatus = { state: "empty", loaded: 0, total: 0, timeZone: null, horizon: null, refreshedAt: null, error: null };
  private writer: Promise<DuckDBConnection>;
  /** Serialises refreshes and the final step of a load: both write the tables and the horizon. */
  private lock: Promise<unknown> = Promise.resolve();
  private inflight: Promise<void> | null = null;
  private requested = 0;
  private completed = 0;
  private lastCheckIn = 0;
  private loading: Promise<{ differences: number | null }> | null = null;
  /** While a load runs, the horizon it started from: the change log is kept from there on. */
  private pinnedHorizon: string | null = null;

  private readonly queries: Semaphore;
  private files = 0;

  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly log: Logger,
    concurrentQueries: number,
    /** Where the CSV files of loads and refreshes pass through; removed on close. */
    private readonly scratch: string,
    /** Awaited before each query starts (the server's: let agents' pages go first, lib/resilience/case-work.ts). */
    private readonly beforeQuery: () => Promise<void>,
    /** How many threads the next query may use (the server's: one while agents' pages are being served). */
    private readonly threadsFor: () => number,
    private threads: number,
  ) {
    this.writer = instance.connect();
    this.queries = new Semaphore(concurrentQueries);
  }

  /**
   * An empty copy. `memoryLimit` caps DuckDB's memory (it refuses queries beyond it rather than
   * grow). `concurrentQueries` (1 unless told) is how many queries run at once; the others wait
   * their turn. Each query already uses DuckDB's `threads` (2, or what `threadsFor` says when it
   * starts; `beforeQuery` is awaited first: the server's let agents go first), and it runs on Node's libuv pool
   * (4 threads), which the rest of the server needs too (response compression, files): ten owners'
   * pages at once took every pool thread and agents' pages waited seconds behind them.
   */
  static async create(options: {
    log: Logger;
    memoryLimit?: string;
    threads?: number;
    concurrentQueries?: number;
    beforeQuery?: () => Promise<void>;
    threadsFor?: () => number;
  }): Promise<AnalyticsCopy> {
    const instance = await DuckDBInstance.create(":memory:", { memory_limit: options.memoryLimit ?? "1GB", threads: String(options.threads ?? 2) });
    const setup = await instance.connect();
    await setup.run(duckEnumTypesSql());
    setup.closeSync();
    const scratch = await fs.promises.mkdtemp(path.join(os.tmpdir(), "caseroot-analytics-"));
    const threads = options.threads ?? 2;
    return new AnalyticsCopy(instance, options.log, options.concurrentQueries ?? 1, scratch, options.beforeQuery ?? (async () => {}), options.threadsFor ?? (() => threads), threads);
  }

  status(): CopyStatus {
    return { ...this.status_ };
  }

  /** Whether the figures can come from the copy: it is loaded, for this time zone. */
  isReadyFor(timeZone: string): boolean {
    return this.status_.horizon !== null && this.status_.timeZone === timeZone;
  }

  /** Runs a query on the copy (written with drizzle's `sql`, $n parameters) and returns plain rows. */
  async query<T extends Row>(query: SQL): Promise<T[]> {
    const { sql: text, params } = dialect.sqlToQuery(query);
    return this.queries.run(async () => {
      await this.beforeQuery();
      const connection = await this.instance.connect();
      try {
        const threads = this.threadsFor();
        if (threads !== this.threads) {
          await connection.run(`set threads = ${threads}`);
          this.threads = threads;
        }
        const reader = await connection.runAndReadAll(text, params as never);
        return reader.getRowObjectsJS() as T[];
      } finally {
        connection.closeSync();
      }
    });
  }

  /** Memory DuckDB holds for the copy, in bytes. */
  async memoryBytes(): Promise<number> {
    const [row] = await this.query<{ bytes: number }>(sql`select coalesce(sum(memory_usage_bytes), 0)::double as bytes from duckdb_memory()`);
    return row?.bytes ?? 0;
  }

  /**
   * Brings the copy up to date with every change committed before this call, loading it in full
   * first when it is empty or too old. Concurrent callers share one refresh; a caller that
   * arrives while one is running waits for the next, since the running one may have read the log
   * before the caller's own write committed.
   */
  async catchUp(db: Db): Promise<void> {
    const ticket = ++this.requested;
    while (this.completed < ticket) {
      if (!this.inflight) {
        const covers = this.requested;
        this.inflight = this.refreshOnce(db)
          .then(() => {
            this.completed = Math.max(this.completed, covers);
          })
          .finally(() => {
            this.inflight = null;
          });
      }
      await this.inflight;
    }
  }

  /**
   * A full load from PostgreSQL. With a copy already loaded this is the reconciliation: the kept
   * copy answers (and refreshes) meanwhile, and is compared with the load before it is replaced.
   */
  reload(db: Db): Promise<{ differences: number | null }> {
    this.loading ??= this.loadAndSwap(db).finally(() => {
      this.loading = null;
      this.pinnedHorizon = null;
    });
    return this.loading;
  }

  private async loadAndSwap(db: Db): Promise<{ differences: number | null }> {
    const first = this.status_.horizon === null;
    if (first) this.status_ = { ...this.status_, state: "loading", loaded: 0, total: 0, error: null };
    try {
      const loaded = await this.loadInto(db, "next");
      return await this.exclusive(async () => {
        let differences: number | null = null;
        if (!first && this.status_.horizon !== null && this.status_.timeZone === loaded.timeZone) {
          // Bring both to one horizon, then any row that differs is a change the refresh missed.
          const oldest = minXid(this.status_.horizon, loaded.horizon);
          const next = await this.applyChanges(db, oldest, loaded.timeZone, ["", "_next"]);
          if (next.reload) return { differences: null };
          differences = await this.countDifferences();
          if (differences > 0) this.log.warn({ differences }, "analytics copy: reconciliation found rows the refresh had missed");
          else this.log.info({}, "analytics copy: reconciled, no differences");
          loaded.horizon = next.horizon;
        } else if (!first) {
          const next = await this.applyChanges(db, loaded.horizon, loaded.timeZone, ["_next"]);
          if (next.reload) return { differences: null };
          loaded.horizon = next.horizon;
        }
        await this.swapIn();
        this.status_ = { ...this.status_, state: "ready", timeZone: loaded.timeZone, horizon: loaded.horizon, refreshedAt: new Date(), error: null };
        await this.checkIn(db, true);
        return { differences };
      });
    } catch (error) {
      if (first) this.status_ = { ...this.status_, state: "failed", error: error instanceof Error ? error.message : String(error) };
      throw error;
    }
  }

  async close(): Promise<void> {
    (await this.writer).closeSync();
    this.instance.closeSync();
    await fs.promises.rm(this.scratch, { recursive: true, force: true });
  }

  /** Runs `work` with fresh file names in the scratch directory, and removes the files afterwards. */
  private async withFiles<T>(count: number, work: (files: string[]) => Promise<T>): Promise<T> {
    const files = Array.from({ length: count }, () => path.join(this.scratch, `${++this.files}.csv`));
    try {
      return await work(files);
    } finally {
      await Promise.all(files.map((f) => fs.promises.rm(f, { force: true })));
    }
  }

  private async refreshOnce(db: Db): Promise<void> {
    // A first load in progress: wait for it (the page answers from PostgreSQL meanwhile).
    if (this.status_.horizon === null && this.loading) {
      await this.loading;
      return;
    }
    const stale = this.status_.refreshedAt !== null && Date.now() - this.status_.refreshedAt.getTime() > STALE_AFTER_MS;
    if (this.status_.horizon === null || stale) {
      await this.reload(db);
      return;
    }
    const reloadNeeded = await this.exclusive(async () => {
      const result = await this.applyChanges(db, this.status_.horizon!, this.status_.timeZone!, [""]);
      if (result.reload) return true;
      this.status_ = { ...this.status_, horizon: result.horizon, refreshedAt: new Date() };
      return false;
    });
    if (reloadNeeded) await this.reload(db);
    else await this.checkIn(db, false);
  }

  /**
   * Reads the change log from `horizon` on and applies it to the given table sets ("" the live
   * tables, "_next" a load in progress). Returns the new horizon, or that the copy must reload.
   */
  private async applyChanges(db: Db, horizon: string, timeZone: string, suffixes: string[]) {
    const [log] = await queryRows<Row>(
      db,
      sql`select pg_snapshot_xmin(pg_current_snapshot())::text as horizon,
        (select time_zone from business_settings where id = 1) as time_zone,
        (select coalesce(array_agg(distinct complaint_id::text), '{}') from analytics_changes where txid >= ${horizon}::xid8 and subject = 'complaint') as ids,
        exists (select 1 from analytics_changes where txid >= ${horizon}::xid8 and subject = 'dimensions') as dimensions,
        exists (select 1 from analytics_changes where txid >= ${horizon}::xid8 and subject = 'everything') as everything`,
    );
    const ids = parseTextArray(log!.ids);
    // A truncated table, a new time zone or a huge import: nothing is applied, the copy reloads.
    const reload = log!.everything === true || String(log!.time_zone ?? timeZone) !== timeZone || ids.length > RELOAD_ABOVE;
    const result = { horizon: String(log!.horizon), reload };
    if (reload) return result;
    const writer = await this.writer;
    for (let i = 0; i < ids.length; i += REFRESH_BATCH) {
      const batch = ids.slice(i, i + REFRESH_BATCH);
      await this.withFiles(2, async ([facts, hard]) => {
        await bulkRead(db, { snapshot: false }, async (reader) => {
          await reader.csvToFile(factsSelect(timeZone, batch), facts!);
          await reader.csvToFile(hardInteractionsSelect(batch), hard!);
        });
        // The complaints' rows are replaced whole: a deleted complaint simply has none to insert.
        const changed = `select unnest([${batch.map((id) => sqlLiteral(id)).join(", ")}])::uuid`;
        const statements = suffixes.flatMap((s) => [
          `delete from facts${s} where id in (${changed})`,
          `insert into facts${s} select * from ${readCsvSql(facts!, FACT_COLUMNS)}`,
          `delete from hard_interactions${s} where complaint_id in (${changed})`,
          `insert into hard_interactions${s} select * from ${readCsvSql(hard!, HARD_INTERACTION_COLUMNS)}`,
        ]);
        await transaction(writer, statements);
      });
    }
    if (log!.dimensions === true) await this.writeDimensions(await readDimensions((q) => queryRows<Row>(db, q)));
    return result;
  }

  /** Reads everything in one snapshot into `facts_next` and `hard_interactions_next`. */
  private async loadInto(db: Db, suffix: "next"): Promise<{ horizon: string; timeZone: string }> {
    await this.ensureTables();
    // Keep the change log from here on while the load reads (other instances prune below the
    // oldest registered horizon); the load's own snapshot comes later, so its horizon is newer.
    const [pin] = await queryRows<Row>(db, sql`select pg_snapshot_xmin(pg_current_snapshot())::text as horizon`);
    this.pinnedHorizon = String(pin!.horizon);
    await this.checkIn(db, true);
    // Its own connection: refreshes of the live tables go on meanwhile on the writer's.
    const writer = await this.instance.connect();
    try {
      return await this.readSnapshot(db, writer, suffix);
    } finally {
      writer.closeSync();
    }
  }

  private readSnapshot(db: Db, writer: DuckDBConnection, suffix: "next"): Promise<{ horizon: string; timeZone: string }> {
    return this.withFiles(2, async ([facts, hard]) => {
      // PostgreSQL writes the files in one snapshot; DuckDB reads them once that transaction has ended.
      const read = await bulkRead(db, { snapshot: true }, async (reader) => {
        const [snapshot] = await reader.rows<Row>(
          sql`select pg_snapshot_xmin(pg_current_snapshot())::text as horizon, (select time_zone from business_settings where id = 1) as time_zone,
            (select count(*)::int from complaints) as total`,
        );
        const timeZone = String(snapshot?.time_zone ?? "UTC");
        this.status_ = { ...this.status_, total: Number(snapshot?.total ?? 0), loaded: 0 };
        await reader.csvToFile(factsSelect(timeZone, null), facts!, (rows) => {
          this.status_ = { ...this.status_, loaded: rows };
        });
        await reader.csvToFile(hardInteractionsSelect(null), hard!);
        return { horizon: String(snapshot!.horizon), timeZone, dimensions: await readDimensions((q) => reader.rows<Row>(q)) };
      });
      // Sorted by day, ranges read only the row groups they need (DuckDB keeps min/max per group).
      await writer.run(`drop table if exists facts_${suffix}; drop table if exists hard_interactions_${suffix}`);
      await writer.run(`create table facts_${suffix} as select * from ${readCsvSql(facts!, FACT_COLUMNS)} order by received_day, id`);
      await writer.run(`create table hard_interactions_${suffix} as select * from ${readCsvSql(hard!, HARD_INTERACTION_COLUMNS)}`);
      await this.writeDimensions(read.dimensions, writer);
      return { horizon: read.horizon, timeZone: read.timeZone };
    });
  }

  private async ensureTables(): Promise<void> {
    const writer = await this.writer;
    const create = (name: string, ddl: string) => `create table if not exists ${name} ${ddl.slice(ddl.indexOf("("))}`;
    await writer.run(
      [
        create("facts", duckTableSql("facts", FACT_COLUMNS)),
        create("hard_interactions", duckTableSql("hard_interactions", HARD_INTERACTION_COLUMNS)),
        ...Object.entries(DIMENSIONS).map(([name, d]) => `create table if not exists ${name} (${d.columns})`),
      ].join("; "),
    );
  }

  /** The small tables, replaced whole in one transaction. */
  private async writeDimensions(tables: Dimensions, connection?: DuckDBConnection): Promise<void> {
    const statements: string[] = [];
    for (const t of tables) {
      statements.push(`delete from ${t.name}`);
      if (t.rows.length === 0) continue;
      const names = t.columns.split(",").map((c) => c.trim().split(" ")[0]!);
      const values = t.rows.map((r) => `(${names.map((n) => literal(r[n])).join(", ")})`).join(", ");
      statements.push(`insert into ${t.name} values ${values}`);
    }
    await transaction(connection ?? (await this.writer), statements);
  }

  private async countDifferences(): Promise<number> {
    const rows = await this.query<{ n: number }>(
      sql.raw(`select ((select count(*) from (select * from facts except all select * from facts_next))
        + (select count(*) from (select * from facts_next except all select * from facts))
        + (select count(*) from (select * from hard_interactions except all select * from hard_interactions_next))
        + (select count(*) from (select * from hard_interactions_next except all select * from hard_interactions)))::int as n`),
    );
    return rows[0]?.n ?? 0;
  }

  private async swapIn(): Promise<void> {
    await transaction(await this.writer, [
      "drop table facts",
      "alter table facts_next rename to facts",
      "drop table hard_interactions",
      "alter table hard_interactions_next rename to hard_interactions",
    ]);
  }

  /**
   * Records this copy's horizon (every 30 s at most) and prunes the change log below the oldest
   * horizon of the copies still running, so the log stays small whatever the number of instances.
   */
  private async checkIn(db: Db, force: boolean): Promise<void> {
    if (!force && Date.now() - this.lastCheckIn < 30_000) return;
    const horizon = this.pinnedHorizon && this.status_.horizon ? minXid(this.pinnedHorizon, this.status_.horizon) : (this.pinnedHorizon ?? this.status_.horizon);
    if (horizon === null) return;
    this.lastCheckIn = Date.now();
    await queryRows(
      db,
      sql`insert into analytics_readers (instance_id, horizon, seen_at) values (${this.instanceId}, ${horizon}::xid8, now())
        on conflict (instance_id) do update set horizon = excluded.horizon, seen_at = excluded.seen_at`,
    );
    await queryRows(db, sql`delete from analytics_readers where seen_at < now() - ${READER_TTL}::interval`);
    await queryRows(db, sql`delete from analytics_changes where txid < (select min(horizon) from analytics_readers)`);
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.lock.then(work, work);
    this.lock = run.catch(() => undefined);
    return run;
  }
}

/** The small tables as PostgreSQL holds them now. */
async function readDimensions(rows: (query: SQL) => Promise<Row[]>): Promise<Dimensions> {
  return Promise.all(Object.entries(DIMENSIONS).map(async ([name, d]) => ({ name, columns: d.columns, rows: await rows(d.select) })));
}

async function transaction(connection: DuckDBConnection, statements: string[]): Promise<void> {
  await connection.run("begin transaction");
  try {
    for (const statement of statements) await connection.run(statement);
    await connection.run("commit");
  } catch (error) {
    await connection.run("rollback");
    throw error;
  }
}

/** A SQL literal for the small dimension tables (names are text; ids, flags and numbers). */
function literal(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "number") return String(value);
  return sqlLiteral(String(value));
}

/** A text[] from either driver: postgres.js parses it; PGlite may hand back the literal. */
function parseTextArray(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === "string" && value.startsWith("{")) return value.slice(1, -1).split(",").filter(Boolean);
  return [];
}

function minXid(a: string, b: string): string {
  return BigInt(a) < BigInt(b) ? a : b;
}
