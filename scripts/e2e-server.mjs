// Starts the built app for the browser tests on a fresh database: a new embedded database in a
// temporary folder, or (with E2E_DATABASE_URL) a new database on that PostgreSQL server.
// Migrates and seeds it, then runs the production server (scripts/server.mjs) on E2E_PORT.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDatabase } from "../test/postgres.mjs";

const port = process.env.E2E_PORT || "3100";
const env = {
  ...process.env,
  NODE_ENV: "production",
  PORT: port,
  AUTH_SECRET: process.env.AUTH_SECRET || randomBytes(32).toString("base64url"),
  AUTH_TRUST_HOST: "true",
  APP_URL: `http://localhost:${port}`,
  CASEROOT_E2E: "1",
  // The browser tests sign in and file complaints many times from one address (127.0.0.1), far
  // more than any one visitor would: raise the per-address rate limits for them. The account
  // lockout is not scaled (e2e/abuse.spec.ts shows it); lib/security/*.test.ts prove the limits.
  RATE_LIMIT_MULTIPLIER: process.env.RATE_LIMIT_MULTIPLIER || "50",
};
delete env.DATABASE_URL;

const serverUrl = process.env.E2E_DATABASE_URL;
let cleanup = async () => {};
if (serverUrl) {
  const database = await createDatabase(serverUrl, "caseroot_e2e");
  env.DATABASE_URL = database.url;
  cleanup = database.drop;
  console.log(`[e2e] PostgreSQL database ${database.name}`);
} else {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "caseroot-e2e-"));
  env.PGLITE_DIR = dir;
  cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
  console.log(`[e2e] embedded database in ${dir}`);
}

const tsx = path.join("node_modules", ".bin", "tsx");
for (const script of ["scripts/db-migrate.ts", "scripts/db-seed.ts"]) {
  if (!fs.existsSync(script)) continue;
  const result = spawnSync(tsx, [script], { env, stdio: "inherit" });
  if (result.status !== 0) {
    await cleanup();
    process.exit(result.status ?? 1);
  }
}

const next = spawn(process.execPath, ["scripts/server.mjs", "-p", port], { env, stdio: "inherit" });
let stopping = false;
const stop = async (code) => {
  if (stopping) return;
  stopping = true;
  next.kill("SIGTERM");
  await cleanup();
  process.exit(code);
};
process.on("SIGTERM", () => stop(0));
process.on("SIGINT", () => stop(0));
next.on("exit", (code) => stop(code ?? 0));
