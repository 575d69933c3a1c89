import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import { accessibilityViolations } from "./helpers/accessibility";
import { DEMO_ACCOUNTS, signIn } from "./helpers/auth";
import { fileComplaint } from "./helpers/complaints";
import { open, section } from "./helpers/case-page";
import { screenshot } from "./helpers/screenshots";

/**
 * Issue 13, walked as people would: a supervisor approves an apology the blame check flagged; the
 * customer's agreement moves the case on (both pages say so); a plan recorded on a new case is
 * proposed in one step or kept as a draft the customer never sees; a supervisor changes or
 * rejects the fault attribution and the reply check follows. Every walk runs with JavaScript and
 * without it (plain form posts, answered by a page with a notice).
 */

test.use({ bypassCSP: true });
test.describe.configure({ timeout: 180_000 });

const PHONE = { width: 375, height: 812 };

/** Desktop and 375 px screenshots of the page and of the part that changed, only when SCREENSHOTS is set. */
async function shots(page: Page, name: string, part?: Locator) {
  const desktop = page.viewportSize();
  await screenshot(page, `${name}-desktop`);
  if (part) await screenshot(part, `${name}-part-desktop`);
  await page.setViewportSize(PHONE);
  await screenshot(page, `${name}-375`);
  if (part) await screenshot(part, `${name}-part-375`);
  if (desktop) await page.setViewportSize(desktop);
}

// With JavaScript the answer is a toast; without, the notice on the page that comes back: both are role=status.
const done = (page: Page, text: string | RegExp) => page.getByRole("status").filter({ hasText: text }).first();


/** The first process and root cause, and the given fault, saved under Root cause. */
async function setRootCause(page: Page, fault: string) {
  const rootCause = await section(page, "decision-root-cause");
  await rootCause.getByRole("combobox", { name: /^Process/ }).selectOption({ index: 1 });
  await rootCause.getByRole("combobox", { name: /^Root cause/ }).selectOption({ index: 1 });
  await rootCause.getByRole("combobox", { name: /^Fault/ }).selectOption(fault);
  await rootCause.getByRole("button", { name: "Save root cause" }).click();
  await expect(done(page, "Root cause saved")).toBeAttached();
}

const checklistItem = (page: Page, label: string) => page.getByTestId("handling-list").locator("li", { hasText: label });

for (const javaScriptEnabled of [true, false]) {
  const mode = javaScriptEnabled ? "with JavaScript" : "without JavaScript";

  test.describe(`case workflow ${mode}`, () => {
    async function staffPage(browser: Browser, email: string): Promise<Page> {
      const page = await (await browser.newContext({ javaScriptEnabled, bypassCSP: true })).newPage();
      await signIn(page, email);
      return page;
    }
    async function customerPage(browser: Browser, trackingUrl: string): Promise<Page> {
      const page = await (await browser.newContext({ javaScriptEnabled, bypassCSP: true })).newPage();
      await page.goto(new URL(trackingUrl).pathname);
      return page;
    }
    async function axe(page: Page, what: string) {
      // axe runs in the page: only where scripts run.
      if (javaScriptEnabled) expect(await accessibilityViolations(page), `WCAG 2.1 AA violations on ${what}`).toEqual([]);
    }

    test("a flagged apology counts as apologising only once a supervisor approves it", async ({ browser }) => {
      const filed = await fileComplaint((await browser.newContext()).request, { name: "Dana Apology" });
      const agent = await staffPage(browser, DEMO_ACCOUNTS.agent);
      await agent.goto(`/cases/${filed.reference}?compose=reply`);
      const panel = agent.locator("#composer").getByRole("tabpanel");
      await panel.getByLabel("Apology").check();
      await panel.getByLabel("Message", { exact: true }).fill("Dear Dana, we are sorry you feel that way about the delay.");
      await panel.getByRole("button", { name: "Send to customer" }).click();
      await expect(panel.getByRole("alert").first()).toBeVisible();
      await panel.getByLabel(/Send anyway/).check();
      await panel.getByLabel(/Why this wording should be sent/).fill("Dana asked us to acknowledge her feelings in these words.");
      await panel.getByRole("button", { name: "Send to customer" }).click();
      await expect(done(agent, "Apology sent to the customer")).toBeAttached();
      await agent.goto(`/cases/${filed.reference}`);
      await expect(checklistItem(agent, "Apologised")).toHaveAttribute("data-state", "warning");
      const apology = agent.locator("#timeline").getByRole("article", { name: /^Apology/ });
      await expect(apology).toContainText("Not counted as an apology until a supervisor approves it.");
      await expect(apology.getByRole("button", { name: "Approve this apology" })).toHaveCount(0);

      const supervisor = await staffPage(browser, DEMO_ACCOUNTS.supervisor);
      await supervisor.goto(`/cases/${filed.reference}`);
      const flagged = supervisor.locator("#timeline").getByRole("article", { name: /^Apology/ });
      await axe(supervisor, "the case page with a flagged apology");
      await shots(supervisor, `flow-apology-flagged-${javaScriptEnabled ? "js" : "nojs"}`, flagged);
      await flagged.getByRole("button", { name: "Approve this apology" }).click();
      await expect(done(supervisor, "Apology approved")).toBeAttached();
      await supervisor.goto(`/cases/${filed.reference}`);
      await expect(checklistItem(supervisor, "Apologised")).toHaveAttribute("data-state", "done");
      await expect(checklistItem(supervisor, "Apologised")).toContainText("approved by a supervisor");
      await expect(supervisor.locator("#timeline").getByRole("article", { name: /^Apology/ })).toContainText("Approved by");
      await expect(supervisor.locator("#timeline").getByRole("article", { name: /^Flagged apology approved/ })).toBeVisible();
    });

    test("a plan on a new case: a draft the customer never sees, then proposed in one step", async ({ browser }) => {
      const filed = await fileComplaint((await browser.newContext()).request, { name: "Dana Draft" });
      const owner = await staffPage(browser, DEMO_ACCOUNTS.owner);
      await owner.goto(`/cases/${filed.reference}`);
      const card = owner.getByTestId("resolution-card");
      await open(card, "Propose a resolution");
      const form = card.getByRole("form", { name: "Propose a resolution" });
      await expect(form.getByLabel("Propose it to the customer now")).toBeChecked();
      await axe(owner, "the case page's plan form");
      await shots(owner, `flow-plan-form-${javaScriptEnabled ? "js" : "nojs"}`, card.getByTestId("resolution-plan"));
      await form.getByLabel("Kind of resolution").selectOption("refund");
      await form.getByLabel(/What we will do/).fill("A full refund of the mug to your card.");
      await form.getByLabel("Propose it to the customer now").uncheck();
      await form.getByRole("button", { name: "Record the plan" }).click();
      await expect(done(owner, "recorded as a draft")).toBeAttached();
      await owner.goto(`/cases/${filed.reference}`);
      await expect(owner.getByTestId("plan-draft")).toContainText("Not proposed");
      await shots(owner, `flow-plan-draft-${javaScriptEnabled ? "js" : "nojs"}`, owner.getByTestId("resolution-plan"));
      await expect(owner.getByTestId("decision-status").locator("summary")).toContainText("New");

      const customer = await customerPage(browser, filed.trackingUrl!);
      await expect(customer.getByRole("region", { name: /proposes to put it right/ })).toHaveCount(0);
      await expect(customer.locator("#timeline")).not.toContainText("proposed a way to put it right");
      await expect(customer.locator("#timeline")).not.toContainText("A full refund");

      await open(owner.getByTestId("resolution-card"), "Revise the plan");
      const revise = owner.getByTestId("resolution-card").getByRole("form", { name: "Revise the resolution plan" });
      await expect(revise.getByLabel("Propose it to the customer now")).toBeChecked();
      await revise.getByRole("button", { name: "Save the revised plan" }).click();
      await expect(done(owner, "recorded and proposed")).toBeAttached();
      await owner.goto(`/cases/${filed.reference}`);
      await expect(owner.getByTestId("decision-status").locator("summary")).toContainText("Resolution proposed");
      const timeline = owner.locator("#timeline");
      await expect(timeline.getByRole("article", { name: /^Status: New → Investigating/ })).toBeVisible();
      await expect(timeline.getByRole("article", { name: /^Status: Investigating → Resolution proposed/ })).toBeVisible();
      await expect(checklistItem(owner, "Resolution proposed")).toHaveAttribute("data-state", "done");

      await customer.reload();
      const proposal = customer.getByRole("region", { name: /proposes to put it right/ });
      await expect(proposal).toContainText("A full refund of the mug to your card.");
      await expect(proposal.getByRole("button", { name: "I agree with this proposal" })).toBeVisible();
    });

    test("the customer agrees: carrying out the plan while a promise is open, resolved once it is kept", async ({ browser }) => {
      const filed = await fileComplaint((await browser.newContext()).request, { name: "Dana Agrees" });
      const owner = await staffPage(browser, DEMO_ACCOUNTS.owner);
      await owner.goto(`/cases/${filed.reference}`);
      await (await section(owner, "decision-assign")).getByRole("button", { name: "Claim this case" }).click();
      await expect(done(owner, "The case is yours now")).toBeAttached();
      await owner.goto(`/cases/${filed.reference}`);
      await setRootCause(owner, "external");
      await owner.goto(`/cases/${filed.reference}`);
      await open(owner.getByTestId("resolution-card"), "Propose a resolution");
      const plan = owner.getByTestId("resolution-card").getByRole("form", { name: "Propose a resolution" });
      await plan.getByLabel("Kind of resolution").selectOption("replace");
      await plan.getByLabel(/What we will do/).fill("We will send you a new mug by courier.");
      await plan.getByRole("button", { name: "Record the plan" }).click();
      await expect(done(owner, "recorded and proposed")).toBeAttached();
      await owner.goto(`/cases/${filed.reference}`);
      const promises = await open(owner.getByTestId("promises"), "Make a promise");
      const promise = promises.getByRole("form", { name: "Make a promise" });
      const min = (await promise.getByLabel("By (date)").getAttribute("min"))!;
      const due = new Date(`${min}T12:00:00Z`);
      due.setUTCDate(due.getUTCDate() + 2);
      await promise.getByLabel("What we promised").fill("We will post the new mug by Friday");
      await promise.getByLabel("By (date)").fill(due.toISOString().slice(0, 10));
      await promise.getByRole("button", { name: "Record the promise" }).click();
      await expect(done(owner, "Promise recorded")).toBeAttached();

      const customer = await customerPage(browser, filed.trackingUrl!);
      await customer.getByRole("button", { name: "I agree with this proposal" }).click();
      await expect(customer.getByText("you agreed with the proposal, and we will go ahead")).toBeVisible();
      await expect(customer.locator("header").getByText("Agreed: putting it right")).toBeVisible();
      await expect(customer.getByText("We are now doing what we promised")).toBeVisible();
      await expect(customer.locator("main header")).not.toContainText("Waiting for your answer");
      await expect(customer.getByRole("region", { name: /proposes to put it right/ })).toContainText("You agreed with this proposal.");
      await axe(customer, "the tracking page while the plan is carried out");
      await shots(customer, `flow-tracking-carrying-out-${javaScriptEnabled ? "js" : "nojs"}`, customer.locator("main"));

      // The queue and the case say so; the assignee sees the customer waiting under What's due.
      await owner.goto(`/cases?view=all&q=${filed.reference}`);
      const row = owner.locator("tr", { hasText: filed.reference });
      await expect(row).toContainText("Carrying out the plan");
      await expect(row).not.toContainText("Awaiting customer");
      await shots(owner, `flow-queue-carrying-out-${javaScriptEnabled ? "js" : "nojs"}`, owner.locator("main"));
      await owner.goto("/due");
      await expect(owner.locator("main").locator("li, tr", { hasText: filed.reference }).filter({ hasText: "Customer agreed with the resolution" }).first()).toBeVisible();

      // Keeping the last promise resolves the case.
      await owner.goto(`/cases/${filed.reference}`);
      await owner.getByTestId("promises").getByRole("button", { name: /Mark kept/ }).first().click();
      // Without JavaScript the notice says so. With it, the promise's form leaves the page as the row turns "Kept", taking
      // its toast along (the promise-kept confirmation is fixed on branch i13-screens); the status below is the outcome.
      if (!javaScriptEnabled) await expect(done(owner, "so the case is now resolved")).toBeAttached();
      else await expect(owner.getByTestId("promises")).toContainText("Kept");
      await owner.goto(`/cases/${filed.reference}`);
      await expect(owner.getByTestId("decision-status").locator("summary")).toContainText("Resolved");
      await customer.goto(new URL(filed.trackingUrl!).pathname);
      await expect(customer.locator("header").getByText("Resolved", { exact: true })).toBeVisible();
    });

    test("the customer disagrees: the work reopens and both sides are told", async ({ browser }) => {
      const filed = await fileComplaint((await browser.newContext()).request, { name: "Dana Disagrees" });
      const owner = await staffPage(browser, DEMO_ACCOUNTS.owner);
      await owner.goto(`/cases/${filed.reference}`);
      await open(owner.getByTestId("resolution-card"), "Propose a resolution");
      const plan = owner.getByTestId("resolution-card").getByRole("form", { name: "Propose a resolution" });
      await plan.getByLabel("Kind of resolution").selectOption("credit");
      await plan.getByLabel(/What we will do/).fill("A credit to your account for the price of the mug.");
      await plan.getByRole("button", { name: "Record the plan" }).click();
      await expect(done(owner, "recorded and proposed")).toBeAttached();

      const customer = await customerPage(browser, filed.trackingUrl!);
      const proposal = customer.getByRole("region", { name: /proposes to put it right/ });
      await proposal.getByLabel(/Tell us why/).fill("A credit is no use to me: I would like the mug replaced.");
      await proposal.getByRole("button", { name: "I don't agree" }).click();
      await expect(customer.getByText("We are looking at your complaint again")).toBeVisible();
      await expect(customer.locator("header").getByText("Looking into it")).toBeVisible();
      await expect(customer.locator("#timeline")).toContainText("You did not agree with the resolution");

      await owner.goto(`/cases?view=all&q=${filed.reference}`);
      await expect(owner.locator("tr", { hasText: filed.reference })).toContainText("Investigating");
      await owner.goto(`/cases/${filed.reference}`);
      await expect(checklistItem(owner, "Customer agreed")).toHaveAttribute("data-state", "warning");
      await expect(owner.locator("#timeline").getByRole("article", { name: /^Customer disagreed/ })).toContainText("I would like the mug replaced");
    });

    test("a supervisor changes, then rejects, the fault attribution; the reply check follows", async ({ browser }) => {
      const filed = await fileComplaint((await browser.newContext()).request, { name: "Dana Fault" });
      const supervisor = await staffPage(browser, DEMO_ACCOUNTS.supervisor);
      await supervisor.goto(`/cases/${filed.reference}`);
      await setRootCause(supervisor, "customer");
      await supervisor.goto(`/cases/${filed.reference}`);

      let fault = await section(supervisor, "decision-fault");
      let review = fault.getByRole("form", { name: "Change or reject the fault attribution" });
      await review.getByLabel(/^Change it/).check();
      await review.getByLabel(/New attribution/).selectOption("service");
      await review.getByLabel(/^Why/).fill("The courier's photos show the box was crushed in our warehouse.");
      await axe(supervisor, "the fault confirmation section");
      await review.getByRole("button", { name: "Record the decision" }).click();
      await expect(done(supervisor, "changed to Service (our fault) and confirmed")).toBeAttached();
      await supervisor.goto(`/cases/${filed.reference}`);
      fault = await section(supervisor, "decision-fault");
      await expect(fault.locator("summary")).toContainText("Confirmed");
      await expect(fault.getByTestId("fault-review")).toContainText("crushed in our warehouse");
      await shots(supervisor, `flow-fault-changed-${javaScriptEnabled ? "js" : "nojs"}`, fault);
      await expect(supervisor.locator("#timeline").getByRole("article", { name: /^Fault attribution changed/ })).toContainText("Customer → Service");

      // Confirmed as the service's: admitting it passes the check.
      const admission = "Dear Dana, it was our fault that the box was crushed. A new mug goes out on Monday.";
      await supervisor.goto(`/cases/${filed.reference}?compose=reply`);
      const panel = supervisor.locator("#composer").getByRole("tabpanel");
      await panel.getByLabel("Message", { exact: true }).fill(admission);
      await panel.getByRole("button", { name: "Send to customer" }).click();
      await expect(done(supervisor, "sent to the customer")).toBeAttached();

      // Rejected: cleared, and admitting fault is flagged again.
      await supervisor.goto(`/cases/${filed.reference}`);
      fault = await section(supervisor, "decision-fault");
      review = fault.getByRole("form", { name: "Change or reject the fault attribution" });
      await review.getByLabel(/^Reject it/).check();
      await review.getByLabel(/^Why/).fill("The warehouse says the courier signed for an intact box.");
      await review.getByRole("button", { name: "Record the decision" }).click();
      await expect(done(supervisor, "Fault attribution rejected")).toBeAttached();
      await supervisor.goto(`/cases/${filed.reference}`);
      fault = await section(supervisor, "decision-fault");
      await expect(fault.locator("summary")).toContainText("Rejected");
      await expect(fault.getByTestId("fault-review")).toContainText("signed for an intact box");
      await expect(supervisor.locator("#timeline").getByRole("article", { name: /^Fault attribution rejected/ })).toBeVisible();
      await supervisor.goto(`/cases/${filed.reference}?compose=reply`);
      await panel.getByLabel("Message", { exact: true }).fill(admission);
      await panel.getByRole("button", { name: "Send to customer" }).click();
      await expect(panel.getByRole("alert").first()).toContainText("may admit fault");
    });
  });
}
