import { expect, test, type Page } from "@playwright/test";
import { DEMO_ACCOUNTS, signIn } from "./helpers/auth";
import { fileComplaint } from "./helpers/complaints";
import { screenshot, screenshots } from "./helpers/screenshots";

/**
 * An agent takes a complaint down for a customer already on record (issue 15): the New complaint
 * page from the queue, the customer found and chosen as "Same person", a phone complaint received
 * two days ago with a reason, the reference to read out, and the case's timeline. Once with
 * JavaScript (search as you type) and once without (plain GET search, plain POST).
 */

/** The channel radios ("Phone" is also a contact preference and a text field). */
const channel = (page: Page, name: string) => page.getByRole("group", { name: /How it reached you/ }).getByRole("radio", { name, exact: true });

const WORDS = "I rang on Monday because the new fridge arrived with a dented door and nobody has called back since.";

/** Two days ago (UTC date) at 10:00 in the business's zone: one to three and a half days back in any zone. */
function twoDaysAgo(): string {
  return new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
}

/** A customer on record with a name no other test uses; the search finds them by part of it. */
async function customerOnRecord(page: Page) {
  const stamp = Date.now().toString(36);
  const name = `Marta Kowalska-${stamp}`;
  const filed = await fileComplaint(page.request, { name, email: `marta.${stamp}@example.com` });
  return { name, stamp, earlier: filed.reference };
}

async function fillComplaint(page: Page, reason: string) {
  await channel(page, "Phone").check();
  await page.getByLabel("Date", { exact: true }).fill(twoDaysAgo());
  await page.getByLabel("Time", { exact: true }).fill("10:00");
  await page.getByLabel("Why it is recorded late").fill(reason);
  await page.getByLabel("What it is about").selectOption({ label: "Not sure" });
  await page.getByLabel("What went wrong, in the customer’s words").fill(WORDS);
  await page.getByLabel("What would put it right, for them").fill("A new door, fitted this week.");
}

/** The saved page: the reference large, then the case with the taken-down event. */
async function expectSavedAndOnTheCase(page: Page, name: string) {
  await expect(page.getByRole("heading", { name: "Read this reference to the customer" })).toBeVisible();
  const reference = (await page.getByTestId("filed-reference").textContent())!.trim();
  expect(reference).toMatch(/^CR-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
  await expect(page.getByText("No email address: call the customer to confirm")).toHaveCount(0);
  await expect(page.getByText(`${name}’s complaint, taken down by phone, is on the queue.`)).toBeVisible();
  await screenshots(page, "staff-intake-saved");
  await page.setViewportSize({ width: 375, height: 812 });
  await screenshot(page, "staff-intake-saved-375");
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.getByRole("link", { name: `Open the case ${reference}` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(reference);
  const timeline = page.locator("#timeline");
  await expect(timeline.getByText("Complaint taken down by Alex Agent by phone")).toBeVisible();
  // The customer's words are on the case as taken down (the complaint itself, above the timeline).
  await expect(page.getByText(WORDS).first()).toBeVisible();
  await expect(page.getByText(name).first()).toBeVisible();
  return reference;
}

test.describe("with JavaScript", () => {
  test("an agent finds the customer as they type, chooses Same person and files a backdated phone complaint", async ({ page }) => {
    const customer = await customerOnRecord(page);
    await signIn(page, DEMO_ACCOUNTS.agent);
    await page.goto("/cases");
    await screenshot(page, "staff-intake-queue-desktop");
    await page.getByRole("link", { name: "New complaint" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "New complaint" })).toBeVisible();

    // Words typed before the search are still there once the list of customers changes.
    await page.getByLabel("What went wrong, in the customer’s words").fill("typed before searching");
    await page.getByLabel("Find a customer on record").pressSequentially(`kowalska-${customer.stamp}`, { delay: 20 });
    const same = page.getByRole("radio", { name: new RegExp(`Same person: ${customer.name}`) });
    await expect(same).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`q=kowalska-${customer.stamp}`));
    await expect(page.getByLabel("What went wrong, in the customer’s words")).toHaveValue("typed before searching");
    await expect(page.getByText(customer.earlier)).toBeVisible();
    await same.check();
    await fillComplaint(page, "Called during the system outage on Tuesday");
    await page.setViewportSize({ width: 375, height: 812 });
    await screenshot(page, "staff-intake-form-375");
    await page.setViewportSize({ width: 1280, height: 720 });
    await screenshot(page, "staff-intake-form-desktop");
    await page.getByRole("button", { name: "Save complaint" }).click();

    const reference = await expectSavedAndOnTheCase(page, customer.name);
    expect(reference).not.toBe(customer.earlier);
    // The customer's earlier complaint is on the same person: the case page lists it.
    await expect(page.getByText(customer.earlier).first()).toBeVisible();
  });

  test("a new customer with no email: the saved page says to call them to confirm", async ({ page }) => {
    await signIn(page, DEMO_ACCOUNTS.agent);
    await page.goto("/cases/new");
    await page.getByRole("textbox", { name: "Name", exact: true }).fill("Walk-in Customer");
    await page.getByRole("textbox", { name: "Phone", exact: true }).fill(`020 7946 ${String(Date.now()).slice(-4)}`);
    await channel(page, "In person").check();
    await page.getByLabel("What it is about").selectOption({ label: "Not sure" });
    await page.getByLabel("What went wrong, in the customer’s words").fill(WORDS);
    await page.getByRole("button", { name: "Save complaint" }).click();
    await expect(page.getByTestId("filed-reference")).toBeVisible();
    await expect(page.getByText("No email address: call the customer to confirm")).toBeVisible();
    await screenshots(page, "staff-intake-saved-no-email");
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the same flow by plain GET and POST; a backdate without a reason is refused on its field with the values kept", async ({ page }) => {
    const customer = await customerOnRecord(page);
    await signIn(page, DEMO_ACCOUNTS.agent);
    await page.goto("/cases");
    await page.getByRole("link", { name: "New complaint" }).click();
    await page.getByLabel("Find a customer on record").fill(customer.name.toUpperCase());
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(/\/cases\/new\?q=/);
    const same = page.getByRole("radio", { name: new RegExp(`Same person: ${customer.name}`) });
    await same.check();
    await fillComplaint(page, "");
    await page.getByRole("button", { name: "Save complaint" }).click();

    const reasonError = "Say why the complaint is recorded with an earlier received time.";
    await expect(page.getByRole("heading", { name: /Nothing was saved/ })).toBeVisible();
    await expect(page.getByLabel("Why it is recorded late")).toHaveAccessibleDescription(new RegExp(reasonError.replace(/\./g, "\\.")));
    await expect(page.getByLabel("What went wrong, in the customer’s words")).toHaveValue(WORDS);
    await expect(page.getByLabel("Date", { exact: true })).toHaveValue(twoDaysAgo());
    await expect(page.getByLabel("Time", { exact: true })).toHaveValue("10:00");
    await expect(channel(page, "Phone")).toBeChecked();
    await expect(same).toBeChecked();
    await screenshots(page, "staff-intake-refused");

    await page.getByLabel("Why it is recorded late").fill("Letter-box call picked up from voicemail");
    await page.getByRole("button", { name: "Save complaint" }).click();
    await expectSavedAndOnTheCase(page, customer.name);
  });
});
