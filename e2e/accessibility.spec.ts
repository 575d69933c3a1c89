import { expect, test, type Page } from "@playwright/test";
import { accessibilityViolations } from "./helpers/accessibility";
import { DEMO_ACCOUNTS, signIn } from "./helpers/auth";
import { fileComplaint } from "./helpers/complaints";
import { screenshot } from "./helpers/screenshots";

// axe-core is injected into each page; the app's Content-Security-Policy would refuse it.
test.use({ bypassCSP: true });

async function expectAccessible(page: Page, path: string) {
  await page.goto(path);
  await page.getByRole("heading", { level: 1 }).first().waitFor();
  await page.waitForLoadState("networkidle");
  expect(await accessibilityViolations(page), `WCAG 2.1 AA violations on ${path}`).toEqual([]);
}

test("the checker finds what it is meant to find", async ({ page }) => {
  await page.setContent(`<main><h1>Bad page</h1><img src="x.png"><input type="text"><p style="color:#bbb;background:#fff">Faint text</p></main>`);
  const found = (await accessibilityViolations(page)).map((v) => v.id);
  expect(found).toEqual(expect.arrayContaining(["image-alt", "label", "color-contrast"]));
});

test("the customer's pages pass WCAG 2.1 AA checks", async ({ page }) => {
  const filed = await fileComplaint(page.request, { name: "Ada Access" });
  for (const path of ["/", "/complain", new URL(filed.trackingUrl!).pathname, "/track", "/track/lost", "/signin"]) await expectAccessible(page, path);

  // The form's error state too: the summary of problems and every field's message.
  await page.goto("/complain");
  await page.getByRole("button", { name: "Send complaint" }).click();
  await expect(page.getByRole("heading", { name: /Please check/ })).toBeVisible();
  expect(await accessibilityViolations(page), "WCAG 2.1 AA violations on the refused complaint form").toEqual([]);
});

test("the workspace passes WCAG 2.1 AA checks, for an owner and an agent", async ({ page }) => {
  // Twenty pages, each rendered and audited: more than the default minute on a loaded machine.
  test.setTimeout(240_000);
  const { reference } = await fileComplaint(page.request, { name: "Ada Access" });
  await signIn(page, DEMO_ACCOUNTS.owner);
  for (const path of [
    "/cases",
    `/cases/${reference}`,
    `/cases/${reference}?compose=restate`,
    "/cases/new?q=Ada%20Access",
    "/due",
    "/analytics",
    "/improvements",
    "/improvements/new",
    "/settings/staff",
    "/settings/business",
    "/settings/processes",
    "/settings/volumes",
    "/settings/root-causes",
    "/settings/analytics",
    "/settings/email-templates",
    "/settings/outbox",
    "/settings/privacy",
    "/settings/import",
    "/settings/mailbox",
  ]) {
    await expectAccessible(page, path);
  }
  await signIn(page, DEMO_ACCOUNTS.agent);
  for (const path of ["/cases?view=mine", "/cases/new", "/due", "/analytics"]) await expectAccessible(page, path);

  // The New complaint form refused: the summary of problems and each field's message.
  await page.goto("/cases/new");
  await page.getByRole("button", { name: "Save complaint" }).click();
  await expect(page.getByRole("heading", { name: /Nothing was saved/ })).toBeVisible();
  expect(await accessibilityViolations(page), "WCAG 2.1 AA violations on the refused New complaint form").toEqual([]);
});

test("the queue is one table that becomes cards on a phone, and stays a table to assistive technology", async ({ page }) => {
  const { reference } = await fileComplaint(page.request, { name: "Phone Queue" });
  await signIn(page, DEMO_ACCOUNTS.owner);
  await page.setViewportSize({ width: 375, height: 812 });
  await expectAccessible(page, "/cases");
  // Each case once (no second, hidden copy of the queue for phones), read as a row of cells.
  const row = page.getByRole("table").getByRole("row").filter({ hasText: reference });
  await expect(row).toHaveCount(1);
  await expect(row.getByRole("cell").first()).toBeVisible();
  await expect(row.getByRole("link", { name: reference })).toBeVisible();
  // The card says what the table's headings say on a wide screen.
  await expect(row.getByText(/^Received /)).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "Reference" })).toBeHidden();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await screenshot(page, "cases-queue-375");

  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(page.getByRole("columnheader", { name: "Reference" })).toBeVisible();
  await expect(row.getByText(/^Received /)).toBeHidden();
  await screenshot(page, "cases-queue-desktop");
});
