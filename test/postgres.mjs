// The one "is PostgreSQL up / make me a database" helper, in plain JavaScript so that
// scripts/test-all.mjs and scripts/e2e-server.mjs (plain node) share it with the vitest
// helpers (test/databases.ts) and the browser-test helpers (e2e/helpers/servers.ts).
import { randomBytes } from "node:crypto";
import postgres from "postgres";

export const LOCAL_POSTGRES = "postgres://postgres@127.0.0.1:5432/postgres";

/**
 * The PostgreSQL server for tests: TEST_DATABASE_URL, DATABASE_URL, or the local default when it
 * answers; null when none does. A server named in the environment that does not answer is an
 * error, unless `quiet`.
 */
export async function findPostgres(env = process.env, { quiet = false } = {}) {
  const named = env.TEST_DATABASE_URL || env.DATABASE_URL;
  const candidate = named || LOCAL_POSTGRES;
  const sql = postgres(candidate, { max: 1, connect_timeout: 2, onnotice: () => {} });
  try {
    await sql`select 1`;
    return candidate;
  } catch (error) {
    if (named && !quiet) throw error;
    return null;
  } finally {
    await sql.end({ timeout: 1 });
  }
}

/** A new, empty database `<prefix>_<random>` on the server; `drop` removes it (with its connections), once. */
export async function createDatabase(serverUrl, prefix) {
  const name = `${prefix}_${randomBytes(5).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  let dropped = false;
  return {
    name,
    url: url.toString(),
    drop: async () => {
      if (dropped) return;
      dropped = true;
      await admin.unsafe(`drop database if exists ${name} with (force)`).catch(() => {});
      await admin.end({ timeout: 1 });
    },
  };
}
