import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { DEMO_ACCOUNTS, signIn } from "./helpers/auth";
import { screenshots } from "./helpers/screenshots";

const EXCERPT = path.join(__dirname, "..", "lib", "import", "fixtures", "cfpb-excerpt.csv");

async function chooseExcerpt(page: Page, prefix: string) {
  await page.getByLabel("Source name").fill(prefix);
  await page.getByLabel("CSV file").setInputFiles(EXCERPT);
  await expect(page.getByText("46 rows", { exact: true })).toBeVisible();
}

test("the owner imports the CFPB excerpt, and importing it again adds nothing", async ({ page }) => {
  await signIn(page, DEMO_ACCOUNTS.owner);
  await page.goto("/settings/import");
  await expect(page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Import" })).toHaveAttribute("aria-current", "page");

  await chooseExcerpt(page, "cfpb");
  // The two stray lines before the header are skipped, and the CFPB columns are recognised.
  await expect(page.getByLabel("Header row (line number)")).toHaveValue("3");
  await expect(page.getByText("Detected: line 3")).toBeVisible();
  await expect(page.getByLabel("Date received")).toHaveValue("Date received");
  await expect(page.getByLabel("Customer disputed")).toHaveValue("Consumer disputed?");
  await expect(page.getByText("No problems found in any row.")).toBeVisible();
  await expect(page.getByText(/24 rows have no description/)).toBeVisible();
  const preview = page.getByRole("table", { name: /first 10 rows/ });
  await expect(preview.getByRole("row")).toHaveCount(11);
  await expect(preview.getByRole("cell", { name: "cfpb:3384392" })).toBeVisible();
  await screenshots(page, "import-preview");

  await page.getByRole("button", { name: "Import 46 rows" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Imported 46 complaints" })).toBeVisible({ timeout: 30_000 });
  const bar = page.locator("progress#import-progress");
  await expect(bar).toHaveAttribute("value", "46");
  await expect(bar).toHaveAttribute("max", "46");
  await expect(page.getByText("Saved 46 of 46 complaints")).toBeVisible();
  await screenshots(page, "import-done");

  // The same file again: the preview already says so, and the import skips every row.
  await page.goto("/settings/import");
  await chooseExcerpt(page, "cfpb");
  await expect(page.getByText("of which 46 already imported")).toBeVisible();
  await page.getByRole("button", { name: "Import 46 rows" }).click();
  const again = page.getByRole("status").filter({ hasText: "Nothing new to import" });
  await expect(again).toBeVisible({ timeout: 30_000 });
  await expect(again).toContainText("46 already imported");
});

test("a file with a bad date is refused with its line number, and nothing is imported", async ({ page }) => {
  await signIn(page, DEMO_ACCOUNTS.owner);
  await page.goto("/settings/import");
  await page.getByLabel("Source name").fill("legacy");
  await page.getByLabel("CSV file").setInputFiles({
    name: "legacy.csv",
    mimeType: "text/csv",
    buffer: Buffer.from("Exported from the old helpdesk\nTicket ID,Created,Category,Description\n1,2024-03-01,Delivery,Late parcel\n2,2024-31-01,Billing,Charged twice\n"),
  });
  await expect(page.getByText("1 problem to fix before importing")).toBeVisible();
  await expect(page.getByText(/Line 4, Date received: “2024-31-01” is not a date/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Import 2 rows" })).toBeDisabled();
});

test("only the owner can open the import page or call the import", async ({ page }) => {
  await signIn(page, DEMO_ACCOUNTS.supervisor);
  await page.goto("/settings/import");
  await expect(page).toHaveURL(/\/forbidden/);
  const response = await page.request.post("/api/import/preview", { multipart: { file: { name: "a.csv", mimeType: "text/csv", buffer: Buffer.from("a,b,c\n") } } });
  expect(response.status()).toBe(403);
});
