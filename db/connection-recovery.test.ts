import { randomBytes } from "node:crypto";
import net from "node:net";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { postgresServerUrl } from "@/test/databases";
import { openDatabase, queryRows } from "./client";
import { isDatabaseUnavailable } from "./errors";

/**
 * The PostgreSQL driver after a connection breaks (issue 11, item 4): one connection at a time,
 * broken at the three moments that left postgres.js 3.4.9 broken (see vendor/README.md), each
 * followed by a query that must simply work. PostgreSQL only: PGlite has no connections to break.
 */

const serverUrl = await postgresServerUrl();

/** Lets every pending callback (nextTick, promise, immediate, a short timer) run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 100));

describe.skipIf(!serverUrl)("database connections after a break [postgres]", () => {
  let name: string;
  let url: string;
  let admin: postgres.Sql;
  const uncaught: unknown[] = [];
  const record = (error: unknown) => uncaught.push(error);

  beforeAll(async () => {
    admin = postgres(serverUrl!, { max: 1, onnotice: () => {} });
    name = `caseroot_test_${randomBytes(6).toString("hex")}`;
    await admin.unsafe(`create database ${name}`);
    const u = new URL(serverUrl!);
    u.pathname = `/${name}`;
    url = u.toString();
  });

  afterAll(async () => {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end({ timeout: 1 });
  });

  beforeEach(() => {
    uncaught.length = 0;
    process.on("uncaughtException", record);
    process.on("unhandledRejection", record);
  });

  afterEach(() => {
    process.off("uncaughtException", record);
    process.off("unhandledRejection", record);
  });

  const kill = (pid: number) => admin`select pg_terminate_backend(${pid})`;

  it("a transaction whose connection is killed between two statements fails as 'unavailable', and the next query works", async () => {
    const handle = await openDatabase({ url, connections: 1 });
    try {
      const failed = await handle.db
        .transaction(async (tx) => {
          const [row] = await queryRows<{ pid: number }>(tx, sql`select pg_backend_pid() as pid`);
          await kill(row!.pid);
          await settle();
          // postgres.js 3.4.9 sent this (and then the ROLLBACK) to the socket it had already
          // dropped: "TypeError: Cannot read properties of null (reading 'write')", uncaught.
          await tx.execute(sql`select 1`);
        })
        .then(
          () => null,
          (error: unknown) => error,
        );
      expect(failed, "the transaction should have failed").not.toBeNull();
      expect(isDatabaseUnavailable(failed)).toBe(true);
      await settle();
      expect(uncaught).toEqual([]);
      // …and left the connection unable to send its next start-up message (CONNECT_TIMEOUT).
      expect(await queryRows(handle.db, sql`select 2 as two`)).toEqual([{ two: 2 }]);
    } finally {
      await handle.close();
    }
  });

  it("a query killed mid-flight fails, and the connection's next query is not failed with that old error", async () => {
    const handle = await openDatabase({ url, connections: 1 });
    try {
      const [row] = await queryRows<{ pid: number }>(handle.db, sql`select pg_backend_pid() as pid`);
      const sleeping = handle.db.execute(sql`select pg_sleep(30)`).then(
        () => null,
        (error: unknown) => error,
      );
      await settle();
      await kill(row!.pid);
      expect(isDatabaseUnavailable(await sleeping)).toBe(true);
      // postgres.js 3.4.9 kept the server's "terminating connection due to administrator command"
      // and failed the first query of the new connection with it.
      expect(await queryRows(handle.db, sql`select 2 as two`)).toEqual([{ two: 2 }]);
      expect(uncaught).toEqual([]);
    } finally {
      await handle.close();
    }
  });

  it("a connection that closes while a query waits to be written reconnects for the next query", async () => {
    // The driver on its own, given its sockets, so the test can close one at the exact moment:
    // after a query was queued for writing (postgres.js batches small writes until the check
    // phase of the event loop) and before it was written.
    const sockets: net.Socket[] = [];
    const target = new URL(url);
    // `socket` (a function returning the socket to use) is in postgres.js's README, not its types.
    const customSocket: object = {
      socket: () => {
        const socket = net.connect(Number(target.port || 5432), target.hostname);
        sockets.push(socket);
        return socket;
      },
    };
    const driver = postgres(url, { max: 1, connect_timeout: 5, onnotice: () => {}, ...customSocket });
    try {
      expect(await driver`select 1 as one`).toEqual([{ one: 1 }]);
      const queued = driver`select 2 as two`.execute().then(
        () => null,
        (error: unknown) => error,
      );
      // The query reaches the connection a few promise turns later. Its socket then closes before
      // the batched write goes out: under load that is another socket's close, in the same turn,
      // sending a query here; the test emits the close itself to get that order every time.
      for (let turn = 0; turn < 5; turn++) await Promise.resolve();
      const socket = sockets.at(-1)!;
      socket.destroy();
      socket.emit("close", false);
      expect(isDatabaseUnavailable(await queued)).toBe(true);
      // postgres.js 3.4.9 kept the cancelled write as "still scheduled" and never scheduled
      // another: the next start-up message was never sent and every later use of the connection
      // failed with CONNECT_TIMEOUT.
      expect(await driver`select 3 as three`).toEqual([{ three: 3 }]);
      expect(uncaught).toEqual([]);
    } finally {
      await driver.end({ timeout: 1 });
    }
  });

  it("a connection past its maximum lifetime finishes its query, and the next query gets a new connection", async () => {
    const handle = await openDatabase({ url, connections: 1, maxLifetimeSeconds: 1 });
    try {
      const pid = async () => (await queryRows<{ pid: number }>(handle.db, sql`select pg_backend_pid() as pid`))[0]!.pid;
      const first = await pid();
      // Still running when the connection turns 1 s old: it must finish, not be cut.
      expect(await queryRows(handle.db, sql`select pg_sleep(1.5), 1 as one`)).toEqual([{ pg_sleep: "", one: 1 }]);
      await settle();
      expect(await pid()).not.toBe(first);
      expect(uncaught).toEqual([]);
    } finally {
      await handle.close();
    }
  });
});
