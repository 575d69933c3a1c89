import { expect, test, type Page } from "@playwright/test";
import { DEMO_ACCOUNTS, signIn } from "./helpers/auth";
import { fileComplaint } from "./helpers/complaints";
import { screenshots } from "./helpers/screenshots";

const views = (page: Page) => page.getByRole("navigation", { name: "Views" });
const table = (page: Page) => page.getByRole("table");
const apply = (page: Page) => page.getByRole("button", { name: "Apply" }).click();

test("an agent works the queue: views, search, process filter, pages and next steps", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const word = `zephyrwhistle${Date.now().toString(36)}`;
  const email = `queue.${Date.now()}@example.com`;
  const { reference } = await fileComplaint(page.request, {
    email,
    description: `The boiler makes a ${word} noise every night since the service visit.`,
  });

  await signIn(page, DEMO_ACCOUNTS.agent);
  await page.goto("/cases");
  await expect(views(page).getByRole("link", { name: /^All/ })).toHaveAttribute("aria-current", "page");
  await expect(views(page).getByRole("link", { name: /^Escalated/ })).toHaveCount(0);

  // My cases: the agent's own open work, soonest due first, each row saying what to do next.
  await views(page).getByRole("link", { name: /^My cases/ }).click();
  await expect(page).toHaveURL(/view=mine/);
  await expect(views(page).getByRole("link", { name: /^My cases/ })).toHaveAttribute("aria-current", "page");
  await expect(page.getByText("My cases, due soonest, 25 to a page")).toBeVisible();
  const firstStep = table(page).locator("tbody tr").first().locator("td").nth(1);
  await expect(firstStep).not.toBeEmpty();
  await screenshots(page, "workspace-queue-mine");

  // Unassigned holds the case just filed, and says so as its next step.
  await views(page).getByRole("link", { name: /^Unassigned/ }).click();
  await expect(page).toHaveURL(/view=unassigned/);
  await page.getByRole("searchbox").fill(reference);
  await apply(page);
  const row = table(page).getByRole("row").filter({ hasText: reference });
  await expect(row).toBeVisible();
  await expect(row.locator("td").nth(1)).toHaveText(/Unassigned|Respond within/);

  // Search by the customer's email, typed with capitals, across all cases.
  await views(page).getByRole("link", { name: /^All/ }).click();
  await page.getByRole("searchbox").fill(email.toUpperCase());
  await apply(page);
  await expect(table(page).locator("tbody tr")).toHaveCount(1);
  await expect(table(page).getByRole("link", { name: reference })).toBeVisible();

  // Search by a word from the complaint.
  await page.getByRole("searchbox").fill(word);
  await apply(page);
  await expect(table(page).locator("tbody tr")).toHaveCount(1);
  await expect(table(page).getByRole("link", { name: reference })).toBeVisible();
  await screenshots(page, "workspace-queue-search");

  // Filter by process: every row shown is about Installation.
  await page.getByRole("searchbox").fill("");
  await page.getByLabel("Process").selectOption({ label: "Installation" });
  await apply(page);
  await expect(page).toHaveURL(/process=/);
  const processCells = table(page).locator("tbody tr td:nth-child(5)");
  await expect(processCells.first()).toHaveText("Installation");
  for (const text of await processCells.allTextContents()) expect(text).toBe("Installation");

  // Pages: Older, then Newer brings back the same first page.
  await page.goto("/cases");
  const firstReference = await table(page).locator("tbody tr").first().getByRole("link").textContent();
  await page.getByRole("link", { name: "Older →" }).click();
  await expect(page).toHaveURL(/cursor=/);
  await expect(table(page).locator("tbody tr").first().getByRole("link")).not.toHaveText(firstReference!);
  await page.getByRole("link", { name: "← Newer" }).click();
  await expect(table(page).locator("tbody tr").first().getByRole("link")).toHaveText(firstReference!);
  await expect(page.getByRole("link", { name: "← Newer" })).toHaveCount(0);
  await screenshots(page, "workspace-queue-all");
});

test("an agent asking for the escalated view gets their own cases, with a notice", async ({ page }) => {
  await signIn(page, DEMO_ACCOUNTS.agent);
  await page.goto("/cases?view=escalated&status=bogus");
  await expect(page.getByText("The Escalated view is for supervisors; showing your cases instead.")).toBeVisible();
  await expect(page.getByText("Ignored the status “bogus”: not a case status.")).toBeVisible();
  await expect(views(page).getByRole("link", { name: /^My cases/ })).toHaveAttribute("aria-current", "page");
  await screenshots(page, "workspace-queue-notice");
});

test("a supervisor sees the Escalated view", async ({ page }) => {
  await signIn(page, DEMO_ACCOUNTS.supervisor);
  await page.goto("/cases");
  await views(page).getByRole("link", { name: /^Escalated/ }).click();
  await expect(page).toHaveURL(/view=escalated/);
  await expect(views(page).getByRole("link", { name: /^Escalated/ })).toHaveAttribute("aria-current", "page");
  await expect(page.getByText("Escalated, due soonest, 25 to a page")).toBeVisible();
  // Every row shown carries the Escalated badge (the demo data may or may not have one open).
  const rows = table(page).locator("tbody tr");
  for (let i = 0; i < (await rows.count()); i++) await expect(rows.nth(i)).toContainText("Escalated");
  await screenshots(page, "workspace-queue-escalated");
});
