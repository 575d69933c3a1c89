// `npm start`: everything a newcomer needs to see the portal running.
// Migrates the database, seeds demo data into an empty embedded database, builds the app when
// its sources changed since the last build, then serves it on PORT (default 3000).
import { spawn, spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const root = process.cwd();
const port = process.env.PORT || "3000";
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const env = { ...process.env, PORT: port, AUTH_TRUST_HOST: process.env.AUTH_TRUST_HOST || "true" };
if (env.DATABASE_URL === "") delete env.DATABASE_URL;
env.APP_URL ||= `http://localhost:${port}`;

// Sessions are signed with AUTH_SECRET. Without one, make one and keep it under .data/ so
// sign-ins survive restarts. (Several instances must share the same secret: set it yourself.)
if (!env.AUTH_SECRET) {
  const secretFile = path.join(root, ".data", "auth-secret");
  fs.mkdirSync(path.dirname(secretFile), { recursive: true });
  if (!fs.existsSync(secretFile)) fs.writeFileSync(secretFile, randomBytes(32).toString("base64url"), { mode: 0o600 });
  env.AUTH_SECRET = fs.readFileSync(secretFile, "utf8").trim();
}

function run(command, args, label) {
  console.log(`\n▸ ${label}`);
  const result = spawnSync(command, args, { env, stdio: "inherit" });
  if (result.status !== 0) {
    console.error(`\n✗ ${label} failed (exit ${result.status}).`);
    process.exit(result.status ?? 1);
  }
}

run(bin("tsx"), ["scripts/db-migrate.ts"], "Applying database migrations");
if (!env.DATABASE_URL || env.CASEROOT_SEED === "1") {
  // The seed refuses to touch a database that holds real data, so this is safe on every start.
  run(bin("tsx"), ["scripts/db-seed.ts"], "Loading demo data (only into an empty database)");
}

// Rebuild only when the sources changed: a fingerprint of every source file's path, size and mtime.
const distDir = env.NEXT_DIST_DIR || ".next";
const fingerprintFile = path.join(root, distDir, "caseroot-source-fingerprint");
function sourceFingerprint() {
  const hash = createHash("sha256");
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else {
        const stat = fs.statSync(full);
        hash.update(`${full}:${stat.size}:${stat.mtimeMs}\n`);
      }
    }
  };
  for (const dir of ["app", "components", "lib", "db", "public"]) if (fs.existsSync(dir)) walk(dir);
  for (const file of ["package-lock.json", "next.config.ts", "auth.ts", "proxy.ts", "instrumentation.ts"]) {
    if (fs.existsSync(file)) hash.update(`${file}:${fs.statSync(file).mtimeMs}\n`);
  }
  return hash.digest("hex");
}
const fingerprint = sourceFingerprint();
const built = fs.existsSync(path.join(root, distDir, "BUILD_ID")) && fs.existsSync(fingerprintFile)
  && fs.readFileSync(fingerprintFile, "utf8") === fingerprint;
if (!built) {
  run(bin("next"), ["build"], "Building the portal (first start or sources changed)");
  fs.writeFileSync(fingerprintFile, fingerprint);
}

console.log(`\n▸ CaseRoot is starting on http://localhost:${port}`);
console.log(`  Customers: http://localhost:${port}/complain   Staff: http://localhost:${port}/signin\n`);
// scripts/server.mjs: Next behind the client-address rule, the time limit and the watchdog.
const server = spawn(process.execPath, ["scripts/server.mjs", "-p", port], { env, stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
