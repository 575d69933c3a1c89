import { expect, test, type Locator } from "@playwright/test";
import { DEMO_ACCOUNTS, signIn } from "./helpers/auth";
import { fileComplaint } from "./helpers/complaints";
import { screenshots } from "./helpers/screenshots";

/** The resolution card: plan, goodwill, promises, the customer's answer and the follow-up. */

/** Opens a collapsed form by its summary line. */
async function open(scope: Locator, summary: string) {
  const details = scope.locator("details", { has: scope.page().locator("summary", { hasText: summary }) }).first();
  if (!(await details.evaluate((el) => (el as HTMLDetailsElement).open))) await details.locator("summary").first().click();
}

/** The day after the date input's minimum (today in the business's time zone). */
async function tomorrow(input: Locator): Promise<string> {
  const today = (await input.getAttribute("min"))!;
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

test("an agent proposes a resolution with a goodwill extra, keeps a promise and records the follow-up", async ({ page }) => {
  test.setTimeout(120_000);
  const { reference } = await fileComplaint(page.request);
  await signIn(page, DEMO_ACCOUNTS.agent);
  await page.goto(`/cases/${reference}`);
  const card = page.getByTestId("resolution-card");

  await page.getByTestId("decision-status").getByRole("button", { name: "Start investigating" }).click();
  await expect(page.getByTestId("decision-status")).toContainText("Investigating");

  // 1. The plan, with the customer's own wish beside it.
  const planForm = card.getByRole("form", { name: "Propose a resolution" });
  await expect(card.getByRole("complementary", { name: "What the customer asked for" })).toContainText("A replacement for the broken mug, please.");
  await planForm.getByLabel("Kind of resolution").selectOption("replace");
  await expect(planForm.getByText("Swap the item for a new one.")).toBeVisible();
  await planForm.getByLabel("What we will do").fill("We will send you a new mug by courier, at no cost to you.");
  await planForm.getByRole("button", { name: "Record the plan" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Resolution plan recorded" })).toBeVisible();
  await expect(card.getByTestId("resolution-plan")).toContainText("We will send you a new mug by courier");
  await expect(page.getByTestId("decision-status")).toContainText("Resolution proposed");

  // 2. A goodwill extra: a negative cost is refused with a message, then recorded.
  const goodwill = card.getByTestId("goodwill");
  await open(goodwill, "Add a goodwill extra");
  const goodwillForm = goodwill.getByRole("form", { name: "Add a goodwill extra" });
  await goodwillForm.getByLabel("The extra").fill("Free delivery on your next order");
  await goodwillForm.getByLabel(/Cost to us/).fill("-5");
  await goodwillForm.getByRole("button", { name: "Record the extra" }).click();
  await expect(goodwillForm.getByText("The cost cannot be negative.")).toBeVisible();
  await screenshots(page.getByTestId("resolution-card"), "workspace-resolution-goodwill-error-card");
  await goodwillForm.getByLabel(/Cost to us/).fill("£7.50");
  await goodwillForm.getByLabel(/Tell the customer/).check();
  await goodwillForm.getByRole("button", { name: "Record the extra" }).click();
  await expect(goodwill).toContainText("Total cost £7.50");

  // 3. A promise for tomorrow at 10:00, then kept.
  const promisesBlock = card.getByTestId("promises");
  await open(promisesBlock, "Make a promise");
  const promiseForm = promisesBlock.getByRole("form", { name: "Make a promise" });
  await promiseForm.getByLabel("What we promised").fill("We will post the new mug tomorrow morning");
  await promiseForm.getByLabel("By (date)").fill(await tomorrow(promiseForm.getByLabel("By (date)")));
  await promiseForm.getByLabel("Time").fill("10:00");
  await promiseForm.getByRole("button", { name: "Record the promise" }).click();
  const promiseRow = promisesBlock.locator("li", { hasText: "We will post the new mug tomorrow morning" });
  // "Tomorrow" was read from the page; if the clock passes midnight before this line, the same
  // promise is rightly "due today".
  await expect(promiseRow).toContainText(/due (tomorrow|today)/);
  await promiseRow.getByRole("button", { name: "Mark kept" }).click();
  await expect(promiseRow.getByText("Kept", { exact: true })).toBeVisible();

  // 4. Ask the customer to agree, then record their yes, told on a call.
  await card.getByRole("form", { name: "Ask the customer to agree" }).getByRole("button", { name: "Ask the customer to agree" }).click();
  await expect(page.getByTestId("decision-status")).toContainText("Awaiting customer");
  const answer = card.getByTestId("customer-answer");
  await open(answer, "Record their answer");
  await answer.getByLabel("Agree with the plan").check();
  await answer.getByRole("button", { name: "Record the answer" }).click();
  await expect(answer).toContainText("Agreed — recorded by Alex Agent, as told by the customer");

  // 5. Resolve (root cause first), which schedules the follow-up; then record it.
  const rootCause = page.getByTestId("decision-root-cause");
  await rootCause.locator("summary").click();
  await rootCause.getByRole("combobox", { name: /^Process/ }).selectOption({ index: 1 });
  await rootCause.getByRole("combobox", { name: /^Root cause/ }).selectOption({ index: 1 });
  await rootCause.getByRole("combobox", { name: /^Fault/ }).selectOption({ index: 1 });
  await rootCause.getByRole("button", { name: "Save root cause" }).click();
  await expect(rootCause.locator("summary")).not.toContainText("Not set");
  await page.getByTestId("decision-status").getByRole("button", { name: "Mark resolved" }).click();
  await expect(page.getByTestId("decision-status")).toContainText("Resolved");

  const followUp = card.getByTestId("follow-up");
  await expect(followUp).toContainText(/Scheduled · due in \d+ days/);
  await open(followUp, "Record the follow-up");
  await followUp.getByLabel("How it went").fill("Called: the new mug arrived and the customer is happy.");
  await followUp.getByRole("button", { name: "Record the follow-up" }).click();
  await expect(followUp).toContainText("the new mug arrived and the customer is happy");
  await expect(followUp.getByText("Done", { exact: true })).toBeVisible();

  await page.locator("body").evaluate(() => window.scrollTo(0, 0));
  await card.scrollIntoViewIfNeeded();
  await screenshots(page, "workspace-resolution-done");
  await screenshots(page.getByTestId("resolution-card"), "workspace-resolution-done-card");
});

test("a seeded case with a broken promise shows it loudly at the top of the resolution card", async ({ page }) => {
  // The demo data leaves some promises unkept past their date; find one through What's due.
  let reference: string | null = null;
  for (const email of [DEMO_ACCOUNTS.agent, "priya@example.com", "tom@example.com", "jo@example.com", DEMO_ACCOUNTS.supervisor]) {
    await page.context().clearCookies();
    await signIn(page, email);
    await page.goto("/due");
    const item = page.locator("section[aria-labelledby='due-overdue'] li", { has: page.getByText("Promise", { exact: true }) }).first();
    if (await item.count()) {
      reference = await item.getByRole("link").first().innerText();
      break;
    }
  }
  expect(reference, "the demo data has an overdue promise").not.toBeNull();
  await page.goto(`/cases/${reference}`);
  const broken = page.getByTestId("broken-promises");
  await expect(broken).toBeVisible();
  await expect(broken.getByRole("heading", { name: /broken promise/i })).toBeVisible();
  await expect(broken).toContainText(/(\d+ days?|\d+ hours?) overdue|just overdue/);
  await expect(broken.getByRole("button", { name: "Mark kept (late)" }).first()).toBeVisible();
  await screenshots(page, "workspace-resolution-broken");
  await screenshots(page.getByTestId("resolution-card"), "workspace-resolution-broken-card");
});
