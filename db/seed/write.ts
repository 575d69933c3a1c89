import { getTableColumns, sql, type Column } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Tx } from "@/db/client";

const BATCH_ROWS = 1000;

/**
 * Inserts many rows, a thousand per statement, sent as ONE JSON parameter that
 * `jsonb_to_recordset` unpacks on the server. Binding tens of thousands of separate parameters
 * was the slow part on PGlite (about twice as slow as this for the timeline events); values
 * still go through each column's own driver mapping, so dates and enums are stored as drizzle
 * would store them.
 *
 * Every row must give the columns the others give: a NOT NULL column missing from some rows
 * would arrive as null rather than as its default, so that is refused up front.
 */
export async function insertRows<T extends PgTable>(tx: Tx, table: T, rows: ReadonlyArray<T["$inferInsert"]>): Promise<void> {
  if (rows.length === 0) return;
  const records = rows as ReadonlyArray<Record<string, unknown>>;
  const columns = Object.entries(getTableColumns(table) as Record<string, Column>).filter(([key]) =>
    records.some((row) => row[key] !== undefined),
  );
  for (const [key, column] of columns) {
    if (column.notNull && records.some((row) => row[key] == null)) {
      throw new Error(`insertRows: ${column.name} is NOT NULL but missing from some rows`);
    }
  }
  const names = sql.join(columns.map(([, c]) => sql.identifier(c.name)), sql`, `);
  const types = sql.join(columns.map(([, c]) => sql`${sql.identifier(c.name)} ${sql.raw(c.getSQLType())}`), sql`, `);
  const driverValue = (column: Column, value: unknown) =>
    value == null ? null : column.getSQLType() === "jsonb" ? value : column.mapToDriverValue(value);

  for (let i = 0; i < records.length; i += BATCH_ROWS) {
    const batch = records.slice(i, i + BATCH_ROWS).map((row) => Object.fromEntries(columns.map(([key, c]) => [c.name, driverValue(c, row[key])])));
    await tx.execute(
      sql`insert into ${table} (${names}) select ${names} from jsonb_to_recordset(${JSON.stringify(batch)}::jsonb) as x(${types})`,
    );
  }
}
