import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import type { Sql } from "postgres";
import { BENCH_AGENT_EMAIL, BENCH_OWNER } from "./generate";

/**
 * The HTTP load part: `next start` on loopback against the bench database, signed in as the
 * owner, then autocannon against each route for a fixed time at a fixed concurrency. Traffic
 * goes to 127.0.0.1 only, and every run is bounded by its duration.
 */
export type HttpOptions = { distDir: string; baseEnv: NodeJS.ProcessEnv; databaseUrl: string; authSecret: string; port: number; connections: number; seconds: number; sql: Sql; log: (m: string) => void };

type Target = { name: string; path: string; method?: "GET" | "POST"; body?: string; auth?: boolean; contentType?: string };
export type HttpResult = { name: string; requests: number; perSecond: number; p50: number; p95: number; p99: number; non2xx: number; errors: number; references: string[] };

function ensureBuild(distDir: string, baseEnv: NodeJS.ProcessEnv, log: (m: string) => void) {
  if (fs.existsSync(path.join(distDir, "BUILD_ID"))) return;
  log(`No build in ${distDir}: building once (next build)…`);
  const result = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: { ...baseEnv, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1" } });
  if (result.status !== 0) throw new Error("next build failed");
}

async function waitForHealth(base: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`next start exited with ${server.exitCode}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("the server did not become healthy within 120 s");
}

/** Auth.js credentials sign-in over HTTP: CSRF token and cookie, then the form post; returns the Cookie header. */
async function signIn(base: string, email: string = BENCH_OWNER.email): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = new Map<string, string>();
  const keep = (r: Response) => r.headers.getSetCookie().forEach((c) => { const [pair] = c.split(";"); const i = pair!.indexOf("="); jar.set(pair!.slice(0, i), pair!.slice(i + 1)); });
  keep(csrf);
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie() },
    body: new URLSearchParams({ csrfToken, email, password: BENCH_OWNER.password, callbackUrl: "/cases" }),
  });
  keep(response);
  if (response.status !== 302 || (response.headers.get("location") ?? "").includes("error=")) throw new Error(`sign-in as ${email} failed`);
  return cookie();
}

/**
 * The server starts loading its analytics copy when it starts; until it is loaded the page says
 * "Preparing the figures" and counts on PostgreSQL. The analytics route is timed only once the
 * page no longer says so (or says the copy could not be prepared), so the copy is what is measured.
 */
async function waitForAnalyticsCopy(base: string, cookie: string, log: (m: string) => void): Promise<void> {
  const started = performance.now();
  const deadline = Date.now() + 15 * 60_000;
  let said = -1;
  for (;;) {
    const requested = performance.now();
    const response = await fetch(`${base}/analytics`, { headers: { cookie } });
    const body = await response.text();
    const took = performance.now() - requested;
    if (!response.ok) throw new Error(`GET /analytics answered ${response.status} while waiting for the analytics copy`);
    if (body.includes("Figures from the database")) {
      log(`  The server could not prepare its analytics copy: the analytics route is measured on PostgreSQL.`);
      return;
    }
    if (!body.includes("Preparing the figures")) {
      log(`  Analytics copy ready on the server after ${((performance.now() - started) / 1000).toFixed(0)} s of waiting (a page then took ${took.toFixed(0)} ms).`);
      return;
    }
    const progress = /loading its fast copy of the figures: ([\d,]+) of ([\d,]+)/.exec(body.replaceAll("<!-- -->", ""));
    const seconds = Math.floor((performance.now() - started) / 10_000) * 10;
    if (seconds !== said) {
      said = seconds;
      log(`  waiting for the server's analytics copy${progress ? `: ${progress[1]} of ${progress[2]} complaints` : ""}…`);
    }
    if (Date.now() > deadline) throw new Error("the server's analytics copy was not ready within 15 minutes");
    await new Promise((r) => setTimeout(r, 2_000));
  }
}

/** The app's `next start` on `port`, against the bench database; extra settings in `env`, and `nice` to run it at a lower CPU priority. */
function startServer(options: HttpOptions, port: number, { env = {}, nice = false }: { env?: Record<string, string>; nice?: boolean } = {}): ChildProcess {
  const command = ["npx", "next", "start", "-p", String(port), "-H", "127.0.0.1"];
  const [file, ...args] = nice ? ["nice", "-n", "10", ...command] : command;
  return spawn(file!, args, {
    env: { ...options.baseEnv, ...env, NEXT_DIST_DIR: options.distDir, DATABASE_URL: options.databaseUrl, AUTH_SECRET: options.authSecret, AUTH_TRUST_HOST: "true", OUTBOX_WORKER: "off", SMTP_URL: "", NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1",
      // Every request comes from 127.0.0.1: at the real limits intake would answer 429 after 60
      // complaints. The limiter still runs (its PostgreSQL write is part of each request's cost);
      // it only stops refusing. Refusals themselves are tested in e2e/abuse.spec.ts.
      RATE_LIMIT_MULTIPLIER: "10000" },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
}

function stopServer(server: ChildProcess) {
  if (server.pid) process.kill(-server.pid, "SIGTERM");
}

/**
 * nginx on `port` routing as README's "Reports on their own instance" says: the analytics pages
 * (and their exports) to the reports instance, everything else to the interactive one.
 */
async function startRoutingProxy(port: number, interactivePort: number, reportsPort: number): Promise<{ stop: () => void }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "caseroot-bench-nginx-"));
  const upstream = (to: number) => `proxy_pass http://127.0.0.1:${to}; proxy_set_header Host $http_host; proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;`;
  fs.writeFileSync(
    path.join(dir, "nginx.conf"),
    `daemon off; master_process off; worker_processes 1; pid ${dir}/nginx.pid; error_log ${dir}/error.log warn;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fastcgi; uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
  server {
    listen 127.0.0.1:${port};
    location /analytics { ${upstream(reportsPort)} }
    location / { ${upstream(interactivePort)} }
  }
}
`,
  );
  const nginx = spawn(NGINX, ["-p", dir, "-c", path.join(dir, "nginx.conf"), "-e", path.join(dir, "error.log")], { stdio: ["ignore", "ignore", "inherit"] });
  const stop = () => {
    nginx.kill("SIGTERM");
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(`http://127.0.0.1:${port}`, nginx);
  } catch (error) {
    stop();
    throw error;
  }
  return { stop };
}

const NGINX = "/usr/sbin/nginx";

/** The one generated case the case page is measured on, renamed from its generated "BN-…" reference. */
export const BENCH_CASE_REFERENCE = "CR-BNCH-CASE";

function load(base: string, target: Target, options: HttpOptions, cookie: string): Promise<HttpResult> {
  const times: number[] = [];
  const references: string[] = [];
  // Which statuses the failures were, so a failing route says why ("302 ×479").
  const failures = new Map<number, number>();
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${base}${target.path}`,
        method: target.method ?? "GET",
        connections: options.connections,
        duration: options.seconds,
        // Slow pages are measured, not dropped: a request counts as failed only after 60 s.
        timeout: 60,
        headers: { ...(target.auth ? { cookie } : {}), ...(target.contentType ? { "content-type": target.contentType } : {}) },
        body: target.body,
        // [<id>] in the body becomes a unique id per request: every complaint gets its own email.
        idReplacement: Boolean(target.body),
        // The reference of every complaint the API accepted, to look each one up afterwards.
        requests: [
          {
            onResponse: (status, body) => {
              if (status === 201) references.push((JSON.parse(body) as { reference: string }).reference);
              if (status >= 300) failures.set(status, (failures.get(status) ?? 0) + 1);
            },
          },
        ],
      },
      (error, result) => {
        if (error) return reject(error);
        times.sort((a, b) => a - b);
        const at = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))] ?? 0;
        if (failures.size > 0) options.log(`    non-2xx answers: ${[...failures].map(([status, n]) => `${status} ×${n}`).join(", ")}`);
        resolve({ name: target.name, requests: result.requests.total, perSecond: result.requests.average, p50: at(50), p95: at(95), p99: at(99), non2xx: result.non2xx, errors: result.errors + result.timeouts, references });
      },
    );
    instance.on("response", (_client: unknown, _status: number, _bytes: number, ms: number) => {
      times.push(ms);
    });
  });
}

export async function runHttpBench(options: HttpOptions): Promise<HttpResult[]> {
  const { log, sql } = options;
  ensureBuild(options.distDir, options.baseEnv, log);
  const base = `http://127.0.0.1:${options.port}`;
  const server = startServer(options, options.port);
  try {
    await waitForHealth(base, server);
    const cookie = await signIn(base);
    // An agent (every bench account has the owner's password): their queue is what must stay fast while owners run reports.
    const agentCookie = await signIn(base, BENCH_AGENT_EMAIL);
    if (options.baseEnv.ANALYTICS_ENGINE === "postgres") log("  ANALYTICS_ENGINE=postgres: the analytics route is measured on PostgreSQL.");
    else await waitForAnalyticsCopy(base, cookie, log);
    // Generated complaints carry references the app never issues ("BN-…"), which its case page
    // answers with 404: one of them gets a well-formed reference, so a real case page is measured.
    const caseReference = BENCH_CASE_REFERENCE;
    if ((await sql`select 1 from complaints where reference = ${caseReference}`).length === 0) {
      await sql`update complaints set reference = ${caseReference}
        where id = (select id from complaints where reference like 'BN-%' order by received_at desc limit 1 offset 100)`;
    }
    const filed = await fetch(`${base}/api/v1/complaints`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(intake("tracking")) });
    const { trackingUrl } = (await filed.json()) as { trackingUrl: string };
    const loadComplaints = async () =>
      (await sql`select count(*)::int as n from complaints c join customers cu on cu.id = c.customer_id where cu.email like 'load-%'`)[0]!.n as number;
    const before = await loadComplaints();

    const targets: Target[] = [
      { name: "floor: GET /api/v1/openapi.json", path: "/api/v1/openapi.json" },
      { name: "intake: POST /api/v1/complaints", path: "/api/v1/complaints", method: "POST", contentType: "application/json", body: JSON.stringify(intake("[<id>]")) },
      { name: "tracking page", path: new URL(trackingUrl).pathname },
      { name: "queue: GET /cases", path: "/cases", auth: true },
      { name: "case page", path: `/cases/${caseReference}`, auth: true },
      { name: "analytics: GET /analytics", path: "/analytics", auth: true },
    ];
    const results: HttpResult[] = [];
    for (const target of targets) {
      log(`  ${target.name}: ${options.connections} connections for ${options.seconds} s…`);
      results.push(await load(base, target, options, cookie));
    }
    // Owners' reports must not starve the agents: the queue with 2 connections while the
    // analytics page is loaded on all the others, at the same time.
    const queue = targets.find((t) => t.path === "/cases")!;
    const analytics = targets.find((t) => t.path === "/analytics")!;
    await drainHeavyPages(base, cookie, log);
    log(`  an agent's queue on 2 connections alone, then while analytics runs on ${options.connections}, for ${options.seconds} s each…`);
    results.push(await load(base, { ...queue, name: "agent's queue alone" }, { ...options, connections: 2 }, agentCookie));
    const [queueUnderReports, reportsBeside] = await Promise.all([
      load(base, { ...queue, name: "agent's queue while analytics runs" }, { ...options, connections: 2 }, agentCookie),
      load(base, { ...analytics, name: "analytics beside the queue" }, options, cookie),
    ]);
    results.push(queueUnderReports, reportsBeside);
    // Every complaint the API accepted (201) must be in the database, looked up by its reference.
    // A few more may exist: requests still in flight when the load stopped, whose answers were
    // never read; they are reported, not counted as accepted.
    const accepted = results.find((r) => r.name.startsWith("intake"))!.references;
    const [{ found }] = (await sql`select count(*)::int as found from complaints where reference = any(${accepted})`) as unknown as [{ found: number }];
    const inFlight = (await loadComplaints()) - before - accepted.length;
    log(
      `Intake: ${accepted.length} complaints accepted (201), ${found} of them found in the database by reference: ` +
        `${found === accepted.length ? "none lost" : `${accepted.length - found} MISSING`}` +
        `${inFlight > 0 ? `; ${inFlight} more were stored from requests in flight when the load stopped` : ""}.`,
    );
    return results;
  } finally {
    stopServer(server);
  }
}

/**
 * The same mixed load with the reports on their own instance (README, "Reports on their own
 * instance"): an interactive instance that holds no analytics copy, a reports instance at a lower
 * CPU priority, and nginx in front routing /analytics to the latter. The agent's queue and the
 * ten owners' analytics pages go through nginx, as they would in that deployment.
 */
export async function runReportsInstanceBench(options: HttpOptions): Promise<HttpResult[]> {
  const { log } = options;
  if (!fs.existsSync(NGINX)) {
    log(`  ${NGINX} not found (apt-get install nginx-light): the run with reports on their own instance is skipped.`);
    return [];
  }
  const [proxyPort, interactivePort, reportsPort] = [options.port + 1, options.port + 2, options.port + 3];
  const interactive = startServer(options, interactivePort, { env: { ANALYTICS_ENGINE: "postgres" } });
  const reports = startServer(options, reportsPort, { nice: true });
  let proxy: { stop: () => void } | null = null;
  try {
    await Promise.all([waitForHealth(`http://127.0.0.1:${interactivePort}`, interactive), waitForHealth(`http://127.0.0.1:${reportsPort}`, reports)]);
    proxy = await startRoutingProxy(proxyPort, interactivePort, reportsPort);
    const base = `http://127.0.0.1:${proxyPort}`;
    const cookie = await signIn(base);
    const agentCookie = await signIn(base, BENCH_AGENT_EMAIL);
    await waitForAnalyticsCopy(base, cookie, log);
    const queue: Target = { name: "queue, reports apart: alone", path: "/cases", auth: true };
    log(`  reports on their own instance: an agent's queue on 2 connections alone, then while analytics runs on ${options.connections}, for ${options.seconds} s each…`);
    const alone = await load(base, queue, { ...options, connections: 2 }, agentCookie);
    const [underReports, reportsBeside] = await Promise.all([
      load(base, { ...queue, name: "queue, reports apart: with analytics" }, { ...options, connections: 2 }, agentCookie),
      load(base, { name: "analytics, on the reports instance", path: "/analytics", auth: true }, options, cookie),
    ]);
    return [alone, underReports, reportsBeside];
  } finally {
    proxy?.stop();
    stopServer(interactive);
    stopServer(reports);
  }
}

/**
 * When a load stops, the server still holds the analytics pages that were waiting for their turn
 * (heavy pages take turns, lib/resilience/heavy-pages.ts): a run timed right after would share
 * the machine with them for seconds. Turns are first come, first served, so one more analytics
 * page answers only once every page queued before it has been served: then the server is idle.
 */
async function drainHeavyPages(base: string, cookie: string, log: (m: string) => void): Promise<void> {
  const started = performance.now();
  const response = await fetch(`${base}/analytics`, { headers: { cookie } });
  await response.text();
  log(`  the analytics pages still queued on the server were served in ${(performance.now() - started).toFixed(0)} ms.`);
}

function intake(id: string) {
  return {
    name: "Load Test",
    email: `load-${id}@bench.example`,
    processId: "not_sure",
    description: "The parcel arrived two weeks late and the box was crushed on one side.",
    desiredOutcome: "A replacement, please.",
  };
}
