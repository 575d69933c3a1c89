import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, signIn } from "./helpers/auth";
import { fileComplaint } from "./helpers/complaints";
import { open, section } from "./helpers/case-page";
import { screenshot } from "./helpers/screenshots";

/**
 * Every form of the portal, posted by a browser with JavaScript turned off: once refused (empty or
 * invalid) and once accepted. After each post the page must show the answer (the error beside the
 * form, or the success), and the server must still answer /api/health within 2 s: one such post
 * once sent React's server renderer into an endless loop that stopped the whole process
 * (app/(public)/track/[token]/actions.ts says why).
 */

test.use({ javaScriptEnabled: false });
// Many posts per test, each answered by a full server render: more than the default minute.
test.describe.configure({ timeout: 240_000 });

/** The server still answers other requests, promptly. */
async function expectServing(page: Page) {
  const response = await page.request.get("/api/health", { timeout: 2_000 });
  expect(response.status(), "GET /api/health after the post").toBe(200);
}

/** Presses `button` (a plain form post: no script runs) and expects `shows` on the page that comes back. */
async function post(button: Locator, shows: Locator) {
  await button.click();
  // A case page's decision sections are <details>: the page that comes back may show the answer in
  // a closed one (with JavaScript the form opens it), which the person opens to read it.
  await shows.first().waitFor({ state: "attached" });
  const closed = shows.first().locator("xpath=ancestor::details[not(@open)]");
  for (let i = (await closed.count()) - 1; i >= 0; i--) await closed.nth(i).locator("summary").first().click();
  await expect(shows.first()).toBeVisible();
  await expectServing(button.page());
}

/** Passes the browser's own check of a required field (no script to skip it), not the server's. */
const BLANK = "   ";

// Hidden ones too: an answer inside a closed section is there, for the person to open (post() does).
const status = (page: Page, text: string | RegExp) => page.getByRole("status", { includeHidden: true }).filter({ hasText: text });
const alert = (scope: Page | Locator, text: string | RegExp) => scope.getByRole("alert", { includeHidden: true }).filter({ hasText: text });

async function staffPage(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await signIn(page, email);
  return page;
}

async function customerPage(browser: Browser, trackingUrl: string): Promise<Page> {
  const page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await page.goto(new URL(trackingUrl).pathname);
  return page;
}

test.describe("public forms without JavaScript", () => {
  test("the complaint form and the lost-link form", async ({ page }) => {
    await page.goto("/complain");
    await page.getByLabel("Your name").fill("Alex Nojs");
    await page.getByRole("textbox", { name: "Email" }).fill(`alex.nojs.${Date.now()}@example.com`);
    await page.getByLabel("What is it about?").selectOption("not_sure");
    await page.getByLabel("What went wrong?").fill("short");
    await post(page.getByRole("button", { name: "Send complaint" }), page.locator("#description-error").filter({ hasText: "at least 20 characters" }));
    await page.getByLabel("What went wrong?").fill("The installer scratched the kitchen floor and did not mention it.");
    await post(page.getByRole("button", { name: "Send complaint" }), page.getByRole("heading", { name: "Thank you: we have your complaint" }));

    await page.goto("/track/lost");
    await post(page.getByRole("button", { name: "Email me a new link" }), page.getByText("Please enter the email address you used"));
    await page.getByLabel("Your email address").fill("nobody@example.com");
    await page.getByLabel("Complaint reference").fill("CR-2345-6789");
    await post(page.getByRole("button", { name: "Email me a new link" }), page.getByText("If the details match a case, we've emailed a new link"));
  });

  test("a forged answer in the address shows nothing", async ({ page }) => {
    // The answer banner reads a signed notice from the address; one a stranger writes is ignored.
    const message = "Your case is closed. Call 555-0100 to reopen it.";
    const forged = `done.${Date.now().toString(36)}.${Buffer.from(message).toString("base64url")}.${"A".repeat(43)}`;
    await page.goto(`/complain?notice=${forged}`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByText(message)).toHaveCount(0);
  });

  test("a message on the tracking page", async ({ page }) => {
    const filed = await fileComplaint(page.request, { name: "Robin Nojs" });
    await page.goto(new URL(filed.trackingUrl!).pathname);
    await post(page.getByRole("button", { name: "Send message" }), page.getByText("Please write your message"));
    await screenshot(page, "no-javascript-tracking-message-refused");
    await page.getByLabel("Add a message").fill("The engineer can come any morning next week except Tuesday.");
    await post(page.getByRole("button", { name: "Send message" }), page.getByText("Your message was added to your complaint."));
    await expect(page.locator("#timeline")).toContainText("any morning next week except Tuesday");
  });
});

test.describe.serial("staff forms and the customer's answers without JavaScript", () => {
  let reference = "";
  let trackingUrl = "";

  test("signing in", async ({ page }) => {
    await page.goto("/signin");
    await page.getByLabel("Email").fill(DEMO_ACCOUNTS.agent);
    await page.getByLabel("Password").fill("not-the-password");
    await post(page.getByRole("button", { name: "Sign in" }), page.getByText("Email or password is incorrect"));
    await page.getByLabel("Email").fill(DEMO_ACCOUNTS.agent);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await post(page.getByRole("button", { name: "Sign in" }), page.getByRole("heading", { name: "Cases", level: 1 }));
  });

  test("the conversation: reply, apology, note, call, call summary, restatement", async ({ browser }) => {
    const filed = await fileComplaint((await browser.newContext()).request, { name: "Dana Nojs" });
    reference = filed.reference;
    trackingUrl = filed.trackingUrl!;
    const page = await staffPage(browser, DEMO_ACCOUNTS.agent);
    const composer = page.locator("#composer");
    const panel = composer.getByRole("tabpanel");

    await page.goto(`/cases/${reference}`);
    await screenshot(page, "no-javascript-staff-case-page");
    await panel.getByLabel("Message", { exact: true }).fill(BLANK);
    await post(panel.getByRole("button", { name: "Send to customer" }), alert(panel, /./));
    await panel.getByLabel("Message", { exact: true }).fill("Dear Dana, thank you for writing. We are looking into the crushed parcel now.");
    await post(panel.getByRole("button", { name: "Send to customer" }), status(page, "sent to the customer"));

    await page.goto(`/cases/${reference}?compose=reply`);
    await panel.getByLabel("Apology").check();
    await panel.getByLabel("Message", { exact: true }).fill("Dear Dana, we are very sorry. It was our fault that the box was crushed.");
    await post(panel.getByRole("button", { name: "Send to customer" }), alert(panel, "may admit fault"));
    await post(panel.getByRole("button", { name: "Use this wording" }), panel.getByText("Suggested wording used"));
    await post(panel.getByRole("button", { name: "Send to customer" }), status(page, "Apology sent to the customer."));

    await page.goto(`/cases/${reference}?compose=note`);
    await panel.getByLabel("Note", { exact: true }).fill(BLANK);
    await post(panel.getByRole("button", { name: "Add internal note" }), alert(panel, /./));
    await panel.getByLabel("Note", { exact: true }).fill("Written with scripts turned off.");
    await post(panel.getByRole("button", { name: "Add internal note" }), status(page, "Internal note added."));
    await expect(page.locator("#timeline")).toContainText("Written with scripts turned off.");

    await page.goto(`/cases/${reference}?compose=call`);
    await panel.getByLabel("The customer called us").check();
    await panel.getByLabel("Length of the call (minutes)").fill("12");
    await panel.getByLabel("What was said").fill(BLANK);
    await post(panel.getByRole("button", { name: "Log the call" }), alert(panel, /./));
    await panel.getByLabel("What was said").fill("The replacement mug is in stock.\nWe will post it on Monday.");
    await post(panel.getByRole("button", { name: "Log the call" }), panel.getByLabel("Summary for the customer"));

    const summary = panel.getByLabel("Summary for the customer");
    await summary.fill(BLANK);
    await post(panel.getByRole("button", { name: "Send to customer" }), alert(panel, /./));
    await summary.fill("Dear Dana,\n\nAs agreed on the phone: the replacement mug goes out on Monday.");
    await post(panel.getByRole("button", { name: "Send to customer" }), status(page, "Call summary sent to the customer."));

    await page.goto(`/cases/${reference}?compose=restate`);
    await post(panel.getByRole("button", { name: "Send to customer" }), alert(panel, /./));
    await panel.getByLabel("Issue 1.").fill("The parcel arrived two weeks late");
    await post(panel.getByRole("button", { name: "Send to customer" }), status(page, "Restatement sent."));
  });

  test("the customer corrects and confirms a restatement", async ({ browser }) => {
    const customer = await customerPage(browser, trackingUrl);
    const restatement = customer.getByRole("region", { name: "Did we understand you correctly?" });
    await post(restatement.getByRole("button", { name: "Send my correction" }), restatement.getByText("Please tell us what we got wrong"));
    await screenshot(customer, "no-javascript-tracking-correction-refused");
    await restatement.getByLabel(/Tell us in your own words/).fill("It was three weeks late, not two.");
    await post(restatement.getByRole("button", { name: "Send my correction" }), customer.getByText("your correction was sent"));

    // Restated again: this time the customer confirms.
    const staff = await staffPage(browser, DEMO_ACCOUNTS.agent);
    await staff.goto(`/cases/${reference}?compose=restate`);
    const panel = staff.locator("#composer").getByRole("tabpanel");
    await panel.getByLabel("Issue 1.").fill("The parcel arrived three weeks late");
    await post(panel.getByRole("button", { name: "Send to customer" }), status(staff, "Restatement sent."));
    await customer.reload();
    await post(restatement.getByRole("button", { name: "Yes, that is right" }), customer.getByText("Thank you for confirming our summary."));
  });

  // Deciding changes the case page's shape (a claimed case shows other forms), so without
  // JavaScript a success or a stale tab's conflict comes back as a fresh page with a banner
  // (lib/forms/run-form-action.ts); a refusal comes back inside its form. The tests below build
  // on this one.
  test("deciding: claim, assign, assess, status, judge, root cause, escalate, debrief", async ({ browser }) => {
    const page = await staffPage(browser, DEMO_ACCOUNTS.agent);
    await page.goto(`/cases/${reference}`);

    // Claim; then a stale tab's claim is refused.
    const stale = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
    await signIn(stale, "priya@example.com");
    await stale.goto(`/cases/${reference}`);
    await post(page.getByRole("button", { name: "Claim this case" }), page.getByTestId("decision-assign").locator("summary").filter({ hasText: "You" }));
    await post(stale.getByRole("button", { name: "Claim this case" }), alert(stale, "Someone else updated this case"));

    // Forms whose fields are choices only are refused from the other tab once this one has moved
    // the case on (its refusal brings that tab up to date, so this tab changes something first).
    const assign = (await section(page, "decision-assign")).getByRole("form", { name: "Assign to a colleague" });
    await assign.getByLabel("Assign to").selectOption({ index: 1 });
    await post(assign.getByRole("button", { name: "Assign" }), status(page, /./));
    const staleAssign = (await section(stale, "decision-assign")).getByRole("form", { name: "Assign to a colleague" });
    await staleAssign.getByLabel("Assign to").selectOption({ index: 1 });
    await post(staleAssign.getByRole("button", { name: "Assign" }), alert(stale, "Someone else updated this case"));
    // Back to this agent, for the forms that follow.
    await post((await section(page, "decision-assign")).getByRole("button", { name: /Take over from/ }), status(page, /./));

    const assessment = await section(page, "decision-assessment");
    await assessment.getByRole("combobox", { name: /^Severity/ }).selectOption("high");
    await post(assessment.getByRole("button", { name: "Save assessment" }), status(page, "Assessed as high severity."));
    const staleAssessment = await section(stale, "decision-assessment");
    await staleAssessment.getByRole("combobox", { name: /^Severity/ }).selectOption("low");
    await post(staleAssessment.getByRole("button", { name: /Save assessment|Change severity/ }), alert(stale, "Someone else updated this case"));

    const statusSection = page.getByTestId("decision-status");
    await post(statusSection.getByRole("button", { name: "Start investigating" }), statusSection.locator("summary").filter({ hasText: "Investigating" }));
    await post(statusSection.getByRole("button", { name: "Mark resolved" }), alert(statusSection, "Set the root cause, process and fault attribution before resolving."));

    const judge = await section(page, "decision-judge");
    await judge.getByLabel("Partly reasonable").check();
    await judge.getByRole("textbox", { name: /^Reason/ }).fill(BLANK);
    await post(judge.getByRole("button", { name: "Record judgement" }), alert(judge, /./));
    await (await section(page, "decision-judge")).getByLabel("Partly reasonable").check();
    await (await section(page, "decision-judge")).getByRole("textbox", { name: /^Reason/ }).fill("A replacement is fair; the delay deserves an apology.");
    await post((await section(page, "decision-judge")).getByRole("button", { name: "Record judgement" }), status(page, "Judgement recorded."));

    const rc = await section(page, "decision-root-cause");
    await rc.getByRole("combobox", { name: /^Process/ }).selectOption({ label: "Delivery" });
    await rc.getByRole("combobox", { name: /^Root cause/ }).selectOption({ label: "Damaged in transit" });
    await rc.getByRole("combobox", { name: /^Fault/ }).selectOption("service");
    await post(rc.getByRole("button", { name: "Save root cause" }), status(page, "Root cause saved."));
    const staleRootCause = await section(stale, "decision-root-cause");
    await staleRootCause.getByRole("combobox", { name: /^Process/ }).selectOption({ label: "Delivery" });
    await staleRootCause.getByRole("combobox", { name: /^Root cause/ }).selectOption({ label: "Damaged in transit" });
    await staleRootCause.getByRole("combobox", { name: /^Fault/ }).selectOption("service");
    await post(staleRootCause.getByRole("button", { name: "Save root cause" }), alert(stale, "Someone else updated this case"));

    const escalation = await section(page, "decision-escalation");
    const escalate = escalation.getByRole("form", { name: "Escalate" });
    await escalate.getByLabel(/Why escalate/).fill(BLANK);
    await post(escalate.getByRole("button"), alert(escalate, /./));
    const escalate2 = (await section(page, "decision-escalation")).getByRole("form", { name: "Escalate" });
    await escalate2.getByLabel(/Why escalate/).fill("The customer asks for a manager about the delay.");
    await post(escalate2.getByRole("button"), status(page, /./));

    const debriefs = await section(page, "decision-debriefs");
    await debriefs.getByRole("textbox", { name: /^How did it go/ }).fill(BLANK);
    await post(debriefs.getByRole("button", { name: "Save debrief" }), alert(debriefs, /./));
    await (await section(page, "decision-debriefs")).getByRole("textbox", { name: /^How did it go/ }).fill("A calm call in the end.");
    await post((await section(page, "decision-debriefs")).getByRole("button", { name: "Save debrief" }), page.getByTestId("decision-debriefs").getByText("A calm call in the end."));
  });

  test("the resolution: plan, promise, asking the customer, who disagrees and then agrees", async ({ browser }) => {
    const page = await staffPage(browser, DEMO_ACCOUNTS.supervisor);
    await page.goto(`/cases/${reference}`);
    const card = page.getByTestId("resolution-card");

    const plan = card.getByRole("form", { name: "Propose a resolution" });
    await plan.getByLabel("Kind of resolution").selectOption("replace");
    await plan.getByLabel(/What we will do/).fill(BLANK);
    await post(plan.getByRole("button", { name: "Record the plan" }), alert(plan, /./));
    await plan.getByLabel(/What we will do/).fill("We will send you a new mug by courier, at no cost to you.");
    await post(plan.getByRole("button", { name: "Record the plan" }), status(page, "Resolution plan recorded"));

    const promises = card.getByTestId("promises");
    await open(promises, "Make a promise");
    const promise = promises.getByRole("form", { name: "Make a promise" });
    const min = (await promise.getByLabel("By (date)").getAttribute("min"))!;
    const due = new Date(`${min}T12:00:00Z`);
    due.setUTCDate(due.getUTCDate() + 2);
    await promise.getByLabel("What we promised").fill(BLANK);
    await promise.getByLabel("By (date)").fill(due.toISOString().slice(0, 10));
    await post(promise.getByRole("button", { name: "Record the promise" }), alert(promise, /./));
    await open(card.getByTestId("promises"), "Make a promise");
    const promise2 = card.getByTestId("promises").getByRole("form", { name: "Make a promise" });
    await promise2.getByLabel("What we promised").fill("We will post the new mug by Friday");
    await promise2.getByLabel("By (date)").fill(due.toISOString().slice(0, 10));
    await post(promise2.getByRole("button", { name: "Record the promise" }), card.getByTestId("promises").locator("li", { hasText: "We will post the new mug by Friday" }));

    const customer = await customerPage(browser, trackingUrl);
    const ask = card.getByRole("form", { name: "Ask the customer to agree" });
    await post(ask.getByRole("button", { name: "Ask the customer to agree" }), page.getByTestId("decision-status").locator("summary").filter({ hasText: "Awaiting customer" }));

    await customer.reload();
    const proposal = customer.getByRole("region", { name: /proposes to put it right/ });
    await post(proposal.getByRole("button", { name: "I don't agree" }), proposal.getByText("Please tell us why the proposal does not work for you"));
    await screenshot(customer, "no-javascript-tracking-disagree-refused");
    await proposal.getByLabel(/Tell us why/).fill("A voucher is no use to me: I would like the part replaced.");
    await post(proposal.getByRole("button", { name: "I don't agree" }), customer.getByText("We are looking at your complaint again"));

    // Revised and asked again: the customer agrees.
    await page.reload();
    await open(page.getByTestId("resolution-card"), "Revise the plan");
    const revise = page.getByTestId("resolution-card").getByRole("form", { name: "Revise the resolution plan" });
    await revise.getByLabel(/What we will do/).fill("We will replace the part and send you a new mug by courier.");
    await post(revise.getByRole("button", { name: "Save the revised plan" }), status(page, "Resolution plan recorded"));
    await post(
      page.getByTestId("resolution-card").getByRole("form", { name: "Ask the customer to agree" }).getByRole("button", { name: "Ask the customer to agree" }),
      page.getByTestId("decision-status").locator("summary").filter({ hasText: "Awaiting customer" }),
    );
    await customer.reload();
    await post(proposal.getByRole("button", { name: "I agree with this proposal" }), customer.getByText("you agreed with the proposal, and we will go ahead"));
  });

  test("resolving, the follow-up, confirming the fault, and the customer's rating", async ({ browser }) => {
    const page = await staffPage(browser, DEMO_ACCOUNTS.supervisor);
    await page.goto(`/cases/${reference}`);

    const fault = await section(page, "decision-fault");
    const stale = await staffPage(browser, DEMO_ACCOUNTS.supervisor);
    await stale.goto(`/cases/${reference}`);
    await post(fault.getByRole("button", { name: /Confirm fault/ }), page.getByTestId("decision-fault").getByText(/confirmed by/));
    const staleFault = await section(stale, "decision-fault");
    await post(staleFault.getByRole("button", { name: /Confirm fault/ }), alert(stale, /./));

    const statusSection = page.getByTestId("decision-status");
    await post(statusSection.getByRole("button", { name: "Mark resolved" }), status(page, "Case is now resolved."));

    const card = page.getByTestId("resolution-card");
    const followUp = card.getByTestId("follow-up");
    await open(followUp, "Record the follow-up");
    await followUp.getByLabel("How it went").fill(BLANK);
    await post(followUp.getByRole("button", { name: "Record the follow-up" }), alert(followUp, /./));
    await open(card.getByTestId("follow-up"), "Record the follow-up");
    await card.getByTestId("follow-up").getByLabel("How it went").fill("Called: the new mug arrived and the customer is happy.");
    await post(card.getByTestId("follow-up").getByRole("button", { name: "Record the follow-up" }), card.getByTestId("follow-up").getByText("Done", { exact: true }));

    const customer = await customerPage(browser, trackingUrl);
    const rating = customer.getByRole("region", { name: "How did we handle your complaint?" });
    await post(rating.getByRole("button", { name: "Send my rating" }), rating.getByText("Please choose a rating from 1 to 5"));
    await rating.getByText("Good", { exact: true }).click();
    await post(rating.getByRole("button", { name: "Send my rating" }), customer.getByText("Thank you for rating how we handled your complaint."));
  });
});

test.describe("settings forms without JavaScript", () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, DEMO_ACCOUNTS.owner);
  });

  test("business details and response targets", async ({ page }) => {
    await page.goto("/settings/business");
    const name = await page.getByLabel("Business name").inputValue();
    await page.getByLabel("Business name").fill(" ");
    await post(page.getByRole("button", { name: "Save business settings" }), page.getByText("Enter the business name"));
    await screenshot(page, "no-javascript-settings-business-refused");
    await page.getByLabel("Business name").fill(name);
    await post(page.getByRole("button", { name: "Save business settings" }), status(page, "Business settings saved."));

    await page.getByLabel("High severity: first response within (hours)").fill("0");
    await post(page.getByRole("button", { name: "Save response targets" }), page.getByText("The first response time must be at least 1"));
    await page.getByLabel("High severity: first response within (hours)").fill("6");
    await post(page.getByRole("button", { name: "Save response targets" }), status(page, "Response targets saved."));
  });

  test("processes and root causes", async ({ page }) => {
    const suffix = Date.now().toString(36);
    for (const [path, title, button, noun] of [
      ["/settings/processes", "Add a process", "Add process", "Returns desk"],
      ["/settings/root-causes", "Add a root cause", "Add root cause", "Label printed twice"],
    ] as const) {
      await page.goto(path);
      const add = page.locator("section").filter({ has: page.getByRole("heading", { name: title, level: 2 }) });
      await post(add.getByRole("button", { name: button }), add.locator("[aria-invalid=true]").first());
      await add.getByLabel("Name").fill(`${noun} ${suffix}`);
      await post(add.getByRole("button", { name: button }), status(page, `“${noun} ${suffix}” added.`));
    }
  });

  test("staff accounts", async ({ page }) => {
    await page.goto("/settings/staff");
    await page.locator("#new-name").fill("Nia Nojs");
    await page.locator("#new-email").fill("not-an-email");
    await page.locator("#new-password").fill("a-long-enough-password-1");
    await post(page.getByRole("button", { name: "Create account" }), page.locator("#new-email[aria-invalid=true]"));
    await page.locator("#new-email").fill(`nia.${Date.now()}@example.com`);
    await page.locator("#new-password").fill("a-long-enough-password-1");
    await post(page.getByRole("button", { name: "Create account" }), page.getByText("Account created for Nia Nojs."));

    const row = page.getByRole("row").filter({ hasText: "Nia Nojs" });
    await row.getByRole("combobox").selectOption("supervisor");
    await post(row.getByRole("button", { name: "Save role" }), row.getByText("Role updated."));
    await post(row.getByRole("button", { name: "Deactivate" }), page.getByRole("row").filter({ hasText: "Nia Nojs" }).getByText("Account deactivated. It can no longer sign in."));
  });

  test("privacy, analytics thresholds and email wording", async ({ page }) => {
    await page.goto("/settings/privacy");
    await page.getByLabel("Anonymise closed cases after (months)").fill("-3");
    await post(page.getByRole("button", { name: "Save retention period" }), alert(page, /./).or(page.locator("[aria-invalid=true]")).first());
    await page.getByLabel("Anonymise closed cases after (months)").fill("36");
    await post(page.getByRole("button", { name: "Save retention period" }), page.getByText("Saved. Closed cases are anonymised 36 months"));

    await page.goto("/settings/analytics");
    const first = page.locator("input[id^=threshold-]").first();
    const kept = await first.inputValue();
    await first.fill("-1");
    await post(page.getByRole("button", { name: "Save thresholds" }), page.locator("[aria-invalid=true]").first());
    await page.locator("input[id^=threshold-]").first().fill(kept);
    await post(page.getByRole("button", { name: "Save thresholds" }), page.getByText("Thresholds saved. Verdicts use them from now on."));

    await page.goto("/settings/email-templates");
    await page.getByRole("link", { name: "Edit Reply from staff" }).click();
    await page.getByLabel("Subject").fill("News about {{refrence}}");
    await post(page.getByRole("button", { name: "Save wording" }), page.getByText("Unknown placeholder {{refrence}}").first());
    await page.getByLabel("Subject").fill("News about {{reference}}");
    await post(page.getByRole("button", { name: "Save wording" }), page.getByText("Saved. New emails of this kind use your wording."));
    await post(page.getByRole("button", { name: "Go back to the built-in wording" }), page.getByText("This email uses the built-in wording again."));
  });
});
