import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { expect, type Page } from "@playwright/test";
import { createDatabase as createDatabaseOn, type CreatedDatabase } from "../../test/postgres.mjs";
import { DEMO_PASSWORD } from "./auth";

/**
 * For specs that need their own app servers and database path (outage, several instances):
 * a throwaway PostgreSQL database, a TCP proxy in front of the server that a test can cut and
 * restore, and extra server processes (scripts/server.mjs) of the build the run already made
 * (NEXT_DIST_DIR is inherited). Those that need PostgreSQL run only on its pass (E2E_DATABASE_URL,
 * a server URL); startApp without a database URL runs on a new embedded database.
 *
 * Every start has a stop; call them in afterAll (they are safe to call twice or after a failed start).
 */

/** Why a spec of this kind is skipped on the embedded pass. */
export const NEEDS_POSTGRES = "needs PostgreSQL: runs only on the PostgreSQL pass (E2E_DATABASE_URL)";

export function postgresServerUrl(): string | null {
  return process.env.E2E_DATABASE_URL || null;
}

/** A port nobody listens on right now, from the system's ephemeral range (no clash with fixed test ports). */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve, reject) => server.once("error", reject).listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export type TestDatabase = CreatedDatabase;

/** A new, empty database on the server, dropped (with its connections) by `drop`. */
export const createDatabase = (serverUrl: string, label: string): Promise<TestDatabase> => createDatabaseOn(serverUrl, `caseroot_e2e_${label}`);

/** The same database URL, reached through another host and port (e.g. a proxy). */
export function viaPort(databaseUrl: string, port: number, host = "127.0.0.1"): string {
  const url = new URL(databaseUrl);
  url.hostname = host;
  url.port = String(port);
  return url.toString();
}

/** Where a script or server keeps its data: a PostgreSQL database, or an embedded one's folder. */
export type DatabaseTarget = { databaseUrl: string } | { pgliteDir: string };

/** Runs a script of scripts/ with tsx against `target`, as scripts/e2e-server.mjs does. */
export async function runScript(script: string, target: string | DatabaseTarget): Promise<void> {
  const where = typeof target === "string" ? { databaseUrl: target } : target;
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production" };
  delete env.PGLITE_DIR;
  delete env.DATABASE_URL;
  if ("databaseUrl" in where) env.DATABASE_URL = where.databaseUrl;
  else env.PGLITE_DIR = where.pgliteDir;
  const child: ChildProcess = spawn(path.join("node_modules", ".bin", "tsx"), [script], { env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  if (code !== 0) throw new Error(`${script} failed (exit ${code}):\n${output}`);
}

/** Migrations and the demo data (the demo accounts sign in with `caseroot-demo`). */
export async function migrateAndSeed(target: string | DatabaseTarget): Promise<void> {
  await runScript("scripts/db-migrate.ts", target);
  await runScript("scripts/db-seed.ts", target);
}

export type TcpProxy = {
  readonly port: number;
  /** Open connections (client and server side). */
  readonly connections: number;
  /** Listens again on the same port: the database is reachable. */
  start: () => Promise<void>;
  /** Stops listening and destroys every open connection: the database is gone, as in a crash or network cut. */
  stop: () => Promise<void>;
};

/** A TCP proxy on 127.0.0.1 in front of `target`, started listening. */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const port = await freePort();
  const sockets = new Set<net.Socket>();
  let server: net.Server | null = null;

  const track = (socket: net.Socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  };

  const start = async () => {
    if (server) return;
    const listening = net.createServer((client) => {
      track(client);
      const upstream = net.connect(target.port, target.host);
      track(upstream);
      client.pipe(upstream);
      upstream.pipe(client);
      const cut = () => {
        client.destroy();
        upstream.destroy();
      };
      client.on("error", cut).on("close", cut);
      upstream.on("error", cut).on("close", cut);
    });
    await new Promise<void>((resolve, reject) => listening.once("error", reject).listen(port, "127.0.0.1", resolve));
    server = listening;
  };

  const stop = async () => {
    const closing = server;
    server = null;
    if (!closing) return;
    const closed = new Promise<void>((resolve) => closing.close(() => resolve()));
    for (const socket of sockets) socket.destroy();
    await closed;
  };

  await start();
  return {
    port,
    get connections() {
      return sockets.size;
    },
    start,
    stop,
  };
}

export type AppServer = {
  port: number;
  url: string;
  /** What the server printed, for failure messages. */
  output: () => string;
  stop: () => Promise<void>;
};

/**
 * Starts the production server (scripts/server.mjs) of the existing build (NEXT_DIST_DIR from the
 * environment, as the run uses) on `port` with `databaseUrl`, or without one on a new embedded
 * database in a temporary folder (removed by stop()), and waits until /api/health answers 200.
 * Its own process group, so stop() ends it and anything it spawned.
 */
export async function startApp(options: {
  port: number;
  /** Unset: a throwaway embedded database. */
  databaseUrl?: string;
  authSecret: string;
  env?: Record<string, string>;
  /** Load the migrations and demo data first (the embedded database starts empty otherwise). */
  seed?: boolean;
  /** Sees everything the server prints (output() keeps only the last 20,000 characters). */
  onOutput?: (text: string) => void;
}): Promise<AppServer> {
  const { port, databaseUrl, authSecret } = options;
  const embeddedDir = databaseUrl ? null : fs.mkdtempSync(path.join(os.tmpdir(), "caseroot-e2e-app-"));
  const url = `http://localhost:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(port),
    AUTH_SECRET: authSecret,
    AUTH_TRUST_HOST: "true",
    APP_URL: url,
    CASEROOT_E2E: "1",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  // Nothing of the run's own database or mail settings leaks in; the caller's env may set mail.
  delete env.PGLITE_DIR;
  delete env.DATABASE_URL;
  delete env.SMTP_URL;
  delete env.IMAP_URL;
  Object.assign(env, options.env);
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  else env.PGLITE_DIR = embeddedDir!;
  if (options.seed) await migrateAndSeed(databaseUrl ? { databaseUrl } : { pgliteDir: embeddedDir! });

  const child: ChildProcess = spawn(process.execPath, ["scripts/server.mjs", "-p", String(port)], {
    env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (chunk: Buffer) => {
    options.onOutput?.(chunk.toString());
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    child.once("exit", () => {
      exited = true;
      resolve();
    }),
  );

  const removeEmbedded = () => {
    if (embeddedDir) fs.rmSync(embeddedDir, { recursive: true, force: true });
  };
  const stop = async () => {
    if (exited || child.pid === undefined) return removeEmbedded();
    const signal = (name: NodeJS.Signals) => {
      try {
        process.kill(-child.pid!, name);
      } catch {
        // already gone
      }
    };
    signal("SIGTERM");
    const killed = setTimeout(() => signal("SIGKILL"), 5_000);
    await exit;
    clearTimeout(killed);
    // The server's worker may outlive the primary by a moment; the group signal reached it too.
    signal("SIGKILL");
    removeEmbedded();
  };

  const deadline = Date.now() + 90_000;
  for (;;) {
    if (exited) {
      removeEmbedded();
      throw new Error(`the server on port ${port} exited before it was ready:\n${output}`);
    }
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the server on port ${port} was not healthy within 90 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { port, url, output: () => output, stop };
}

/** Polls until `check` returns true (for recovery after an outage), or fails with `message`. */
export async function eventually(check: () => Promise<boolean>, message: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(message);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * Signs a page's context in on a given instance through Auth.js's endpoints (as helpers/auth.ts
 * does for the suite's own server). The session cookie is host-only: it is then sent to every
 * port of localhost by this context.
 */
export async function signInAt(page: Page, origin: string, email: string, password: string = DEMO_PASSWORD): Promise<void> {
  const csrf = await page.request.get(`${origin}/api/auth/csrf`);
  expect(csrf.ok()).toBe(true);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await page.request.post(`${origin}/api/auth/callback/credentials`, {
    form: { csrfToken, email, password, callbackUrl: "/cases" },
    maxRedirects: 0,
  });
  expect(response.status(), `sign-in for ${email} on ${origin}`).toBe(302);
  expect(response.headers()["location"] ?? "", `sign-in for ${email} on ${origin} was refused`).not.toContain("error=");
}

export type ReverseProxy = { port: number; url: string; stop: () => Promise<void> };

/** Where Debian's nginx lives (`apt-get install nginx-light`; .ci/run installs it when missing). */
export const NGINX = "/usr/sbin/nginx";

/**
 * A real nginx on 127.0.0.1 in front of `upstreamPort`, configured as the usual deployment does:
 * it appends the address it received the request from to X-Forwarded-For
 * (`$proxy_add_x_forwarded_for`), and talks to the app from `bindAddress`. Runs in the
 * foreground of its own temporary folder (config, pid, logs, buffers), removed by stop().
 */
export async function startNginx(options: { upstreamPort: number; bindAddress: string }): Promise<ReverseProxy> {
  if (!fs.existsSync(NGINX)) throw new Error(`${NGINX} not found: install it with \`apt-get install -y nginx-light\` (.ci/run does).`);
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "caseroot-nginx-"));
  const config = `
daemon off;
master_process off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 64; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://127.0.0.1:${options.upstreamPort};
      proxy_bind ${options.bindAddress};
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
    }
  }
}
`;
  fs.writeFileSync(path.join(dir, "nginx.conf"), config);
  const child = spawn(NGINX, ["-p", dir, "-c", path.join(dir, "nginx.conf"), "-e", path.join(dir, "error.log")], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    child.once("exit", () => {
      exited = true;
      resolve();
    }),
  );
  const stop = async () => {
    if (!exited) {
      child.kill("SIGTERM");
      const killed = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await exit;
      clearTimeout(killed);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  const url = `http://127.0.0.1:${port}`;
  try {
    await eventually(
      async () => {
        if (exited) throw new Error("nginx exited");
        return (await fetch(`${url}/api/health`)).status === 200;
      },
      "nginx did not start",
      20_000,
    );
  } catch (error) {
    const log = fs.existsSync(path.join(dir, "error.log")) ? fs.readFileSync(path.join(dir, "error.log"), "utf8") : "";
    await stop();
    throw new Error(`${(error as Error).message}:\n${output}\n${log}`);
  }
  return { port, url, stop };
}
