import { expect, test, type Page } from "@playwright/test";
import { DEMO_ACCOUNTS, signIn } from "./helpers/auth";
import { screenshots } from "./helpers/screenshots";

/** A kit Card, found by its title. */
function card(page: Page, title: string) {
  return page.locator("section").filter({ has: page.getByRole("heading", { name: title, level: 2 }) });
}

/** One process or root cause in a settings list, found by its name. */
function item(page: Page, section: RegExp, name: string) {
  return page
    .getByRole("region", { name: section })
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { name: new RegExp(`^${name}`) }) });
}

test("the owner changes the business name, and customers see it", async ({ page }) => {
  await signIn(page, DEMO_ACCOUNTS.owner);
  await page.goto("/settings/business");
  await expect(page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Business" })).toHaveAttribute("aria-current", "page");

  // A blank name is refused with a message beside the field.
  await page.getByLabel("Business name").fill(" ");
  await page.getByRole("button", { name: "Save business settings" }).click();
  await expect(page.getByText("Enter the business name")).toBeVisible();
  await expect(page.getByLabel("Business name")).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("Business name").fill("Hartley Home Appliances");
  await page.getByLabel("Time zone").selectOption("Europe/Dublin");
  await page.getByRole("button", { name: "Save business settings" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Business settings saved." })).toBeVisible();
  await expect(page.getByLabel("Time zone")).toHaveValue("Europe/Dublin");

  // Response targets: a zero is refused for that cell only.
  await page.getByLabel("High severity: first response within (hours)").fill("0");
  await page.getByRole("button", { name: "Save response targets" }).click();
  await expect(page.getByText("The first response time must be at least 1")).toBeVisible();
  await page.getByLabel("High severity: first response within (hours)").fill("6");
  await page.getByRole("button", { name: "Save response targets" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Response targets saved." })).toBeVisible();
  await screenshots(page, "settings-business");

  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Hartley Home Appliances");
});

test("the owner adds and renames a process, and a duplicate name is refused", async ({ page }) => {
  await signIn(page, DEMO_ACCOUNTS.owner);
  await page.goto("/settings/processes");

  const add = card(page, "Add a process");
  await add.getByLabel("Name").fill("Gift wrapping");
  await add.getByLabel("Description").fill("Wrapping and gift cards at the till.");
  await add.getByRole("button", { name: "Add process" }).click();
  await expect(page.getByRole("status").filter({ hasText: "“Gift wrapping” added." })).toBeVisible();

  const row = item(page, /^Active/, "Gift wrapping");
  await expect(row.getByText("No complaints yet, so it can be deleted.")).toBeVisible();
  await row.getByText("Edit").click();
  await row.getByLabel("Name").fill("Gift wrapping & cards");
  await row.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status").filter({ hasText: "“Gift wrapping & cards” saved." })).toBeVisible();

  await add.getByLabel("Name").fill("gift WRAPPING  & cards");
  await add.getByRole("button", { name: "Add process" }).click();
  await expect(add.getByText("A process called “Gift wrapping & cards” already exists")).toBeVisible();
  await expect(add.getByLabel("Name")).toHaveValue("gift WRAPPING  & cards");
  await screenshots(page, "settings-processes");
});

test("the owner adds a root cause the customer is usually behind, then archives it", async ({ page }) => {
  await signIn(page, DEMO_ACCOUNTS.owner);
  await page.goto("/settings/root-causes");

  const add = card(page, "Add a root cause");
  await add.getByLabel("Name").fill("Customer measured the space wrongly");
  await add.getByLabel("Usually whose fault").selectOption("customer");
  await add.getByRole("button", { name: "Add root cause" }).click();
  await expect(page.getByRole("status").filter({ hasText: "“Customer measured the space wrongly” added." })).toBeVisible();

  const active = item(page, /^Active/, "Customer measured the space wrongly");
  await expect(active.getByText("Usually whose fault: Customer", { exact: true })).toBeVisible();
  await active.getByRole("button", { name: "Archive Customer measured the space wrongly" }).click();
  await expect(page.getByRole("status").filter({ hasText: "archived" })).toBeVisible();
  await expect(item(page, /^Archived/, "Customer measured the space wrongly")).toBeVisible();
  await expect(item(page, /^Active/, "Customer measured the space wrongly")).toHaveCount(0);

  // Archived items can still be edited; the panel opens without JavaScript (a <details>).
  const archived = item(page, /^Archived/, "Customer measured the space wrongly");
  await archived.getByText("Edit").click();
  await expect(archived.getByLabel("Usually whose fault")).toHaveValue("customer");
  await screenshots(page, "settings-root-causes");
});

test("an agent is refused at the business settings", async ({ page }) => {
  await signIn(page, DEMO_ACCOUNTS.agent);
  await page.goto("/settings/business");
  await expect(page).toHaveURL(/\/forbidden$/);
  await expect(page.getByRole("heading", { name: "You do not have access to that page" })).toBeVisible();
});

