import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { accessibilityViolations } from "./helpers/accessibility";
import { DEMO_ACCOUNTS, signIn } from "./helpers/auth";
import { screenshot, screenshots } from "./helpers/screenshots";

/** A kit Card, found by its title. */
function card(page: Page, title: string) {
  return page.locator("section").filter({ has: page.getByRole("heading", { name: title, level: 2 }) });
}

const EXCERPT = path.join(__dirname, "..", "lib", "import", "fixtures", "cfpb-excerpt.csv");
// axe-core is injected into the settings page; the app's Content-Security-Policy would refuse it.
test.use({ bypassCSP: true });
test.describe.configure({ timeout: 180_000 });

/**
 * Issue 14, import hygiene, as an owner: the preview lists the processes and root causes an import
 * will create; they stay off the public form and the staff pick lists; and the owner merges one
 * into the business's own, relabelling its complaints (without JavaScript too).
 */
test("an import's new categories are listed, kept off the form and pick lists, and merged into the business's own", async ({ page, browser }) => {
  const tag = Date.now().toString(36);
  const product = `Pet insurance ${tag}`;
  const issue = `Claim refused ${tag}`;
  const text = fs
    .readFileSync(EXCERPT, "utf8")
    .replaceAll('"Credit reporting, credit repair services, or other personal consumer reports"', product)
    .replaceAll("Incorrect information on your report", issue);

  await signIn(page, DEMO_ACCOUNTS.owner);
  await page.goto("/settings/import");
  await page.getByLabel("Source name").fill(`hyg${tag}`);
  await page.getByLabel("CSV file").setInputFiles({ name: "history.csv", mimeType: "text/csv", buffer: Buffer.from(text) });
  const toCreate = page.getByRole("status").filter({ hasText: "New processes and root causes will be created, archived" });
  await expect(toCreate).toContainText(product);
  await expect(toCreate).toContainText(issue);
  await page.getByRole("button", { name: /^Import \d+ rows$/ }).click();
  await expect(page.getByRole("status").filter({ hasText: /Imported \d+ complaints/ })).toBeVisible({ timeout: 60_000 });

  // Not on the public form, not in the staff pick lists.
  await page.goto("/complain");
  await expect(page.getByLabel("What is it about?").locator("option", { hasText: product })).toHaveCount(0);
  await page.goto("/cases");
  await expect(page.getByLabel("Root cause").locator("option", { hasText: issue })).toHaveCount(0);
  await expect(page.getByLabel("Process").locator("option", { hasText: product })).toHaveCount(0);

  // Listed as archived in Settings, where the owner can restore it or merge it.
  await page.goto("/settings/processes");
  const archived = page.getByRole("region", { name: /^Archived/ });
  await expect(archived.getByRole("heading", { name: new RegExp(`^${product}`) })).toBeVisible();
  expect(await accessibilityViolations(page), "WCAG 2.1 AA violations on /settings/processes").toEqual([]);
  const merge = card(page, "Merge two processes");
  await screenshots(merge, "settings-merge-process");
  await screenshots(page, "settings-processes-merge");

  // The merge without JavaScript: refused until confirmed, then done and confirmed on the page.
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 375, height: 800 } });
  const plain = await context.newPage();
  await signIn(plain, DEMO_ACCOUNTS.owner);
  await plain.goto("/settings/processes");
  const form = card(plain, "Merge two processes");
  const fromOption = await form.getByLabel("Merge this process").locator("option", { hasText: product }).getAttribute("value");
  const intoOption = await form.getByLabel("into this one").locator("option", { hasText: /^Billing \(/ }).getAttribute("value");
  await form.getByLabel("Merge this process").selectOption(fromOption!);
  await form.getByLabel("into this one").selectOption(intoOption!);
  await form.getByRole("button", { name: "Merge" }).click();
  await expect(plain.getByText("Confirm that the complaints are to be relabelled.")).toBeVisible();
  const again = card(plain, "Merge two processes");
  await again.getByLabel("Merge this process").selectOption(fromOption!);
  await again.getByLabel("into this one").selectOption(intoOption!);
  await again.getByLabel(/I understand that every complaint/).check();
  await again.getByRole("button", { name: "Merge" }).click();
  await expect(plain.getByRole("status").filter({ hasText: "Merged into “Billing”" })).toBeVisible();
  await expect(plain.getByRole("heading", { name: new RegExp(`^${product}`) })).toHaveCount(0);
  await screenshot(plain, "settings-processes-merged-375");
  await context.close();

  // The imported complaints now count under Billing in the case list.
  await page.goto(`/cases?process=${intoOption}&q=${encodeURIComponent(`hyg${tag}`)}`);
  await expect(page.getByRole("table").getByRole("row").nth(1)).toContainText("Billing");
});
