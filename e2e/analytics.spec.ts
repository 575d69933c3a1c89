import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { DEMO_ACCOUNTS, signIn } from "./helpers/auth";
import { screenshot, screenshots } from "./helpers/screenshots";

const verdictCard = (page: Page, kind: string, name: string) => page.getByRole("article", { name: `${kind}: ${name}` });

test("the owner reads the analytics, narrows the range, opens a cause's cases and exports a CSV", async ({ page }) => {
  await signIn(page, DEMO_ACCOUNTS.owner);
  await page.goto("/analytics");
  await expect(page.getByRole("heading", { name: "Analytics", level: 1 })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Analytics" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByText("Complaints in range", { exact: true })).toBeVisible();

  await expect(verdictCard(page, "Process", "Installation")).toContainText("Likely at fault");
  await expect(verdictCard(page, "Staff member", "Tom Whitfield")).toContainText("Likely conduct issue");
  await screenshots(page, "analytics-owner");
  // Patterns that were checked but not found are summed up in one line; their evidence is a link away.
  const noPattern = page.locator("#no-pattern");
  await expect(noPattern).toContainText(/^\d+ checked with no pattern \(\d+ process(es)?, \d+ staff members?\)/);
  await expect(noPattern.getByRole("article")).toHaveCount(0);
  await noPattern.getByRole("link", { name: "Show their evidence" }).click();
  await expect(page).toHaveURL(/evidence=all/);
  await expect(noPattern.getByRole("article").first()).toBeVisible();
  await expect(noPattern.getByRole("article", { name: /^Process: / }).first()).toContainText(/complaints from \d+ distinct customers/);
  await noPattern.getByRole("link", { name: "Hide their evidence" }).click();
  await expect(page).not.toHaveURL(/evidence=all/);
  await expect(noPattern.getByRole("article")).toHaveCount(0);

  // A shorter range: the URL carries it, so the view can be shared.
  await page.getByLabel("Date range").selectOption("30d");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/range=30d/);
  await expect(page.getByText(/^Last 30 days:/)).toBeVisible();

  // An invalid link falls back with a notice instead of failing.
  await page.goto("/analytics?range=forever&channel=fax");
  await expect(page.getByText("Some filters were not valid")).toBeVisible();

  // The Pareto table's first cause opens the case list narrowed to it and the same dates.
  await page.goto("/analytics");
  const pareto = page.getByRole("region", { name: "Complaints by root cause (Pareto)" });
  await pareto.getByText("Show as table").click();
  const firstCause = pareto.getByRole("table").getByRole("link").first();
  await expect(firstCause).toBeVisible();
  await firstCause.click();
  await expect(page).toHaveURL(/\/cases\?from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}&rootCause=[0-9a-f-]{36}/);

  await page.goto("/analytics");
  const [download] = await Promise.all([page.waitForEvent("download"), pareto.getByRole("link", { name: "Download CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^caseroot-root-causes-.*\.csv$/);
  const firstLine = fs.readFileSync((await download.path())!, "utf8").replace(/^\uFEFF/, "").split("\r\n")[0];
  expect(firstLine).toBe("Root cause,Default fault,Complaints,Share,Cumulative share,Vital few,service,customer,external,undetermined,unattributed,Previous period,Rising,Adjusted p-value");
});

test("the owner sees Victor Crane named as likely difficult", async ({ page }) => {
  await signIn(page, DEMO_ACCOUNTS.owner);
  await page.goto("/analytics");
  await expect(verdictCard(page, "Customer", "Victor Crane")).toContainText("Likely difficult: 10 complaints in 90 days");
});

test("an agent sees only their own figures, whatever the link asks for", async ({ page, request }) => {
  await signIn(page, DEMO_ACCOUNTS.agent);
  await page.goto("/analytics?staff=0b4c1c62-4bd8-4a8f-9d39-8f0f3c1d2e3a");
  await expect(page.getByText(/· your own cases/)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Your figures" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Difficult customer or faulty service?" })).toHaveCount(0);
  // Corrective actions are a supervisor's or owner's business, like /improvements.
  await expect(page.getByRole("heading", { name: "Did the fixes work?" })).toHaveCount(0);
  await expect(page.getByLabel("Staff member")).toHaveCount(0);
  const staffTable = page.getByRole("table", { name: "Staff figures with the team's beside them" });
  await expect(staffTable.getByRole("row")).toHaveCount(2);
  await expect(staffTable).toContainText("Alex Agent");
  await screenshots(page, "analytics-agent");

  const csv = await page.request.get("/analytics/export/staff");
  expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  const lines = (await csv.text()).replace(/^\uFEFF/, "").trim().split("\r\n");
  expect(lines).toHaveLength(2);
  expect(lines[1]).toMatch(/^Alex Agent,/);

  const anonymous = await request.get("/analytics/export/staff", { maxRedirects: 0 });
  expect([302, 307, 401]).toContain(anonymous.status());
});

test("any range up to all time; a refused range is named; a part of a Pareto bar opens exactly its cases; the process filter narrows the verdicts", async ({ page }) => {
  await signIn(page, DEMO_ACCOUNTS.owner);
  // A refused range says why, names what is shown instead, and offers the typed dates again.
  await page.goto("/analytics?range=custom&from=2026-03-02&to=2026-03-01");
  const refused = page.getByRole("status").filter({ hasText: "That date range was refused" });
  await expect(refused).toContainText("The end date (2026-03-01) is before the start date (2026-03-02).");
  await expect(refused).toContainText("The figures below are for the last 90 days");
  await expect(page.getByText(/^Last 90 days: .*\(instead of the range asked for\)/)).toBeVisible();
  await expect(page.getByLabel("From", { exact: true })).toHaveValue("2026-03-02");
  // A ten-year range is no longer refused; it is drawn by month.
  await page.goto("/analytics?range=custom&from=2016-01-01&to=2026-01-01");
  await expect(page.getByText("That date range was refused")).toHaveCount(0);
  await expect(page.getByText(/^Custom range: .* · by month$/)).toBeVisible();
  await page.getByLabel("Date range").selectOption("all");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/range=all/);
  await expect(page.getByText(/^All time: /)).toBeVisible();
  // The CSV of a refused range is refused too, never another range's figures.
  const csv = await page.request.get("/analytics/export/root-causes?range=custom&from=2026-13-01");
  expect(csv.status()).toBe(400);
  expect(await csv.text()).toContain('The start date "2026-13-01" is not a real date');

  // The "service" part of the first cause's bar: that cause AND that fault, with the view's dates.
  await page.goto("/analytics");
  const pareto = page.getByRole("region", { name: "Complaints by root cause (Pareto)" });
  const firstCause = await pareto.getByRole("listitem").filter({ has: page.getByTestId("pareto-bar") }).first().getByRole("link").first().textContent();
  await pareto.locator('[data-fault="service"]').first().click();
  await expect(page).toHaveURL(/\/cases\?from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}&rootCause=[0-9a-f-]{36}&fault=service$/);
  await expect(page.getByLabel("Fault")).toHaveValue("service");
  await expect(page.getByLabel("Root cause").locator("option:checked")).toHaveText(firstCause!.trim());

  // With a process chosen, only its verdict shows (judged against every other), and the page says so.
  await page.goto("/analytics");
  await expect(verdictCard(page, "Process", "Installation")).toContainText(/Compared against \d+ other processes/);
  await page.getByLabel("Process", { exact: true }).selectOption({ label: "Delivery" });
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByTestId("process-filter-note")).toContainText("still judged against every other process");
  await expect(verdictCard(page, "Process", "Installation")).toHaveCount(0);
});

test("the Pareto chart keeps every cause name whole at 375 px, and its parts are links without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 375, height: 800 } });
  const page = await context.newPage();
  await signIn(page, DEMO_ACCOUNTS.owner);
  await page.goto("/analytics");
  const pareto = page.getByRole("region", { name: "Complaints by root cause (Pareto)" });
  const labels = pareto.getByRole("listitem").filter({ has: page.getByTestId("pareto-bar") }).locator("a:not([data-fault])");
  expect(await labels.count()).toBeGreaterThan(1);
  for (const label of await labels.all()) {
    const fits = await label.evaluate((el) => el.scrollWidth <= el.clientWidth + 1 && el.getBoundingClientRect().right <= window.innerWidth);
    expect(fits, `${await label.textContent()} is cut off`).toBe(true);
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await screenshot(pareto, "analytics-pareto-375");
  await screenshot(page, "analytics-375");
  const part = pareto.locator('[data-fault="service"]').first();
  await part.click();
  await expect(page).toHaveURL(/rootCause=[0-9a-f-]{36}&fault=service$/);

  // The evidence behind "no pattern" is a plain link too, landing on the verdicts, filters kept.
  await page.goto("/analytics?range=12m");
  await page.locator("#no-pattern").getByRole("link", { name: "Show their evidence" }).click();
  await expect(page).toHaveURL(/\/analytics\?range=12m&evidence=all#verdicts$/);
  await expect(page.locator("#no-pattern").getByRole("article").first()).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await screenshot(page.locator("#verdicts"), "analytics-verdicts-evidence-375");
  await context.close();
});
