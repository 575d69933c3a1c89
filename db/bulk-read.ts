import { once } from "node:events";
import fs from "node:fs";
import type { PGlite, Transaction as PGliteTransaction } from "@electric-sql/pglite";
import type { SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type { Sql, TransactionSql } from "postgres";
import type { Db } from "./client";

/**
 * Bulk reads on the driver itself, for copying many rows out of the database (the analytics copy
 * loads every complaint). A query's result is written as CSV to a file by `COPY … TO STDOUT`
 * (PostgreSQL) or `COPY … TO '/dev/blob'` (PGlite): no row becomes a JavaScript object, which at a
 * million rows cost most of a load's time and memory. Small queries in the same transaction read
 * rows as usual.
 */
export type BulkReader = {
  rows<T extends Record<string, unknown>>(query: SQL): Promise<T[]>;
  /**
   * Writes the rows of `select` to `path` as CSV in PostgreSQL's format (NULL is an empty field,
   * text is quoted when it needs to be), one line per row, and returns how many rows it wrote.
   * COPY takes no parameters: `select` must carry its values as literals (see `sqlLiteral`).
   * `onRows` hears the running count as the file fills.
   */
  csvToFile(select: string, path: string, onRows?: (rows: number) => void): Promise<number>;
};

const dialect = new PgDialect();
const NEWLINE = 0x0a;

/**
 * Runs `work` in one transaction. `snapshot`: repeatable read and read only, so every query sees
 * the database as of one instant (a full load); otherwise each statement sees what has committed
 * before it (a refresh, which reads the change log first).
 */
export async function bulkRead<T>(db: Db, options: { snapshot: boolean }, work: (reader: BulkReader) => Promise<T>): Promise<T> {
  const client = (db as unknown as { $client: Sql | PGlite }).$client;
  if ("begin" in client) {
    const mode = options.snapshot ? "isolation level repeatable read read only" : "read only";
    return (await client.begin(mode, (tx) => work(postgresReader(tx)))) as T;
  }
  return client.transaction(async (tx) => {
    if (options.snapshot) await tx.exec("set transaction isolation level repeatable read, read only");
    return work(pgliteReader(tx));
  });
}

function postgresReader(tx: TransactionSql): BulkReader {
  return {
    async rows<T>(query: SQL) {
      const { sql: text, params } = dialect.sqlToQuery(query);
      return (await tx.unsafe(text, params as never[])) as unknown as T[];
    },
    async csvToFile(select, path, onRows) {
      const source = await tx.unsafe(`copy (${select}) to stdout with (format csv)`).readable();
      const file = fs.createWriteStream(path);
      let rows = 0;
      try {
        for await (const chunk of source as AsyncIterable<Buffer>) {
          rows += countNewlines(chunk);
          if (!file.write(chunk)) await once(file, "drain");
          onRows?.(rows);
        }
      } finally {
        file.end();
        await once(file, "close");
      }
      return rows;
    },
  };
}

function pgliteReader(tx: PGliteTransaction): BulkReader {
  return {
    async rows<T>(query: SQL) {
      const { sql: text, params } = dialect.sqlToQuery(query);
      return (await tx.query<T>(text, params)).rows;
    },
    async csvToFile(select, path, onRows) {
      // The embedded database hands the whole result over at once, as a Blob.
      const result = await tx.query(`copy (${select}) to '/dev/blob' with (format csv)`);
      const bytes = Buffer.from(result.blob ? await result.blob.arrayBuffer() : new ArrayBuffer(0));
      await fs.promises.writeFile(path, bytes);
      const rows = countNewlines(bytes);
      onRows?.(rows);
      return rows;
    },
  };
}

/** Rows in a chunk of CSV whose fields never hold a line break (ids, codes, numbers, dates). */
function countNewlines(chunk: Uint8Array): number {
  let n = 0;
  for (let i = chunk.indexOf(NEWLINE); i !== -1; i = chunk.indexOf(NEWLINE, i + 1)) n++;
  return n;
}

/** A text value as a PostgreSQL string literal (standard_conforming_strings is on in every supported version). */
export function sqlLiteral(value: string): string {
  if (value.includes("\0")) throw new RangeError("a literal cannot hold a NUL character");
  return `'${value.replaceAll("'", "''")}'`;
}
