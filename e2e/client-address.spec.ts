import { randomBytes } from "node:crypto";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { createDatabase, freePort, postgresServerUrl, startApp, startNginx, type AppServer, type ReverseProxy, type TestDatabase } from "./helpers/servers";

/**
 * No client picks its own address. scripts/server.mjs works the address out from the connection
 * and TRUST_PROXY before Next sees the request; these tests hit real servers:
 * - the suite's own server (no TRUST_PROXY) ignores an X-Forwarded-For a client sends;
 * - an app with TRUST_PROXY=127.0.0.2 behind a real nginx that talks to it from 127.0.0.2 and
 *   appends to X-Forwarded-For ($proxy_add_x_forwarded_for): a forged prefix is ignored, and a
 *   client rotating the header, directly or through nginx, still runs into the per-address limits
 *   (lowered to 3 API complaints and 1 sign-in attempt by RATE_LIMIT_MULTIPLIER=0.05).
 * The selection rules themselves, IPv6 and hop counts included, are in lib/security/trust-proxy.test.ts.
 */

const PROXY_ADDRESS = "127.0.0.2";

async function addressSeen(request: APIRequestContext, url: string, forwardedFor?: string): Promise<string> {
  const response = await request.get(`${url}/api/test-hooks?do=client-address`, { headers: forwardedFor ? { "x-forwarded-for": forwardedFor } : {} });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { address: string }).address;
}

test("the app counts a request against its connection, not against an X-Forwarded-For the client sends", async ({ request }) => {
  const seen = await addressSeen(request, "", "203.0.113.9");
  expect(["127.0.0.1", "::1"]).toContain(seen);
  expect(await addressSeen(request, "", "198.51.100.1, 203.0.113.9")).toBe(seen);
});

test.describe("behind a trusted nginx", () => {
  let database: TestDatabase | null = null;
  let app: AppServer | null = null;
  let nginx: ReverseProxy | null = null;
  /** The app reached directly, on the address the test runner connects from (127.0.0.1, not trusted). */
  let direct = "";

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    const serverUrl = postgresServerUrl();
    if (serverUrl) database = await createDatabase(serverUrl, "address");
    app = await startApp({
      port: await freePort(),
      databaseUrl: database?.url,
      authSecret: randomBytes(32).toString("base64url"),
      env: { TRUST_PROXY: PROXY_ADDRESS, RATE_LIMIT_MULTIPLIER: "0.05" },
    });
    direct = `http://127.0.0.1:${app.port}`;
    nginx = await startNginx({ upstreamPort: app.port, bindAddress: PROXY_ADDRESS });
  });

  test.afterAll(async () => {
    await nginx?.stop();
    await app?.stop();
    await database?.drop();
  });

  test("the client's forged prefix is ignored; the address nginx recorded counts", async ({ request }) => {
    // Through nginx the app sees "<forged>, 127.0.0.1" from 127.0.0.2: it takes nginx's entry.
    expect(await addressSeen(request, nginx!.url, "203.0.113.9")).toBe("127.0.0.1");
    expect(await addressSeen(request, nginx!.url, "203.0.113.9, 198.51.100.7")).toBe("127.0.0.1");
    expect(await addressSeen(request, nginx!.url)).toBe("127.0.0.1");
    // Directly, from an address that is not the proxy, the header counts for nothing.
    expect(await addressSeen(request, direct, "203.0.113.9")).toBe("127.0.0.1");
  });

  test("rotating X-Forwarded-For passes neither the API limit nor the sign-in limit", async ({ request }) => {
    const file = (base: string, forged: string) =>
      request.post(`${base}/api/v1/complaints`, { headers: { "x-forwarded-for": forged, "content-type": "application/json" }, data: "{}" });
    // Three attempts per address (the empty body is refused, but every attempt counts).
    for (let i = 1; i <= 3; i++) expect((await file(direct, `203.0.113.${i}`)).status(), `attempt ${i}`).toBe(400);
    const refused = await file(direct, "203.0.113.4");
    expect(refused.status()).toBe(429);
    expect(refused.headers()["retry-after"]).toBeTruthy();
    expect((await file(nginx!.url, "203.0.113.5")).status()).toBe(429);

    // One sign-in attempt per address: the second, with another forged address, is refused as too many.
    const signInAttempt = async (base: string, forged: string) => {
      const csrf = (await (await request.get(`${base}/api/auth/csrf`)).json()) as { csrfToken: string };
      const response = await request.post(`${base}/api/auth/callback/credentials`, {
        headers: { "x-forwarded-for": forged },
        form: { csrfToken: csrf.csrfToken, email: "nobody@example.com", password: "a wrong password", callbackUrl: "/cases" },
        maxRedirects: 0,
      });
      expect(response.status()).toBe(302);
      return response.headers()["location"] ?? "";
    };
    const first = await signInAttempt(direct, "198.51.100.1");
    expect(first).toContain("error=");
    expect(first).not.toContain("too_many_attempts");
    expect(await signInAttempt(direct, "198.51.100.2")).toContain("code=too_many_attempts");
    expect(await signInAttempt(nginx!.url, "198.51.100.3")).toContain("code=too_many_attempts");
  });
});
