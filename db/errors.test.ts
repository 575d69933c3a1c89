import net from "node:net";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { postgresServerUrl } from "@/test/databases";
import { isDatabaseUnavailable, isUniqueViolation } from "./errors";

/** A local port nobody listens on: connections to it are refused at once. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe("isDatabaseUnavailable", () => {
  it("recognises socket, postgres.js and PostgreSQL connection errors", () => {
    for (const code of ["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "CONNECTION_CLOSED", "CONNECTION_ENDED", "CONNECTION_DESTROYED", "CONNECT_TIMEOUT"]) {
      expect(isDatabaseUnavailable(Object.assign(new Error(code), { code })), code).toBe(true);
    }
    for (const code of ["08006", "08001", "08003", "57P01", "57P02", "57P03", "53300"]) {
      expect(isDatabaseUnavailable(Object.assign(new Error("server"), { code })), code).toBe(true);
    }
  });

  it("follows drizzle's cause chain and an AggregateError's errors", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    expect(isDatabaseUnavailable(new Error("Failed query: select 1", { cause: refused }))).toBe(true);
    expect(isDatabaseUnavailable(new Error("outer", { cause: new Error("middle", { cause: refused }) }))).toBe(true);
    expect(isDatabaseUnavailable(new AggregateError([new Error("v6"), refused], "connect failed"))).toBe(true);
  });

  it("sees through Auth.js's wrapping of an error thrown while checking a password", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    // Auth.js's callback wraps what authorize() threw as `new CallbackRouteError(error)`, which
    // keeps it as `cause.err` (@auth/core errors.js). The browser test of an outage goes through
    // the real thing (e2e/database-outage.spec.ts).
    const wrapped = (error: Error) => Object.assign(new Error(undefined, { cause: { err: error, provider: "credentials" } }), { type: "CallbackRouteError" });
    expect(isDatabaseUnavailable(wrapped(new AggregateError([refused], "Failed query")))).toBe(true);
    expect(isDatabaseUnavailable(wrapped(new Error("Failed query", { cause: Object.assign(new Error("dup"), { code: "23505" }) })))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error("CredentialsSignin"), { type: "CredentialsSignin", code: "credentials" }))).toBe(false);
  });

  it("does not mistake a query's own failure for an outage", () => {
    for (const code of ["23505", "23503", "42P01", "42601", "40001", "22P02", "P0001"]) {
      expect(isDatabaseUnavailable(Object.assign(new Error("query"), { code })), code).toBe(false);
    }
    expect(isDatabaseUnavailable(new Error("Nothing to record."))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
    expect(isDatabaseUnavailable("ECONNREFUSED")).toBe(false);
    expect(isDatabaseUnavailable({ code: 42 })).toBe(false);
  });

  it("is not fooled by a cause that points back at itself", () => {
    const loop: Error & { cause?: unknown } = new Error("loop");
    loop.cause = loop;
    expect(isDatabaseUnavailable(loop)).toBe(false);
  });

  it("classifies what postgres.js really throws when nothing listens on the port", async () => {
    const handle = await openDatabase({ url: `postgres://postgres@127.0.0.1:${await closedPort()}/caseroot` });
    try {
      const error = await handle.db.execute(sql`select 1`).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).not.toBeNull();
      expect(isDatabaseUnavailable(error)).toBe(true);
    } finally {
      await handle.close();
    }
  });

  it("classifies a real PostgreSQL error (division by zero) as the query's fault", async (context) => {
    const server = await postgresServerUrl();
    if (!server) return context.skip("no PostgreSQL server answered");
    const handle = await openDatabase({ url: server });
    try {
      const error = await handle.db.execute(sql`select 1/0`).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).not.toBeNull();
      expect(isDatabaseUnavailable(error)).toBe(false);
      expect(isUniqueViolation(error)).toBe(false);
    } finally {
      await handle.close();
    }
  });
});
