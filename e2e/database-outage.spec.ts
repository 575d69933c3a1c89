import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./helpers/auth";
import { expectFiledComplaintStored, fileComplaint } from "./helpers/complaints";
import {
  NEEDS_POSTGRES,
  createDatabase,
  eventually,
  freePort,
  migrateAndSeed,
  postgresServerUrl,
  signInAt,
  startApp,
  startTcpProxy,
  viaPort,
  type AppServer,
  type TcpProxy,
  type TestDatabase,
} from "./helpers/servers";
import { screenshot, screenshots } from "./helpers/screenshots";

/**
 * The database goes away while a customer is filling in the form, then comes back. This spec owns
 * its database path: a dedicated database, reached by its own server (scripts/server.mjs) through a TCP proxy
 * the test cuts (every connection destroyed, nothing listening) and restores.
 */

const serverUrl = postgresServerUrl();
test.skip(!serverUrl, NEEDS_POSTGRES);
// Several app servers on a shared 2-core machine: pages can be slow, so more time than the default.
test.describe.configure({ mode: "serial", timeout: 120_000 });

let database: TestDatabase | undefined;
let proxy: TcpProxy | undefined;
let app: AppServer | undefined;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  database = await createDatabase(serverUrl!, "outage");
  await migrateAndSeed(database.url);
  const target = new URL(serverUrl!);
  proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
  app = await startApp({ port: await freePort(), databaseUrl: viaPort(database.url, proxy.port), authSecret: randomBytes(32).toString("base64url") });
});

test.afterAll(async () => {
  await app?.stop();
  await proxy?.stop();
  await database?.drop();
});

// Restore the database path whatever a test did, so the next one starts from a working app.
test.afterEach(async () => {
  await proxy?.start();
});

const TYPED = {
  name: "Morgan Reyes",
  email: `morgan.${Date.now()}@example.com`,
  phone: "020 7946 0321",
  orderReference: "ORD-80211",
  description: "The sofa was delivered with a torn cushion and the driver would not wait while I checked it.",
  desiredOutcome: "A new cushion cover, or collecting the sofa and refunding it.",
};

async function fillForm(page: Page) {
  await page.getByLabel("Your name").fill(TYPED.name);
  await page.getByRole("textbox", { name: "Email" }).fill(TYPED.email);
  await page.getByRole("textbox", { name: "Phone" }).fill(TYPED.phone);
  await page.getByRole("radio", { name: "Phone" }).check();
  await page.getByLabel("What is it about?").selectOption({ label: "Delivery" });
  await page.getByLabel("Order or booking reference").fill(TYPED.orderReference);
  await page.getByLabel("When did it happen?").fill("2026-01-12");
  await page.getByLabel("What went wrong?").fill(TYPED.description);
  await page.getByLabel("What would put it right?").fill(TYPED.desiredOutcome);
}

/** Every field still holds what the customer typed. */
async function expectEverythingKept(page: Page, processId: string) {
  await expect(page.getByLabel("Your name")).toHaveValue(TYPED.name);
  await expect(page.getByRole("textbox", { name: "Email" })).toHaveValue(TYPED.email);
  await expect(page.getByRole("textbox", { name: "Phone" })).toHaveValue(TYPED.phone);
  await expect(page.getByRole("radio", { name: "Phone" })).toBeChecked();
  await expect(page.getByLabel("What is it about?")).toHaveValue(processId);
  await expect(page.getByLabel("Order or booking reference")).toHaveValue(TYPED.orderReference);
  await expect(page.getByLabel("When did it happen?")).toHaveValue("2026-01-12");
  await expect(page.getByLabel("What went wrong?")).toHaveValue(TYPED.description);
  await expect(page.getByLabel("What would put it right?")).toHaveValue(TYPED.desiredOutcome);
}

async function expectUnavailableMessage(page: Page) {
  const notice = page.getByTestId("complaint-unavailable");
  await expect(notice.getByRole("alert")).toContainText("We could not save your complaint right now");
  await expect(notice).toContainText("Please try again in a minute — nothing you typed is lost");
}

async function expectFiled(page: Page) {
  await expect(page).toHaveURL(/\/track\/[A-Za-z0-9_-]{43}\?filed=1$/);
  await expect(page.getByRole("heading", { name: "Thank you: we have your complaint" })).toBeVisible();
  const reference = (await page.locator("strong.font-mono").first().textContent())!.trim();
  expect(reference).toMatch(/^CR-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
  return reference;
}

test("the complaint form keeps everything typed while the database is down, then files it once it is back", async ({ page }) => {
  await page.goto(`${app!.url}/complain`);
  await fillForm(page);
  const processId = await page.getByLabel("What is it about?").inputValue();

  await proxy!.stop();
  await page.getByRole("button", { name: "Send complaint" }).click();
  await expectUnavailableMessage(page);
  await expectEverythingKept(page, processId);
  await expect(page.getByTestId("complaint-unavailable")).toBeFocused();
  await screenshots(page, "outage-form");

  // Still down: a second attempt gets the same answer, nothing lost.
  await page.getByRole("button", { name: "Send complaint" }).click();
  await expectUnavailableMessage(page);
  await expectEverythingKept(page, processId);

  await proxy!.start();
  await page.getByRole("button", { name: "Send complaint" }).click();
  const reference = await expectFiled(page);

  // Filed exactly once, with what was typed before the outage.
  await page.goto(`${app!.url}/track/${page.url().split("/track/")[1]!.split("?")[0]}`);
  await expect(page.getByText(TYPED.description)).toBeVisible();
  expect(reference).not.toBe("");
});

test("without JavaScript the form comes back filled in, with the same message", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  try {
    await page.goto(`${app!.url}/complain`);
    await fillForm(page);
    const processId = await page.getByLabel("What is it about?").inputValue();

    await proxy!.stop();
    await page.getByRole("button", { name: "Send complaint" }).click();
    await expectUnavailableMessage(page);
    await expectEverythingKept(page, processId);
    await screenshot(page, "outage-form-nojs");

    await proxy!.start();
    await page.getByRole("button", { name: "Send complaint" }).click();
    await expectFiled(page);
  } finally {
    await context.close();
  }
});

test("the API answers 503 with Retry-After, the health check 503, and both recover by themselves", async ({ request }) => {
  const body = {
    name: "Ari Lund",
    email: `ari.${Date.now()}@example.com`,
    processId: "not_sure",
    description: "My refund was promised two weeks ago and has still not arrived in my account.",
  };
  await proxy!.stop();
  const refused = await request.post(`${app!.url}/api/v1/complaints`, { data: body, headers: { "Idempotency-Key": `outage-${Date.now()}` } });
  expect(refused.status()).toBe(503);
  expect(refused.headers()["retry-after"]).toBe("30");
  expect(refused.headers()["content-type"]).toContain("application/json");
  expect(await refused.json()).toMatchObject({ error: "service_unavailable", message: expect.stringContaining("Nothing was stored") });

  const health = await request.get(`${app!.url}/api/health`);
  expect(health.status()).toBe(503);
  expect(await health.json()).toMatchObject({ status: "degraded", database: "unavailable" });

  await proxy!.start();
  await eventually(async () => (await request.get(`${app!.url}/api/health`)).status() === 200, "the health check did not recover");
  const filed = await request.post(`${app!.url}/api/v1/complaints`, { data: body });
  await expectFiledComplaintStored(request, filed);
});

test("a staff page shows the error page with a retry, and the retry works once the database is back", async ({ page }) => {
  // Sign in while the database is up (the password is checked against it).
  await signInAt(page, app!.url, DEMO_ACCOUNTS.agent);
  await page.goto(`${app!.url}/cases`);
  await expect(page.getByRole("heading", { level: 1, name: "Cases" })).toBeVisible();

  await proxy!.stop();
  await page.goto(`${app!.url}/cases`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/could not be shown|something went wrong/i);
  const retry = page.getByRole("button", { name: "Try again" });
  await expect(retry).toBeVisible();
  await screenshot(page, "outage-staff");

  await proxy!.start();
  await retry.click();
  await expect(page.getByRole("heading", { level: 1, name: "Cases" })).toBeVisible();
});

test("signing in while the database is down says so instead of blaming the password, and works once it is back", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${app!.url}/signin`);
  await expect(page.getByRole("heading", { level: 1, name: "Staff sign-in" })).toBeVisible();

  await proxy!.stop();
  await page.getByLabel("Email").fill(DEMO_ACCOUNTS.agent);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  const alert = page.locator("form").getByRole("alert");
  await expect(alert).toContainText("we could not reach our database, so your password was not checked");
  await expect(alert).not.toContainText("incorrect");
  await expect(page.getByLabel("Email")).toHaveValue(DEMO_ACCOUNTS.agent);
  await screenshot(page, "outage-signin");

  await proxy!.start();
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Cases" })).toBeVisible();
  await context.close();
});

test("a customer's message and an agent's note written while the database is down come back as typed, and go once it is back", async ({ page, browser }) => {
  const filed = await fileComplaint(page.request, { name: "Robin Outage" }, app!.url);
  const unavailable = "Nothing was saved: we could not reach our database just now. What you typed is still here";

  // The customer, on their tracking page.
  await page.goto(`${app!.url}${new URL(filed.trackingUrl!).pathname}`);
  const message = "Any news on the cushion? I am at home all week.";
  await page.getByLabel("Add a message").fill(message);
  await proxy!.stop();
  await page.getByRole("button", { name: "Send message" }).click();
  await expect(page.getByText(unavailable)).toBeVisible();
  await expect(page.getByLabel("Add a message")).toHaveValue(message);
  await screenshot(page, "outage-tracking-message");
  await proxy!.start();
  await page.getByRole("button", { name: "Send message" }).click();
  await expect(page.getByText("Your message was added to your complaint.")).toBeVisible();
  await expect(page.locator("#timeline")).toContainText(message);

  // An agent, on the case page.
  const staff = await browser.newContext();
  const agent = await staff.newPage();
  await signInAt(agent, app!.url, DEMO_ACCOUNTS.agent);
  await agent.goto(`${app!.url}/cases/${filed.reference}`);
  const composer = agent.locator("#composer");
  const panel = composer.getByRole("tabpanel");
  await composer.getByRole("tab", { name: /Internal note/ }).click();
  const note = "Robin is at home all week: book the courier for Tuesday.";
  await panel.getByLabel("Note", { exact: true }).fill(note);
  await proxy!.stop();
  await panel.getByRole("button", { name: "Add internal note" }).click();
  await expect(composer).toContainText(unavailable);
  await expect(panel.getByLabel("Note", { exact: true })).toHaveValue(note);
  await screenshot(agent, "outage-case-note");
  await proxy!.start();
  await panel.getByRole("button", { name: "Add internal note" }).click();
  await expect(agent.getByRole("status").filter({ hasText: "Internal note added." })).toBeVisible();
  await expect(agent.getByText(note)).toBeVisible();
  await staff.close();
});

test("an owner's settings form says nothing was saved during an outage, keeps the wording, and saves once it is back", async ({ browser }) => {
  const context = await browser.newContext();
  const owner = await context.newPage();
  await signInAt(owner, app!.url, DEMO_ACCOUNTS.owner);
  await owner.goto(`${app!.url}/settings/email-templates`);
  await owner.getByRole("link", { name: "Edit Reply from staff" }).click();
  const subject = owner.getByLabel("Subject");
  await subject.fill("News about your complaint {{reference}}");

  await proxy!.stop();
  await owner.getByRole("button", { name: "Save wording" }).click();
  await expect(owner.locator("form").getByRole("alert")).toContainText("Nothing was saved: we could not reach our database");
  await expect(subject).toHaveValue("News about your complaint {{reference}}");

  await proxy!.start();
  await owner.getByRole("button", { name: "Save wording" }).click();
  await expect(owner.getByText("Saved. New emails of this kind use your wording.")).toBeVisible();
  await context.close();
});
