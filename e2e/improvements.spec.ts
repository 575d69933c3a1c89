import { expect, test, type Browser, type Page } from "@playwright/test";
import { accessibilityViolations } from "./helpers/accessibility";
import { DEMO_ACCOUNTS, signIn } from "./helpers/auth";
import { fileComplaint } from "./helpers/complaints";
import { screenshots } from "./helpers/screenshots";

/**
 * The fix loop as an owner: a root cause on the analytics page → a corrective action with its
 * complaints pre-linked → more complaints linked → marked done → whether it worked. Then the same
 * forms posted without JavaScript (open, done, cancel), each refused once and accepted once.
 */

// axe-core is injected into the pages; the app's Content-Security-Policy would refuse it.
test.use({ bypassCSP: true });
test.describe.configure({ timeout: 240_000 });

async function expectAccessible(page: Page, what: string) {
  await page.waitForLoadState("networkidle");
  expect(await accessibilityViolations(page), `WCAG 2.1 AA violations on ${what}`).toEqual([]);
}

/** A calendar date `days` before today (UTC is close enough: the seed's complaints span 90 days). */
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

test("an owner opens an action from the Pareto, links complaints, marks it done and reads the before/after", async ({ page }) => {
  await signIn(page, DEMO_ACCOUNTS.owner);
  const extra = await fileComplaint(page.request, { name: "Linked Later" });

  await page.goto("/analytics");
  const pareto = page.getByRole("region", { name: "Complaints by root cause (Pareto)" });
  await pareto.getByText("Show as table").click();
  const firstRow = pareto.getByRole("table").getByRole("row").nth(1);
  const cause = (await firstRow.getByRole("link").first().textContent())!.trim();
  await screenshots(pareto, "improvements-from-pareto");
  await firstRow.getByRole("link", { name: `Open an action for ${cause}` }).click();

  // The new action comes with the cause chosen and the cause's complaints in the range ticked.
  await expect(page.getByRole("heading", { name: "Open a corrective action", level: 1 })).toBeVisible();
  await expect(page).toHaveURL(/\/improvements\/new\?from=.*rootCause=[0-9a-f-]{36}/);
  const causeId = new URL(page.url()).searchParams.get("rootCause")!;
  await expect(page.locator("#rootCauseId option:checked")).toHaveText(cause);
  const boxes = page.getByRole("group", { name: "Complaints behind it" }).getByRole("checkbox");
  const offered = await boxes.count();
  expect(offered).toBeGreaterThan(1);
  for (let i = 0; i < offered; i++) await expect(boxes.nth(i)).toBeChecked();
  await expect(page.getByText(new RegExp(`^${offered} complaints match the filter this was opened from`))).toBeVisible();
  await expectAccessible(page, "the new-action form");
  await screenshots(page, "improvements-new");

  // One complaint does not belong: unticked, it is not linked.
  await boxes.last().uncheck();
  await page.getByLabel("What will change").fill(`Fix “${cause}” at the source`);
  await page.getByLabel("Details (optional)").fill("Change the process so this cause stops producing complaints.");
  await page.getByRole("button", { name: "Open the corrective action" }).click();

  await expect(page).toHaveURL(/\/improvements\/[0-9a-f-]{36}/);
  await expect(page.getByRole("heading", { name: `Fix “${cause}” at the source`, level: 1 })).toBeVisible();
  await expect(page.getByText("Corrective action opened.")).toBeVisible();
  await expect(page.getByRole("heading", { name: `Linked complaints (${offered - 1})` })).toBeVisible();

  // Link one more by its reference.
  await page.getByLabel("Link complaints by reference").fill(extra.reference.toLowerCase());
  await page.getByRole("button", { name: "Link", exact: true }).click();
  await expect(page.getByText("1 complaint linked.")).toBeVisible();
  await expect(page.getByRole("heading", { name: `Linked complaints (${offered})` })).toBeVisible();
  await expect(page.getByRole("link", { name: extra.reference })).toBeVisible();

  // Marked done 45 days ago: 45 days either side of the change hold the seed's complaints.
  await page.getByLabel("What was changed").fill("New checklist in use by every team from that day.");
  await page.getByLabel("Took effect on").fill(daysAgo(45));
  await page.getByRole("button", { name: "Mark done" }).click();
  await expect(page.getByText(/^Marked done\./)).toBeVisible();

  const effect = page.getByRole("region", { name: "Did it work?" });
  // Windows of equal length either side: 45 days, or 46 late in the UTC day when London's clock
  // was ahead of UTC on the date picked (the date is UTC's; the change takes effect at London's midnight).
  await expect(effect.getByTestId("fix-verdict")).toHaveText(/^(It worked|No clear change yet|Complaints rose after the change): \d+ complaints? in the (45|46) days before, \d+ complaints? in the \2 days after/);
  const verdictText = (await effect.getByTestId("fix-verdict").textContent()) ?? "";
  const [before, windowDays, after] = verdictText.match(/(\d+) complaints? in the (\d+) days before, (\d+) complaints? in the \2 days after/)!.slice(1).map(Number) as [number, number, number];
  await expect(effect.getByText("Rate after ÷ before")).toBeVisible();
  await expect(effect.getByText(/^\d[\d.]* \(95% range \d[\d.]*–\d[\d.]*\)$/)).toBeVisible();
  await expect(effect.getByText(/^Chance alone (would|could)/)).toBeVisible();
  await expect(effect.getByRole("img", { name: /^Bar chart of complaints per week about / })).toBeVisible();
  // The audit trail has every step, newest first.
  const trail = page.getByRole("complementary", { name: "Progress" });
  await expect(trail.getByText(/^(Marked done|Complaints linked: 1|Opened with \d+ complaints)$/)).toHaveCount(3);
  await expectAccessible(page, "a done action");
  await screenshots(page, "improvements-done");

  // The list shows it under Done, and the export has it.
  await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Improvements" }).click();
  const done = page.getByRole("table", { name: "Done corrective actions" });
  const row = done.getByRole("row").filter({ hasText: `Fix “${cause}” at the source` });
  await expect(row).toContainText("Olivia Owner");
  await expect(row).toContainText(String(offered));
  // Recurrences: every complaint about the cause since the change, at least those in the after window.
  expect(Number(await row.getByRole("cell").last().textContent())).toBeGreaterThanOrEqual(after);
  await expectAccessible(page, "the list of actions");
  await screenshots(page, "improvements-list");
  const csv = await page.request.get("/improvements/export");
  expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect(await csv.text()).toContain(`Fix “${cause}” at the source,Done,`);

  // The analytics page gives the same verdict under "Did the fixes work?", with the counts.
  await page.goto("/analytics");
  const fixes = page.getByRole("region", { name: "Did the fixes work?" });
  const fixRow = fixes.getByRole("row").filter({ has: page.getByRole("link", { name: `Fix “${cause}” at the source` }) });
  const badge = verdictText.startsWith("It worked") ? "It worked" : verdictText.startsWith("No clear change") ? "No clear change" : "Complaints rose";
  await expect(fixRow).toContainText(`${before} → ${after} (${windowDays} days each side)`);
  await expect(fixRow).toContainText(badge);
  await expect(fixRow).toContainText(/\d[\d.]* \(95% range \d[\d.]*–\d[\d.]*\)/);
  await page.getByRole("navigation", { name: "Analytics sections" }).getByRole("link", { name: "Did the fixes work?" }).click();
  await expect(page).toHaveURL(/#fixes$/);
  await screenshots(fixes, "analytics-fixes");
  await fixRow.getByRole("link").click();
  await expect(page.getByRole("heading", { name: `Fix “${cause}” at the source`, level: 1 })).toBeVisible();

  // A complaint about the cause that came after the change warns on its case page.
  if (after > 0) {
    await page.goto(`/cases?rootCause=${causeId}&from=${daysAgo(30)}`);
    await page.getByRole("table").getByRole("link").first().click();
    const warning = page.getByRole("status").filter({ hasText: "This may be a recurrence" });
    await expect(warning).toContainText(`This cause was addressed by “Fix “${cause}” at the source” on`);
    await screenshots(page, "improvements-recurrence");
  }
});

async function noScriptPage(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext({ javaScriptEnabled: false, bypassCSP: true })).newPage();
  await signIn(page, DEMO_ACCOUNTS.owner);
  return page;
}

test("without JavaScript an owner opens, marks done and cancels actions; each form refuses first", async ({ browser }) => {
  const page = await noScriptPage(browser);
  await page.goto("/analytics");
  // A process row's link carries its filter, with no script.
  const processes = page.getByRole("table", { name: "Processes with their complaint figures" });
  const processLink = processes.getByRole("link", { name: /^Open an action for / }).first();
  const processName = ((await processLink.getAttribute("aria-label")) ?? "").replace("Open an action for ", "");
  await processLink.click();
  await expect(page.locator("#processId option:checked")).toHaveText(processName);

  // Refused: no title. The form comes back as typed, with the complaints as ticked.
  const boxes = page.getByRole("group", { name: "Complaints behind it" }).getByRole("checkbox");
  const offered = await boxes.count();
  await boxes.first().uncheck();
  await page.getByLabel("What will change").fill("abc");
  await page.getByRole("button", { name: "Open the corrective action" }).click();
  await expect(page.getByText("Say in a few words what will change (at least 5 characters).")).toBeVisible();
  await expect(page.getByLabel("What will change")).toHaveValue("abc");
  if (offered > 0) await expect(page.getByRole("group", { name: "Complaints behind it" }).getByRole("checkbox").first()).not.toBeChecked();

  await page.getByLabel("What will change").fill(`Rework the ${processName} hand-over`);
  await page.getByRole("button", { name: "Open the corrective action" }).click();
  await expect(page).toHaveURL(/\/improvements\/[0-9a-f-]{36}/);
  await expect(page.getByText("Corrective action opened.")).toBeVisible();
  await expect(page.getByRole("heading", { name: `Linked complaints (${Math.max(0, offered - 1)})` })).toBeVisible();

  // Mark done: refused without saying what changed, then done today: too early to tell.
  await page.getByRole("button", { name: "Mark done" }).click();
  await expect(page.getByText("Say what was changed (at least 10 characters).")).toBeVisible();
  await page.getByLabel("What was changed").fill("Hand-over sheet signed by both teams.");
  await page.getByRole("button", { name: "Mark done" }).click();
  await expect(page.getByText(/^Marked done\./)).toBeVisible();
  const effect = page.getByRole("region", { name: "Did it work?" });
  await expect(effect.getByTestId("fix-verdict")).toHaveText(/^Too early to tell: 28 more days since the change \(0 of 28\)/);
  await expect(effect.getByText(/^The comparison needs 28 days after the change and 10 complaints/)).toBeVisible();
  await screenshots(page, "improvements-too-early");

  // Another, already overdue: it is in the owner's What's due and the list's Overdue group.
  await page.goto("/improvements/new");
  await page.getByLabel("What will change").fill("Try a courier for small parcels");
  await page.getByLabel("Due on").fill(new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10));
  await page.locator("#processId").selectOption({ label: processName });
  await page.getByRole("button", { name: "Open the corrective action" }).click();
  await expect(page.getByText("Corrective action opened.")).toBeVisible();
  const actionUrl = page.url().split("?")[0]!;
  await page.goto("/due");
  const owned = page.getByRole("region", { name: /^Corrective actions you own/ });
  await expect(owned.getByRole("listitem").filter({ hasText: "Try a courier for small parcels" })).toContainText("Overdue since");
  await screenshots(page, "improvements-due");
  await page.goto("/improvements");
  await expect(page.getByRole("table", { name: "Overdue corrective actions" })).toContainText("Try a courier for small parcels");

  // Cancel it: refused without a reason, then cancelled.
  await page.goto(actionUrl);
  await page.getByRole("button", { name: "Cancel this action" }).click();
  await expect(page.getByText("Say why this action is cancelled (at least 10 characters).")).toBeVisible();
  await page.getByLabel("Why it is cancelled").fill("The courier does not cover our area.");
  await page.getByRole("button", { name: "Cancel this action" }).click();
  await expect(page.getByText("Corrective action cancelled.")).toBeVisible();
  await expect(page.getByText("The courier does not cover our area.").first()).toBeVisible();

  await page.goto("/improvements");
  await expect(page.getByRole("table", { name: "Cancelled corrective actions" })).toContainText("Try a courier for small parcels");
  await expect(page.getByRole("table", { name: "Done corrective actions" })).toContainText(`Rework the ${processName} hand-over`);
  await page.context().close();
});

test("a likely service fault verdict and What to fix first each open an action for their process, its complaints ticked", async ({ page }) => {
  await signIn(page, DEMO_ACCOUNTS.owner);
  const starts = [
    { where: page.getByRole("region", { name: "Difficult customer or faulty service?" }), name: "verdict" },
    { where: page.getByRole("table", { name: "What to fix first" }), name: "fix-first" },
  ];
  for (const { where, name } of starts) {
    await page.goto("/analytics");
    const link = where.getByRole("link", { name: /^Open an action for / }).first();
    const subject = ((await link.getAttribute("aria-label")) ?? "").replace("Open an action for ", "");
    expect(subject, `${name} offers an action`).not.toBe("");
    await link.click();
    await expect(page.getByRole("heading", { name: "Open a corrective action", level: 1 })).toBeVisible();
    await expect(page.locator("#processId option:checked")).toHaveText(subject);
    const boxes = page.getByRole("group", { name: "Complaints behind it" }).getByRole("checkbox");
    expect(await boxes.count()).toBeGreaterThan(0);
    await expect(boxes.first()).toBeChecked();
  }
});
