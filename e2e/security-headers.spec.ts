import { expect, test, type APIResponse } from "@playwright/test";
import { API_POLICY, ATTACHMENT_POLICY, IMAGE_ATTACHMENT_POLICY } from "@/lib/security/csp";
import { DEMO_ACCOUNTS, signIn } from "./helpers/auth";

/**
 * What the real server sends, headers and statuses, where a proxy, next.config and a route
 * handler could each set the same header: every response carries one complete
 * Content-Security-Policy (lib/security/csp.ts), a customer's file keeps its own sandbox and a
 * name whose extension matches its real type, and a refused settings page has a real status.
 */

/** A real 1×1 PNG … */
const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000010000000108020000009077530000000c4944415478da63f8ffff3f0005fe02fea7d60a9b0000000049454e44ae426082",
  "hex",
);
/** … that is also an HTML page with a script, once something reads it as HTML. */
const PNG_AND_HTML = Buffer.concat([PNG, Buffer.from("<html><body><script>alert(document.domain)</script></body></html>")]);

const LOCKDOWN = ["frame-ancestors 'none'", "base-uri 'self'", "form-action 'self'", "object-src 'none'"];

function policies(response: APIResponse): string[] {
  return response
    .headersArray()
    .filter((h) => h.name.toLowerCase() === "content-security-policy")
    .map((h) => h.value);
}

test("a page carries one policy with its nonce and every lock-down directive", async ({ request }) => {
  const response = await request.get("/complain");
  expect(response.status()).toBe(200);
  const [policy, ...others] = policies(response);
  expect(others).toEqual([]);
  expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}' 'strict-dynamic'/);
  for (const directive of LOCKDOWN) expect(policy).toContain(directive);
  // The nonce in the header is the one on the page's scripts.
  const nonce = /'nonce-([^']+)'/.exec(policy!)![1]!;
  expect(await response.text()).toContain(`nonce="${nonce}"`);
});

test("an API answer carries the API's policy, complete and alone", async ({ request }) => {
  const response = await request.get("/api/v1/openapi.json");
  expect(policies(response)).toEqual([API_POLICY]);
  for (const directive of ["default-src 'none'", ...LOCKDOWN]) expect(API_POLICY).toContain(directive);
});

test("a file that is both PNG and HTML, named x.html, is served as x.png in a sandbox, to the customer and to staff", async ({ page, browser }) => {
  await page.goto("/complain");
  await page.getByLabel("Your name").fill("Riley Shaw");
  await page.getByRole("textbox", { name: "Email" }).fill(`riley.${Date.now()}@example.com`);
  await page.getByLabel("What is it about?").selectOption("not_sure");
  await page.getByLabel("What went wrong?").fill("The photo of the damaged box is attached to this complaint.");
  await page.getByLabel("Photos or documents").setInputFiles({ name: "x.html", mimeType: "text/html", buffer: PNG_AND_HTML });
  await page.getByRole("button", { name: "Send complaint" }).click();
  await expect(page).toHaveURL(/\/track\/[A-Za-z0-9_-]{43}\?filed=1$/);
  const reference = (await page.locator("strong.font-mono").first().textContent())!.trim();

  const link = page.locator('a[href*="/attachments/"]').first();
  await expect(link).toContainText("x.png");
  const href = (await link.getAttribute("href"))!;
  const customer = await page.request.get(href);
  expect(customer.status()).toBe(200);
  expect(customer.headers()["content-type"]).toBe("image/png");
  expect(customer.headers()["content-disposition"]).toBe(`inline; filename="x.png"; filename*=UTF-8''x.png`);
  expect(policies(customer)).toEqual([IMAGE_ATTACHMENT_POLICY]);
  expect(IMAGE_ATTACHMENT_POLICY).toContain("sandbox");

  const staff = await browser.newContext();
  try {
    const staffPage = await staff.newPage();
    await signIn(staffPage, DEMO_ACCOUNTS.agent);
    const id = href.split("/").pop()!;
    const download = await staffPage.request.get(`/cases/${reference}/attachments/${id}`, { maxRedirects: 0 });
    expect(download.status()).toBe(200);
    expect(download.headers()["content-disposition"]).toBe(`attachment; filename="x.png"; filename*=UTF-8''x.png`);
    expect(policies(download)).toEqual([ATTACHMENT_POLICY]);
    expect(ATTACHMENT_POLICY).toMatch(/^default-src 'none'; sandbox/);
  } finally {
    await staff.close();
  }
});

test("an agent asking for a settings page gets a real redirect to the forbidden page, not a 200", async ({ page }) => {
  await signIn(page, DEMO_ACCOUNTS.agent);
  for (const path of ["/settings/business", "/settings/staff", "/settings/outbox", "/settings/email-templates/acknowledgement"]) {
    const response = await page.request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(307);
    expect(new URL(response.headers()["location"]!, "http://x").pathname, path).toBe("/forbidden");
  }
  // Followed by a browser, it lands where it always did.
  await page.goto("/settings/business");
  await expect(page).toHaveURL(/\/forbidden$/);
  await expect(page.getByRole("heading", { name: "You do not have access to that page" })).toBeVisible();
});

test("an owner still gets the settings pages with 200", async ({ page }) => {
  await signIn(page, DEMO_ACCOUNTS.owner);
  const response = await page.request.get("/settings/business", { maxRedirects: 0 });
  expect(response.status()).toBe(200);
});
