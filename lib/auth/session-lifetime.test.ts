import { decode, encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { authConfig } from "@/auth.config";
import { SESSION_IDLE_SECONDS, sessionIsCurrent, sessionMaxAgeSeconds, withinAbsoluteLifetime } from "./session-lifetime";

const DAY = 24 * 60 * 60;
const now = new Date("2026-03-10T12:00:00Z");
const nowSeconds = now.getTime() / 1000;

describe("session lifetimes", () => {
  it("are 12 hours idle and 7 days absolute by default", () => {
    expect(SESSION_IDLE_SECONDS).toBe(12 * 60 * 60);
    expect(authConfig.session.maxAge).toBe(SESSION_IDLE_SECONDS);
    expect(sessionMaxAgeSeconds()).toBe(7 * DAY);
    expect(sessionMaxAgeSeconds(1.5)).toBe(1.5 * DAY);
  });

  it("refuse a token signed in longer ago than the absolute lifetime, or with no sign-in time", () => {
    expect(withinAbsoluteLifetime(nowSeconds - 6 * DAY, now)).toBe(true);
    expect(withinAbsoluteLifetime(nowSeconds - 7 * DAY - 1, now)).toBe(false);
    expect(withinAbsoluteLifetime(nowSeconds - 2 * DAY, now, 1 * DAY)).toBe(false);
    expect(withinAbsoluteLifetime(undefined, now)).toBe(false);
    expect(withinAbsoluteLifetime(nowSeconds + 3600, now)).toBe(false);
  });

  it("hold a token to the account's session version", () => {
    const claims = { sessionVersion: 3, signedInAt: nowSeconds - 60 };
    expect(sessionIsCurrent(claims, { sessionVersion: 3 }, now)).toBe(true);
    expect(sessionIsCurrent(claims, { sessionVersion: 4 }, now)).toBe(false);
    expect(sessionIsCurrent({ signedInAt: nowSeconds - 60 }, { sessionVersion: 0 }, now)).toBe(false);
  });
});

describe("the session token (auth.config.ts jwt callback)", () => {
  const jwt = authConfig.callbacks.jwt as unknown as (params: { token: Record<string, unknown>; user?: Record<string, unknown> }) => Record<string, unknown> | null;
  const secret = "a test secret of enough length for the tests";
  const salt = "authjs.session-token";

  it("records the account's session version and the sign-in time at sign-in", () => {
    const before = Math.floor(Date.now() / 1000);
    const token = jwt({ token: {}, user: { id: "u-1", role: "agent", sessionVersion: 4 } })!;
    expect(token).toMatchObject({ sub: "u-1", role: "agent", sessionVersion: 4 });
    expect(token.signedInAt).toBeGreaterThanOrEqual(before);
  });

  it("is refused, and its cookie cleared, once the sign-in is older than the absolute lifetime, however recently it was used", async () => {
    const signedInAt = Math.floor(Date.now() / 1000) - 8 * DAY;
    // A real, validly signed token as the browser would send it back: only the sign-in time is old.
    const cookie = await encode({ token: { sub: "u-1", role: "agent", sessionVersion: 0, signedInAt }, secret, salt, maxAge: SESSION_IDLE_SECONDS });
    const decoded = await decode({ token: cookie, secret, salt });
    expect(decoded).toMatchObject({ sub: "u-1", signedInAt });
    expect(jwt({ token: decoded! })).toBeNull();
    // The same token signed in an hour ago stands, and keeps its sign-in time (never renewed).
    const recent = Math.floor(Date.now() / 1000) - 3600;
    expect(jwt({ token: { ...decoded!, signedInAt: recent } })).toMatchObject({ signedInAt: recent });
    // A token from before sign-in times were recorded is refused too.
    expect(jwt({ token: { sub: "u-1", role: "agent" } })).toBeNull();
  });

  it("ignores what an update from the browser asks for", () => {
    const signedInAt = Math.floor(Date.now() / 1000) - 60;
    const token = jwt({ token: { sub: "u-1", sessionVersion: 1, signedInAt }, ...({ trigger: "update", session: { sessionVersion: 9, signedInAt: signedInAt + 9 } } as object) });
    expect(token).toMatchObject({ sessionVersion: 1, signedInAt });
  });
});
