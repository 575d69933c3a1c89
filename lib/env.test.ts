import { describe, expect, it } from "vitest";
import { readEnv } from "./env";

describe("TRUST_PROXY at start", () => {
  it("is nobody when unset", () => {
    expect(readEnv({}).TRUST_PROXY).toMatchObject({ hops: 0, ranges: [] });
  });

  it("reads a hop count and ranges", () => {
    expect(readEnv({ TRUST_PROXY: "1, 10.0.0.0/8" }).TRUST_PROXY).toMatchObject({ hops: 1 });
  });

  it("refuses a setting it cannot read, naming the variable and the mistake", () => {
    expect(() => readEnv({ TRUST_PROXY: "lb.internal" })).toThrow(/Invalid environment:\n {2}TRUST_PROXY: "lb.internal" is not a hop count, an IP address, a CIDR range/);
    expect(() => readEnv({ TRUST_PROXY: "true" })).toThrow(/TRUST_PROXY: "true" would let every client choose its own address/);
  });

  it("checks the event-loop delay limit", () => {
    expect(readEnv({}).EVENT_LOOP_DELAY_LIMIT_MS).toBe(1000);
    expect(() => readEnv({ EVENT_LOOP_DELAY_LIMIT_MS: "soon" })).toThrow(/EVENT_LOOP_DELAY_LIMIT_MS: must be a number of milliseconds/);
  });
});

describe("LOG_LEVEL", () => {
  it("is info unless set, and refuses a level pino does not know", () => {
    expect(readEnv({}).LOG_LEVEL).toBe("info");
    expect(readEnv({ LOG_LEVEL: "warn" }).LOG_LEVEL).toBe("warn");
    expect(() => readEnv({ LOG_LEVEL: "verbose" })).toThrow(/LOG_LEVEL: must be one of trace, debug/);
  });
});

describe("email in: IMAP_URL, MAIL_REPLY_TO, MAIL_WORKER", () => {
  it("are unset (or on) by default, and blank means unset", () => {
    const read = readEnv({ IMAP_URL: "", MAIL_REPLY_TO: "" });
    expect([read.IMAP_URL, read.MAIL_REPLY_TO, read.MAIL_WORKER]).toEqual([undefined, undefined, "on"]);
  });

  it("take an imap:// or imaps:// address and a plain email address, and refuse anything else", () => {
    expect(readEnv({ IMAP_URL: "imaps://u:p@imap.example.com/INBOX", MAIL_REPLY_TO: "complaints@example.com" })).toMatchObject({
      IMAP_URL: "imaps://u:p@imap.example.com/INBOX",
      MAIL_REPLY_TO: "complaints@example.com",
    });
    expect(() => readEnv({ IMAP_URL: "https://imap.example.com" })).toThrow(/IMAP_URL: must start with imap:\/\/ or imaps:\/\//);
    expect(() => readEnv({ MAIL_REPLY_TO: "Complaints <complaints@example.com>" })).toThrow(/MAIL_REPLY_TO: must be an email address/);
    expect(() => readEnv({ MAIL_WORKER: "no" })).toThrow(/MAIL_WORKER/);
  });
});
