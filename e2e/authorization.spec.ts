import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext, type Browser, type BrowserContext } from "@playwright/test";
import { allows, ROUTE_POLICIES, type Audience, type RoutePolicy } from "@/lib/auth/policy";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./helpers/auth";
import { fileComplaint, type FiledComplaint } from "./helpers/complaints";

/**
 * Walks every page and route in the policy table (lib/auth/policy.ts) as each audience and checks
 * the server's answer against the table: allowed audiences get the thing (or an honest 404 for a
 * made-up id), everyone else is sent to sign-in, to the forbidden page, or refused with 401/403;
 * a tracking page answers not-found to anyone without that case's token.
 */

const STAFF: Audience[] = ["agent", "supervisor", "owner"];
const FAKE_TOKEN = "A".repeat(43);

let filed: FiledComplaint;
let token: string;
const contexts = new Map<Audience, BrowserContext>();

async function signedInContext(browser: Browser, email: string): Promise<BrowserContext> {
  const context = await browser.newContext();
  const csrf = await context.request.get("/api/auth/csrf");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await context.request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password: DEMO_PASSWORD, callbackUrl: "/cases" },
    maxRedirects: 0,
  });
  expect(response.headers()["location"] ?? "", `sign-in for ${email}`).not.toContain("error=");
  return context;
}

test.beforeAll(async ({ browser, request }) => {
  filed = await fileComplaint(request);
  token = new URL(filed.trackingUrl!).pathname.split("/").pop()!;
  contexts.set("anonymous", await browser.newContext());
  contexts.set("customer", await browser.newContext());
  for (const role of STAFF) contexts.set(role, await signedInContext(browser, DEMO_ACCOUNTS[role as keyof typeof DEMO_ACCOUNTS]));
});

test.afterAll(async () => {
  for (const context of contexts.values()) await context.close();
});

/** A concrete URL for a policy's path, as this audience would know it. */
function sampleUrl(policy: RoutePolicy, audience: Audience): string {
  return policy.path
    .replace("[reference]", filed.reference)
    .replace("[token]", audience === "customer" ? token : FAKE_TOKEN)
    .replace("[table]", "processes")
    .replace("[kind]", "acknowledgement")
    .replace("[...nextauth]", "session")
    .replace("[id]", randomUUID());
}

/** Where an allowed audience ends up, when it is not the page itself (signed-in staff skip sign-in). */
function expectedLanding(policy: RoutePolicy, audience: Audience, url: string): string {
  if (policy.path === "/signin" && STAFF.includes(audience)) return "/cases";
  return new URL(url, "http://x").pathname;
}

async function checkPage(policy: RoutePolicy, audience: Audience): Promise<void> {
  const page = await contexts.get(audience)!.newPage();
  try {
    const url = sampleUrl(policy, audience);
    const label = `${audience} → ${url}`;
    const response = await page.goto(url);
    // A redirect from inside a streamed page arrives after the first bytes (the router follows
    // it once the page has loaded), so denials wait for the URL to change.
    const landOn = async (pathname: string) => {
      await page.waitForURL((u) => u.pathname === pathname, { timeout: 15_000 }).catch(() => {});
      expect(new URL(page.url()).pathname, label).toBe(pathname);
    };
    if (allows(policy.access, audience)) {
      await page.waitForLoadState("networkidle");
      await landOn(expectedLanding(policy, audience, url));
      expect([200, 404], label).toContain(response!.status());
      if (!/\[(id|kind)\]/.test(policy.path)) expect(response!.status(), label).toBe(200);
    } else if (policy.access === "customer") {
      expect(response!.status(), label).toBe(404);
    } else if (audience === "anonymous" || audience === "customer") {
      await landOn("/signin");
    } else {
      await landOn("/forbidden");
    }
  } finally {
    await page.close();
  }
}

async function checkRoute(policy: RoutePolicy, audience: Audience, baseURL: string): Promise<void> {
  const request: APIRequestContext = contexts.get(audience)!.request;
  const url = sampleUrl(policy, audience);
  const method = policy.methods?.[0] ?? "GET";
  const response =
    method === "POST"
      ? await request.post(url, { headers: { origin: baseURL }, multipart: { probe: "1" }, maxRedirects: 0 })
      : await request.get(url, { maxRedirects: 0 });
  const status = response.status();
  const label = `${audience} ${method} ${url} → ${status}`;
  if (allows(policy.access, audience)) {
    expect([401, 403], label).not.toContain(status);
    expect(status, label).toBeLessThan(500);
  } else if (policy.access === "customer") {
    expect(status, label).toBe(404);
  } else if (audience === "anonymous" || audience === "customer") {
    // Workspace routes may be turned away by the proxy's early redirect before the handler's 401.
    if (status === 401) return;
    expect(status, label).toBe(307);
    expect(new URL(response.headers()["location"]!, baseURL).pathname, label).toBe("/signin");
  } else {
    expect(status, label).toBe(403);
  }
}

test.describe("every page and route answers each audience as the policy table says", () => {
  const audiences: Audience[] = ["anonymous", "customer", ...STAFF];
  for (const policy of ROUTE_POLICIES) {
    test(`${policy.kind} ${policy.path} (${policy.access})`, async ({ baseURL }) => {
      for (const audience of audiences) {
        if (policy.kind === "page") await checkPage(policy, audience);
        else await checkRoute(policy, audience, baseURL!);
      }
    });
  }
});
