// `npm test`: every test. Unit and integration tests (vitest) run on the embedded database and,
// when a PostgreSQL server answers, on PostgreSQL too. Then the app is built and the browser tests
// (Playwright, in the machine's Chromium) run against the embedded database and, again, PostgreSQL.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { findPostgres } from "../test/postgres.mjs";

const bin = (name) => path.join(process.cwd(), "node_modules", ".bin", name);
const env = { ...process.env, NEXT_DIST_DIR: process.env.NEXT_DIST_DIR || ".next-test", NEXT_TELEMETRY_DISABLED: "1" };
if (env.DATABASE_URL === "") delete env.DATABASE_URL;

const results = [];
function step(label, command, args, extraEnv = {}) {
  console.log(`\n━━ ${label}`);
  const started = Date.now();
  const result = spawnSync(command, args, { env: { ...env, ...extraEnv }, stdio: "inherit" });
  const ok = result.status === 0;
  results.push({ label, ok, seconds: ((Date.now() - started) / 1000).toFixed(1) });
  return ok;
}

// The PostgreSQL server for tests: TEST_DATABASE_URL, DATABASE_URL, or the local default.
const pgUrl = await findPostgres(env, { quiet: true });
console.log(pgUrl ? `PostgreSQL found: integration and browser tests run on it too.` : `No PostgreSQL server answered: tests run on the embedded database only.`);

let ok = step("Unit and integration tests", bin("vitest"), ["run"], pgUrl ? { TEST_DATABASE_URL: pgUrl } : {});
ok = step("Production build for the browser tests", bin("next"), ["build"]) && ok;
if (results.at(-1).ok) {
  ok = step("Browser tests on the embedded database", bin("playwright"), ["test"], { E2E_PORT: "3100" }) && ok;
  if (pgUrl) ok = step("Browser tests on PostgreSQL", bin("playwright"), ["test"], { E2E_PORT: "3110", E2E_DATABASE_URL: pgUrl }) && ok;
}

console.log("\n━━ Summary");
for (const r of results) console.log(`${r.ok ? "✓" : "✗"} ${r.label} (${r.seconds} s)`);
const passed = results.filter((r) => r.ok).length;
console.log(`${passed} passed, ${results.length - passed} failed`);
process.exit(ok ? 0 : 1);
