import { describe } from "vitest";
import { openDatabase, type Db } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { createDatabase, findPostgres } from "./postgres.mjs";

/**
 * Integration tests run against every database the machine has: always PGlite (in memory),
 * and PostgreSQL when TEST_DATABASE_URL or DATABASE_URL is set or a server answers on
 * 127.0.0.1:5432. Each suite gets its own fresh, migrated database.
 */
export type TestDatabase = { kind: "pglite" | "postgres"; db: Db; close: () => Promise<void> };

let serverUrlPromise: Promise<string | null> | undefined;

/** The PostgreSQL server to create throwaway databases on, or null when none answers. */
export function postgresServerUrl(): Promise<string | null> {
  serverUrlPromise ??= process.env.CASEROOT_TEST_PGLITE_ONLY === "1" ? Promise.resolve(null) : findPostgres();
  return serverUrlPromise;
}

export async function createTestDatabase(kind: "pglite" | "postgres"): Promise<TestDatabase> {
  if (kind === "pglite") {
    const handle = await openDatabase({ pgliteDir: "memory://" });
    await migrateDatabase(handle.db, "pglite");
    return { kind, db: handle.db, close: handle.close };
  }
  const server = await postgresServerUrl();
  if (!server) throw new Error("No PostgreSQL server for tests");
  const database = await createDatabase(server, "caseroot_test");
  const handle = await openDatabase({ url: database.url });
  await migrateDatabase(handle.db, "postgres");
  return {
    kind,
    db: handle.db,
    close: async () => {
      await handle.close();
      await database.drop();
    },
  };
}

/** The database kinds available on this machine, resolved once at collection time. */
export const databaseKinds: Array<"pglite" | "postgres"> = (await postgresServerUrl()) ? ["pglite", "postgres"] : ["pglite"];

/**
 * `describeEachDatabase("intake", (getDb) => { it(...) })`: the suite runs once per database,
 * with a fresh database created before it and dropped after it.
 */
export function describeEachDatabase(name: string, suite: (ctx: { db: () => Db; kind: "pglite" | "postgres" }) => void) {
  for (const kind of databaseKinds) {
    describe(`${name} [${kind}]`, async () => {
      const { beforeAll, afterAll } = await import("vitest");
      let current: TestDatabase | undefined;
      beforeAll(async () => {
        current = await createTestDatabase(kind);
      });
      afterAll(async () => {
        await current?.close();
      });
      suite({
        kind,
        db: () => {
          if (!current) throw new Error("test database not ready");
          return current.db;
        },
      });
    });
  }
}
