import path from "node:path";
import type { Sql } from "postgres";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import type { PostgresJsDatabase } from "drizzle-orm/postgres-js";
import type { Db } from "./client";

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");

// Any fixed number: several instances starting together take turns applying migrations.
const MIGRATION_LOCK_KEY = 72_201_001;

/** Applies the committed SQL migrations; safe to call from several processes at once. */
export async function migrateDatabase(db: Db, kind: "postgres" | "pglite"): Promise<void> {
  if (kind === "pglite") {
    await migratePglite(db as unknown as PgliteDatabase, { migrationsFolder: MIGRATIONS_FOLDER });
    return;
  }
  // The lock is a session lock, so take and release it on one reserved connection: through the
  // pool, the unlock could land on another connection and leave the lock held.
  const client = (db as unknown as PostgresJsDatabase & { $client: Sql }).$client;
  const reserved = await client.reserve();
  try {
    await reserved`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    try {
      await migratePostgres(db as unknown as PostgresJsDatabase, { migrationsFolder: MIGRATIONS_FOLDER });
    } finally {
      await reserved`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
    }
  } finally {
    reserved.release();
  }
}
