import { expect, test, type Page } from "@playwright/test";
import { DEMO_ACCOUNTS, signIn } from "./helpers/auth";
import { fileComplaint } from "./helpers/complaints";
import { screenshot, screenshots } from "./helpers/screenshots";

/** One decision section of the right column, opened. */
async function section(page: Page, testId: string) {
  const details = page.getByTestId(testId);
  if ((await details.getAttribute("open")) === null) await details.locator("summary").click();
  return details;
}

const DEBRIEF = "He shouted for ten minutes about the crushed box. I stayed calm but it shook me.";

test.describe.serial("deciding a case", () => {
  let reference = "";

  test("an agent claims, assesses, judges, sets the root cause and resolves; refusals are explained", async ({ page, context }) => {
    reference = (await fileComplaint(page.request)).reference;
    await signIn(page, DEMO_ACCOUNTS.agent);
    await page.goto(`/cases/${reference}`);
    const checklist = page.getByTestId("handling-list");
    await expect(checklist.locator("li")).toHaveCount(13);
    await expect(checklist.locator('li[data-state="done"]')).toHaveCount(0);

    // Claim the unassigned case.
    await page.getByRole("button", { name: "Claim this case" }).click();
    await expect(page.getByRole("status").filter({ hasText: "The case is yours now." })).toBeVisible();
    await expect(page.getByTestId("decision-assign").locator("summary")).toContainText("You");

    // Assess: high severity; the reply deadline follows the owner's targets.
    const assessment = await section(page, "decision-assessment");
    await assessment.getByRole("combobox", { name: /^Severity/ }).selectOption("high");
    await assessment.getByRole("button", { name: "Save assessment" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Assessed as high severity." })).toBeVisible();
    await expect(page.getByTestId("decision-assessment").locator("summary")).toContainText("High severity");
    await expect(checklist.locator('li[data-state="done"]').filter({ hasText: "Assessed" })).toBeVisible();

    // Status: start investigating, then try to resolve without the facts.
    const status = page.getByTestId("decision-status");
    await status.getByRole("button", { name: "Start investigating" }).click();
    await expect(status.locator("summary")).toContainText("Investigating");
    await status.getByRole("button", { name: "Mark resolved" }).click();
    await expect(status.getByRole("alert")).toHaveText("Set the root cause, process and fault attribution before resolving.");

    // A second tab still shows the old version: its change is refused, not applied over ours.
    const stale = await context.newPage();
    await stale.goto(`/cases/${reference}`);

    // Judge the request.
    const judge = await section(page, "decision-judge");
    await judge.getByLabel("Partly reasonable").check();
    await judge.getByRole("textbox", { name: /^Reason/ }).fill("A replacement mug is fair; the two-week delay deserves an apology, not money.");
    await judge.getByRole("button", { name: "Record judgement" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Judgement recorded." })).toBeVisible();

    await stale.getByTestId("decision-status").getByRole("button", { name: "Mark resolved" }).click();
    await expect(stale.getByTestId("decision-status").getByRole("alert")).toContainText("Someone else updated this case");
    await stale.close();

    // Root cause: the fault is preselected from the cause's default.
    const rootCause = await section(page, "decision-root-cause");
    await rootCause.getByRole("combobox", { name: /^Process/ }).selectOption({ label: "Delivery" });
    await rootCause.getByRole("combobox", { name: /^Root cause/ }).selectOption({ label: "Damaged in transit" });
    await expect(rootCause.getByText("Default for this cause: Service (our fault)")).toBeVisible();
    await expect(rootCause.getByRole("combobox", { name: /^Fault/ })).toHaveValue("service");
    await rootCause.getByRole("button", { name: "Save root cause" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Root cause saved." })).toBeVisible();

    // Now resolving works.
    await page.getByTestId("decision-status").getByRole("button", { name: "Mark resolved" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Case is now resolved." })).toBeVisible();
    await expect(page.getByTestId("decision-status").locator("summary")).toContainText("Resolved");

    // A private debrief after a hard call.
    const debriefs = await section(page, "decision-debriefs");
    await debriefs.getByRole("textbox", { name: /^How did it go/ }).fill(DEBRIEF);
    await debriefs.getByLabel("This was a hard interaction").check();
    await debriefs.getByRole("button", { name: "Save debrief" }).click();
    await expect(page.getByTestId("decision-debriefs").getByText(DEBRIEF)).toBeVisible();

    await section(page, "decision-fault");
    await expect(page.getByTestId("decision-fault")).toContainText("not confirmed yet");
    await expect(page.getByRole("button", { name: /Confirm fault/ })).toHaveCount(0);
    await screenshot(page.locator('section[aria-labelledby="decisions-heading"]'), "decisions-agent-panel");
    await screenshots(page, "decisions-agent");
  });

  test("a supervisor confirms the fault and reads the agent's debrief", async ({ page }) => {
    await signIn(page, DEMO_ACCOUNTS.supervisor);
    await page.goto(`/cases/${reference}`);
    const fault = await section(page, "decision-fault");
    await fault.getByRole("button", { name: "Confirm fault: Service (our fault)" }).click();
    await expect(page.getByTestId("decision-fault")).toContainText("confirmed by Sam Supervisor");
    const debriefs = await section(page, "decision-debriefs");
    await expect(debriefs.getByText(DEBRIEF)).toBeVisible();
    await expect(debriefs.getByText("Alex Agent")).toBeVisible();
    await expect(debriefs.getByText("Hard interaction", { exact: true })).toBeVisible();
    await screenshot(page.locator('section[aria-labelledby="decisions-heading"]'), "decisions-supervisor-panel");
    await screenshots(page, "decisions-supervisor");
  });

  test("another agent cannot read that debrief", async ({ page }) => {
    await signIn(page, "priya@example.com");
    await page.goto(`/cases/${reference}`);
    const debriefs = await section(page, "decision-debriefs");
    await expect(debriefs.getByText("You see your own.")).toBeVisible();
    await expect(page.getByText(DEBRIEF)).toHaveCount(0);
  });
});
