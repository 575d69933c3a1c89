import { expect, test } from "@playwright/test";
import { DEMO_ACCOUNTS, signIn } from "./helpers/auth";
import { screenshots } from "./helpers/screenshots";

test("without JavaScript an owner enters a month's work volume; bad input is refused field by field", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, DEMO_ACCOUNTS.owner);
  await page.goto("/settings/volumes");
  await expect(page.getByRole("heading", { name: "Work volumes" })).toBeVisible();
  await page.getByLabel("Units of work").fill("0");
  await page.getByRole("button", { name: "Save volume" }).click();
  await expect(page.getByText("Choose the process the volume is for.")).toBeVisible();
  await expect(page.getByText("Enter the units of work as a whole number of 1 or more.")).toBeVisible();
  await page.getByLabel("Process").selectOption({ index: 1 });
  await page.getByLabel("Month").fill("2026-03");
  await page.getByLabel("Units of work").fill("1200");
  await page.getByRole("button", { name: "Save volume" }).click();
  await expect(page.getByText(/Saved 1,200 units for .+ in 2026-03\./)).toBeVisible();
  await page.goto("/settings/volumes");
  await expect(page.getByRole("table", { name: "Units of work by process and month" })).toContainText("1,200");
  await screenshots(page, "settings-volumes");
  await context.close();
});
