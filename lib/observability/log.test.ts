import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { trustsPeer, parseTrustProxy } from "@/lib/security/trust-proxy.mjs";
import { createLogger, requestIdFor } from "./logger.mjs";
import { log, logFor, requestLog } from "./log";

function capture() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, destination };
}

describe("the logger", () => {
  it("writes one JSON line per event, with the level by name, the message and the request id when given", () => {
    const { lines, destination } = capture();
    const logger = createLogger("info", destination);
    logger.child({ requestId: "req-42" }).warn({ path: "/api/…" }, "sign-in locked");
    logger.info("no request here");
    logger.debug("below the level");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ level: "warn", msg: "sign-in locked", requestId: "req-42", path: "/api/…" });
    expect(new Date(lines[0]!.time as string).toISOString()).toBe(lines[0]!.time);
    expect(lines[1]).toMatchObject({ level: "info", msg: "no request here" });
    expect(lines[1]).not.toHaveProperty("requestId");
  });

  it("names the request only when there is one; outside a request (timers, scripts) the plain logger", async () => {
    expect(logFor(null)).toBe(log);
    expect(logFor("abc").bindings()).toEqual({ requestId: "abc" });
    expect(await requestLog()).toBe(log);
  });
});

describe("request ids", () => {
  it("keeps a trusted proxy's id and ignores a client's, or a malformed one", () => {
    expect(requestIdFor("lb-7f3a", true)).toBe("lb-7f3a");
    expect(requestIdFor("lb-7f3a", false)).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdFor("two words", true)).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdFor("x".repeat(200), true)).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdFor(undefined, true)).not.toBe(requestIdFor(undefined, true));
  });

  it("trusts the peer as TRUST_PROXY says", () => {
    expect(trustsPeer("10.0.0.5", parseTrustProxy(""))).toBe(false);
    expect(trustsPeer("10.0.0.5", parseTrustProxy("10.0.0.0/8"))).toBe(true);
    expect(trustsPeer("203.0.113.9", parseTrustProxy("10.0.0.0/8"))).toBe(false);
    expect(trustsPeer("::ffff:203.0.113.9", parseTrustProxy("1"))).toBe(true);
  });
});
