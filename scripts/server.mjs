// The production server: `npm run serve` (and `npm start`, the browser tests). Next's own
// request handling, with three things `next start` cannot do:
//
// 1. The client's address. `next start` keeps an X-Forwarded-For header a client sent and only
//    fills it from the connection when there is none, so any client could choose its own address
//    and pass every per-address limit. Here the address is worked out from the connection and
//    TRUST_PROXY (lib/security/trust-proxy.mjs) before Next sees the request, and X-Forwarded-For
//    is replaced by that one address (X-Real-IP removed), so everything downstream
//    (lib/security/client-ip.ts: rate limits, the sign-in limits) reads a value no client chose.
// 2. A time limit. A request whose response has not started REQUEST_TIMEOUT_MS after its body
//    arrived gets a 503 page (JSON under /api/) instead of holding its connection forever. A
//    response that has started (a streamed page, an import's progress, a CSV export) may run as
//    long as it keeps sending; one that sends nothing for REQUEST_TIMEOUT_MS is cut off.
// 3. A request id. Each request gets an X-Request-Id (a trusted proxy's, else a new one), which
//    route handlers and server actions read from the request headers (lib/observability/log.ts)
//    and the response echoes, and one JSON log line when it ends: an operator can follow it.
// 4. A watchdog. A synchronous loop blocks the whole Node process: no timer, no other request,
//    not even SIGTERM gets through. So the app runs in a worker process that sends a heartbeat
//    every second from a timer, and this primary process kills a worker whose heartbeat stops
//    for WATCHDOG_TIMEOUT_MS and starts a new one. The primary owns the port and hands each
//    connection to the worker; connections that arrive while the worker is silent or starting
//    wait in the primary and go to the new one.
//
// Usage: node scripts/server.mjs [-p PORT] [-H HOSTNAME]   (PORT from the environment, default 3000)
import { fork } from "node:child_process";
import http from "node:http";
import net from "node:net";
import { fileURLToPath } from "node:url";
import { createLogger, REQUEST_ID_HEADER, requestIdFor } from "../lib/observability/logger.mjs";
import { parseTrustProxy, resolveClientAddress, TrustProxyError, trustsPeer } from "../lib/security/trust-proxy.mjs";

const HEARTBEAT_MS = 1_000;
/** Set by the primary on the worker it starts. */
const WORKER_FLAG = "CASEROOT_SERVER_WORKER";
/** Connections the primary holds while no worker can take them; more are refused. */
const MAX_WAITING = 1_000;
/** How long a worker gets to finish its requests after SIGTERM before it is killed. */
const SHUTDOWN_GRACE_MS = 10_000;
/**
 * How long a starting worker may stay silent. Its first requests open the database (the embedded
 * one compiles and may create itself) and apply migrations, which can hold the loop for many
 * seconds on a busy machine; the worker warms itself up with a health check of its own and only
 * then does WATCHDOG_TIMEOUT_MS apply.
 */
const STARTUP_GRACE_MS = 180_000;

let log;
try {
  log = createLogger(process.env.LOG_LEVEL || "info");
} catch (error) {
  console.error(`[caseroot] LOG_LEVEL: ${error.message}`);
  process.exit(1);
}

function fail(message) {
  log.fatal(message);
  process.exit(1);
}

function readArguments(argv) {
  const options = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    const value = () => inline ?? argv[++i];
    if (flag === "-p" || flag === "--port") options.port = value();
    else if (flag === "-H" || flag === "--hostname") options.hostname = value();
    else fail(`unknown argument "${arg}" (this server takes -p PORT and -H HOSTNAME).`);
  }
  return options;
}

function milliseconds(name, fallback, min) {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > 3_600_000) fail(`${name}: must be a whole number of milliseconds from ${min} to 3600000 (got "${raw}").`);
  return value;
}

function readSettings() {
  const args = readArguments(process.argv.slice(2));
  const port = Number(args.port ?? process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`the port must be a number from 0 to 65535 (got "${args.port ?? process.env.PORT}").`);
  let trust;
  try {
    trust = parseTrustProxy(process.env.TRUST_PROXY);
  } catch (error) {
    if (error instanceof TrustProxyError) fail(error.message);
    throw error;
  }
  return {
    port,
    hostname: args.hostname,
    trust,
    requestTimeoutMs: milliseconds("REQUEST_TIMEOUT_MS", 30_000, 1_000),
    watchdogTimeoutMs: milliseconds("WATCHDOG_TIMEOUT_MS", 10_000, 2_000),
  };
}

const settings = readSettings();
// What `next start` does: a production server unless told otherwise (before Next is loaded).
process.env.NODE_ENV ||= "production";

if (process.env[WORKER_FLAG] === "1" && process.send) await runWorker();
else runPrimary();

// ── The primary: holds the port, hands connections to the worker, watches its heartbeat ─────

function runPrimary() {
  let worker = null;
  let lastBeat = 0;
  let ready = false;
  let warm = false;
  let killedByWatchdog = false;
  let stopping = null;
  let restarts = 0;
  /** Connections accepted while no worker can take them: they wait here, not in a dead process. */
  const waiting = [];

  // The primary owns the listening socket, so it stays open while a worker is replaced (node:cluster
  // closes it when its last worker dies, and loses a connection it was handing to a blocked one).
  const listener = net.createServer({ pauseOnConnect: true }, (socket) => {
    socket.on("error", () => {});
    if (waiting.length >= MAX_WAITING) return socket.destroy();
    waiting.push(socket);
    handOff();
  });

  /**
   * Connections sent to the worker that it has not confirmed yet. The primary keeps its own copy
   * of each until then: a worker that dies first never read them, so they go to the next worker
   * instead of hanging (Node keeps an unacknowledged handle open in the sender forever).
   */
  const unconfirmed = new Map();
  let nextId = 0;

  /** Sends waiting connections to the worker while it is ready and its heartbeat is fresh. */
  function handOff() {
    while (waiting.length && worker?.connected && ready && Date.now() - lastBeat < 2 * HEARTBEAT_MS) {
      const socket = waiting.shift();
      if (socket.destroyed) continue;
      const id = ++nextId;
      unconfirmed.set(id, socket);
      worker.send({ type: "connection", id }, socket, { keepOpen: true }, () => {});
    }
  }
  setInterval(handOff, 100).unref();

  const start = () => {
    worker = fork(fileURLToPath(import.meta.url), process.argv.slice(2), { env: { ...process.env, [WORKER_FLAG]: "1" }, stdio: "inherit" });
    lastBeat = Date.now();
    ready = false;
    warm = false;
    killedByWatchdog = false;
    const self = worker;
    self.on("message", (message) => {
      if (message?.type === "heartbeat") lastBeat = Date.now();
      else if (message?.type === "ready") ready = true;
      else if (message?.type === "warm") warm = true;
      else if (message?.type === "accepted") {
        // The worker has its own copy now; closing ours leaves the connection open.
        unconfirmed.get(message.id)?.destroy();
        unconfirmed.delete(message.id);
      }
      handOff();
    });
    self.on("exit", (code, signal) => onExit(self, code, signal));
  };

  function onExit(dead, code, signal) {
    if (dead !== worker) return;
    worker = null;
    waiting.unshift(...unconfirmed.values());
    unconfirmed.clear();
    if (stopping) process.exit(stopping === "SIGINT" ? 130 : 0);
    if (!ready && !killedByWatchdog) {
      // It never served: a configuration or build problem that another start would only repeat.
      log.fatal(`the server stopped before it was ready (${signal ?? `exit ${code}`}).`);
      process.exit(code || 1);
    }
    restarts += 1;
    log.error({ restarts }, `starting a new server process (restart ${restarts})`);
    // Only now: the embedded database must never be open in two processes.
    start();
  }

  setInterval(() => {
    if (!worker || stopping || killedByWatchdog) return;
    const silentMs = Date.now() - lastBeat;
    if (silentMs <= (warm ? settings.watchdogTimeoutMs : Math.max(settings.watchdogTimeoutMs, STARTUP_GRACE_MS))) return;
    log.error(
      { pid: worker.pid, silentMs },
      `the server process ${worker.pid} has not answered for ${Math.round(silentMs / 1000)} s (its event loop is blocked): killing it and starting another`,
    );
    killedByWatchdog = true;
    worker.kill("SIGKILL");
  }, HEARTBEAT_MS);

  const stop = (signal) => {
    if (stopping) return;
    stopping = signal;
    listener.close();
    for (const socket of waiting.splice(0)) socket.destroy();
    if (!worker) process.exit(0);
    // The worker finishes what it is serving, as `next start` does; a blocked one never hears it.
    worker.kill(signal);
    setTimeout(() => worker?.kill("SIGKILL"), SHUTDOWN_GRACE_MS);
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));

  listener.on("error", (error) => fail(`could not listen on port ${settings.port}: ${error.message}`));
  listener.listen(settings.port, settings.hostname, () => start());
}

// ── The worker: Next behind the address rewrite and the time limit ────────────────────────────

async function runWorker() {
  const heartbeat = setInterval(() => process.send?.({ type: "heartbeat" }), HEARTBEAT_MS);
  const { port, hostname, trust, requestTimeoutMs } = settings;
  const { default: next } = await import("next");
  // As `next start` sets them: the port, and the origin Next uses for requests to itself.
  process.env.PORT = String(port);
  process.env.__NEXT_PRIVATE_ORIGIN = `http://${hostname && hostname !== "0.0.0.0" && hostname !== "::" ? hostname : "localhost"}:${port}`;
  const app = next({ dev: false, dir: process.cwd(), hostname, port });
  await app.prepare();
  const handle = app.getRequestHandler();

  const inFlight = new Set();
  let closing = false;

  const server = http.createServer((req, res) => {
    req.headers["x-forwarded-for"] = resolveClientAddress(req.socket.remoteAddress, req.headers["x-forwarded-for"], trust);
    delete req.headers["x-real-ip"];
    const requestId = requestIdFor(req.headers[REQUEST_ID_HEADER], trustsPeer(req.socket.remoteAddress, trust));
    req.headers[REQUEST_ID_HEADER] = requestId;
    res.setHeader("X-Request-Id", requestId);

    const entry = { req, res, since: Date.now(), bytes: -1, lastSent: 0, log: log.child({ requestId }) };
    inFlight.add(entry);
    res.once("close", () => {
      inFlight.delete(entry);
      entry.log.info(
        { method: req.method, path: pathLabel(req), status: res.statusCode, ms: Date.now() - entry.since, completed: res.writableFinished },
        `${req.method} ${pathLabel(req)} ${res.statusCode}`,
      );
    });

    handle(req, res).catch((error) => {
      entry.log.error({ err: error }, "request failed");
      if (!res.headersSent && !res.writableEnded) {
        res.statusCode = 500;
        res.end("Internal Server Error");
      }
    });
  });

  // Once a second, every request in flight against the time limit.
  setInterval(() => {
    const now = Date.now();
    for (const entry of inFlight) {
      const { req, res } = entry;
      // Still receiving the body: the client's time, not ours (Node's requestTimeout bounds it).
      if (!req.complete) {
        entry.since = now;
        continue;
      }
      if (!res.headersSent) {
        if (now - entry.since > requestTimeoutMs) answerTimedOut(entry);
        continue;
      }
      const bytes = res.socket?.bytesWritten ?? 0;
      if (bytes !== entry.bytes) {
        entry.bytes = bytes;
        entry.lastSent = now;
      } else if (now - entry.lastSent > requestTimeoutMs) {
        entry.log.error(`${req.method} ${pathLabel(req)}: sent nothing for ${requestTimeoutMs} ms, closing the connection`);
        inFlight.delete(entry);
        res.destroy();
      }
    }
  }, 1_000).unref();

  function answerTimedOut(entry) {
    const { req, res } = entry;
    inFlight.delete(entry);
    entry.log.error(`${req.method} ${pathLabel(req)}: no answer within ${requestTimeoutMs} ms, answered 503`);
    const api = (req.url ?? "").startsWith("/api/");
    const body = api
      ? JSON.stringify({ error: "timeout", message: "The server could not answer in time. Nothing is known to have been saved; try again in a minute." })
      : TIMEOUT_PAGE;
    for (const name of res.getHeaderNames()) res.removeHeader(name);
    res.writeHead(503, {
      "X-Request-Id": req.headers[REQUEST_ID_HEADER],
      "Content-Type": api ? "application/json" : "text/html; charset=utf-8",
      "Content-Length": Buffer.byteLength(body),
      "Cache-Control": "no-store",
      "Retry-After": "60",
      "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
      "X-Content-Type-Options": "nosniff",
      Connection: "close",
    });
    res.end(body);
    // Next's handler is still running and may try to answer later: let it write into nothing.
    res.setHeader = res.removeHeader = res.appendHeader = res.writeHead = res.flushHeaders = () => res;
    res.write = () => true;
    res.end = (...args) => {
      const callback = args.find((arg) => typeof arg === "function");
      if (callback) process.nextTick(callback);
      return res;
    };
  }

  // Connections come from the primary, which owns the port.
  process.on("message", (message, socket) => {
    if (message?.type !== "connection" || !socket) return;
    process.send?.({ type: "accepted", id: message.id });
    if (closing) return socket.destroy();
    server.emit("connection", socket);
    socket.resume();
  });
  // Without its primary nobody hands this process connections or watches it: stop.
  process.on("disconnect", () => process.exit(0));

  server.on("error", (error) => {
    log.fatal({ err: error }, "could not start the server");
    process.exit(1);
  });
  // Also listening on a loopback port of its own: Node's HTTP server tracks connections (for its
  // own timeouts and a graceful close) only once listening, and the warm-up asks it directly.
  server.listen(0, "127.0.0.1", async () => {
    log.info({ pid: process.pid }, `listening on ${process.env.__NEXT_PRIVATE_ORIGIN} (process ${process.pid})`);
    process.send?.({ type: "ready" });
    await warmUp(server);
    process.send?.({ type: "warm" });
  });

  const shutdown = (signal) => {
    if (closing) return;
    closing = true;
    // Like `next start`: stop taking connections, let the requests in flight finish, close Next.
    server.close(async () => {
      clearInterval(heartbeat);
      await app.close().catch((error) => log.error({ err: error }, "closing Next failed"));
      process.exit(signal === "SIGINT" ? 130 : 0);
    });
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
}

/**
 * Asks this server for its own health until the app itself answers (not the time limit): the
 * database is open and migrated, and the first visitor does not wait for that.
 */
async function warmUp(server) {
  const url = `http://127.0.0.1:${server.address().port}/api/health`;
  const deadline = Date.now() + STARTUP_GRACE_MS;
  while (Date.now() < deadline) {
    try {
      const answer = await (await fetch(url, { signal: AbortSignal.timeout(STARTUP_GRACE_MS) })).json();
      if (answer?.database) return;
    } catch {
      // not yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** The first segment of the path only: the rest may hold a tracking token, which logs must not. */
function pathLabel(req) {
  const path = (req.url ?? "/").split("?")[0];
  const first = path.split("/")[1] ?? "";
  return path.length > first.length + 1 ? `/${first}/…` : path;
}

const TIMEOUT_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Please try again</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 36rem; margin: 4rem auto; padding: 0 1rem; line-height: 1.5">
<h1>Please try again in a minute</h1>
<p>The server could not answer this request in time. If you were sending a form, go back: what you typed may still be there.</p>
<p><a href="/">Home page</a></p>
</body>
</html>
`;
