import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { createDatabase, eventually, freePort, postgresServerUrl, startApp, type AppServer, type TestDatabase } from "./helpers/servers";

/**
 * The server protects itself against requests that never finish (scripts/server.mjs):
 * - a handler that never answers gets a 503 after REQUEST_TIMEOUT_MS, and others are served meanwhile;
 * - /api/health reports how late the event loop runs and fails (503) while it runs late;
 * - a loop blocked outright (a runaway render) is killed by the watchdog after WATCHDOG_TIMEOUT_MS
 *   and a new server process takes over, so the server answers again;
 * - every request has an id (a trusted proxy's X-Request-Id, else a new one), echoed in the
 *   response and on the JSON log line written for it.
 * Its own app, with short limits, on a new database; the hangs come from /api/test-hooks, which
 * exists only with CASEROOT_E2E=1.
 */

const REQUEST_TIMEOUT_MS = 2_000;
const WATCHDOG_TIMEOUT_MS = 5_000;
const EVENT_LOOP_DELAY_LIMIT_MS = 200;

let database: TestDatabase | null = null;
let app: AppServer | null = null;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const serverUrl = postgresServerUrl();
  if (serverUrl) database = await createDatabase(serverUrl, "protect");
  app = await startApp({
    port: await freePort(),
    databaseUrl: database?.url,
    authSecret: randomBytes(32).toString("base64url"),
    env: {
      REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS),
      WATCHDOG_TIMEOUT_MS: String(WATCHDOG_TIMEOUT_MS),
      EVENT_LOOP_DELAY_LIMIT_MS: String(EVENT_LOOP_DELAY_LIMIT_MS),
      // The test runner connects over loopback: it plays the trusted proxy.
      TRUST_PROXY: "loopback",
    },
  });
  // Starting (migrations, first module loads) blocks the event loop for a few hundred ms, above
  // this spec's low delay limit: wait until the health check's window has let go of it.
  await eventually(async () => (await fetch(`${app!.url}/api/health`)).status === 200, "the health check never settled after start", 60_000);
});

test.afterAll(async () => {
  await app?.stop();
  await database?.drop();
});

/** The JSON log lines the server wrote for one request. */
function logLinesFor(requestId: string): Record<string, unknown>[] {
  return app!
    .output()
    .split("\n")
    .filter((line) => line.startsWith("{") && line.includes(requestId))
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((line) => line.requestId === requestId);
}

test("each request has an id, echoed in the response and on its log line", async ({ request }) => {
  const traced = await request.get(`${app!.url}/api/health`, { headers: { "X-Request-Id": "lb-trace-7f3a" } });
  expect(traced.headers()["x-request-id"]).toBe("lb-trace-7f3a");
  await eventually(async () => logLinesFor("lb-trace-7f3a").length > 0, "no log line for the request", 5_000);
  expect(logLinesFor("lb-trace-7f3a")[0]).toMatchObject({ level: "info", msg: "GET /api/… 200", path: "/api/…", status: 200, requestId: "lb-trace-7f3a" });

  const fresh = await request.get(`${app!.url}/api/health`);
  const id = fresh.headers()["x-request-id"]!;
  expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  await eventually(async () => logLinesFor(id).length > 0, "no log line for the request", 5_000);
});

test("a request that never answers gets a 503 after the time limit, and others are served meanwhile", async ({ request }) => {
  const stuck = request.get(`${app!.url}/api/test-hooks?do=wait`, { timeout: 30_000 });
  const health = await request.get(`${app!.url}/api/health`, { timeout: 5_000 });
  expect(health.status()).toBe(200);
  const answer = await stuck;
  expect(answer.status()).toBe(503);
  expect(answer.headers()["retry-after"]).toBe("60");
  expect(await answer.json()).toMatchObject({ error: "timeout" });
  expect(app!.output()).toContain("no answer within 2000 ms, answered 503");
  // The server is still fine afterwards.
  expect((await request.get(`${app!.url}/api/health`)).status()).toBe(200);
});

test("the health check reports how late the event loop runs, and fails while it runs late", async ({ request }) => {
  // A loop kept busy 700 ms at a time, five times over: a fifth of a second is the limit here.
  for (let i = 0; i < 5; i++) expect((await request.get(`${app!.url}/api/test-hooks?do=block&ms=700`)).status()).toBe(200);
  const slow = await request.get(`${app!.url}/api/health`);
  expect(slow.status()).toBe(503);
  const report = (await slow.json()) as { status: string; eventLoop: { status: string; delayP99Ms: number; delayMaxMs: number; limitMs: number } };
  expect(report.status).toBe("degraded");
  expect(report.eventLoop.status).toBe("slow");
  expect(report.eventLoop.limitMs).toBe(EVENT_LOOP_DELAY_LIMIT_MS);
  expect(report.eventLoop.delayMaxMs).toBeGreaterThanOrEqual(600);
  expect(report.eventLoop.delayP99Ms).toBeGreaterThan(EVENT_LOOP_DELAY_LIMIT_MS);
  // Once the loop keeps up again, the check passes again (the reading covers the last 5–10 s).
  await eventually(async () => (await request.get(`${app!.url}/api/health`)).status() === 200, "the health check did not recover", 30_000);
});

test("a loop blocked for good is killed by the watchdog and a new server process answers", async ({ request }) => {
  // Blocked for two minutes, far beyond the watchdog's five seconds.
  const blocked = request.get(`${app!.url}/api/test-hooks?do=block&ms=120000`, { timeout: 90_000 }).then(
    (response) => response.status(),
    (error: Error) => error.message,
  );
  await eventually(async () => app!.output().includes("its event loop is blocked"), "the watchdog did not act", 60_000);
  await eventually(async () => (await request.get(`${app!.url}/api/health`, { timeout: 5_000 })).status() === 200, "the server did not answer again", 60_000);
  // The blocked request died with its process; it did not finish.
  expect(await blocked).not.toBe(200);
  expect(app!.output()).toContain("starting a new server process");
});
