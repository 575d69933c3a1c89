import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import { accessibilityViolations } from "./helpers/accessibility";
import { open, section } from "./helpers/case-page";
import { DEMO_ACCOUNTS, signIn } from "./helpers/auth";
import { fileComplaint } from "./helpers/complaints";
import { screenshot } from "./helpers/screenshots";

/**
 * Issue 13, as people live it on the case page and the tracking page: every case action says
 * what happened (with and without JavaScript), closing before the follow-up needs a reason, a
 * customer adds files to a message, the tracking page's words (restatement once, a whole label),
 * the complaint form's "Email or phone (at least one)", the blame check on an apology, one
 * greeting in a reply email, and finding an imported complaint by its own id.
 */

test.describe.configure({ timeout: 240_000 });

/** Desktop and a 375 px phone, when SCREENSHOTS is set (e2e/helpers/screenshots.ts). */
async function bothWidths(page: Page, name: string) {
  const desktop = page.viewportSize();
  await screenshot(page, `${name}-desktop`);
  await page.setViewportSize({ width: 375, height: 812 });
  await screenshot(page, `${name}-375`);
  if (desktop) await page.setViewportSize(desktop);
}

/** What the page says after a case action: the toast with JavaScript, the banner of the fresh page without. */
const said = (page: Page, text: string | RegExp) => page.getByRole("status").filter({ hasText: text });

/** The day after the date input's minimum (today in the business's time zone). */
async function tomorrow(input: Locator): Promise<string> {
  const today = (await input.getAttribute("min"))!;
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

async function staffPage(browser: Browser, email: string, javaScriptEnabled: boolean): Promise<Page> {
  const page = await (await browser.newContext({ javaScriptEnabled, bypassCSP: true })).newPage();
  await signIn(page, email);
  return page;
}

/** axe-core runs as a script in the page, so only where JavaScript is on (the markup is the same without). */
async function expectAxeClean(page: Page) {
  expect(await accessibilityViolations(page)).toEqual([]);
}

/** Process, root cause and fault (the cause's default), so the case can be resolved and its fault confirmed. */
async function setRootCause(page: Page) {
  const rootCause = await section(page, "decision-root-cause");
  await rootCause.getByRole("combobox", { name: /^Process/ }).selectOption({ label: "Delivery" });
  await rootCause.getByRole("combobox", { name: /^Root cause/ }).selectOption({ label: "Damaged in transit" });
  await rootCause.getByRole("combobox", { name: /^Fault/ }).selectOption("service");
  await rootCause.getByRole("button", { name: "Save root cause" }).click();
  await expect(said(page, "Root cause saved.")).toBeVisible();
}

/** From investigating: a replacement plan, proposed, and the customer asked to agree. */
async function proposeAndAsk(page: Page) {
  const card = page.getByTestId("resolution-card");
  const plan = card.getByRole("form", { name: "Propose a resolution" });
  await plan.getByLabel("Kind of resolution").selectOption("replace");
  await plan.getByLabel("What we will do").fill("We will send you a new mug by courier, at no cost to you.");
  await plan.getByRole("button", { name: "Record the plan" }).click();
  await expect(said(page, "Resolution plan recorded")).toBeVisible();
  await card.getByRole("form", { name: "Ask the customer to agree" }).getByRole("button", { name: "Ask the customer to agree" }).click();
  await expect(said(page, "Sent to the customer.")).toBeVisible();
}

const PNG = Buffer.from("89504e470d0a1a0a0000000d49484452000000010000000108020000009077530000000c4944415478da63f8ffff3f0005fe02fea7d60a9b0000000049454e44ae426082", "hex");

for (const javaScriptEnabled of [true, false]) {
  const mode = javaScriptEnabled ? "with JavaScript" : "without JavaScript";

  test(`confirming a fault, keeping a promise and ending an escalation each say what happened (${mode})`, async ({ browser }) => {
    const agent = await staffPage(browser, DEMO_ACCOUNTS.agent, javaScriptEnabled);
    const { reference } = await fileComplaint(agent.request, { name: "Fola Fault" });
    await agent.goto(`/cases/${reference}`);
    await agent.getByTestId("decision-status").getByRole("button", { name: "Start investigating" }).click();
    await expect(said(agent, "Case is now investigating.")).toBeVisible();
    await setRootCause(agent);

    const escalation = await section(agent, "decision-escalation");
    await escalation.getByLabel(/Why escalate/).fill("The customer has written three times; a supervisor should decide the refund.");
    await escalation.getByRole("button", { name: "Escalate" }).click();
    await expect(said(agent, "Escalated to the supervisors.")).toBeVisible();

    const promises = agent.getByTestId("resolution-card").getByTestId("promises");
    const promiseForm = (await open(promises, "Make a promise")).getByRole("form", { name: "Make a promise" });
    await promiseForm.getByLabel("What we promised").fill("We will call you back about the refund");
    await promiseForm.getByLabel("By (date)").fill(await tomorrow(promiseForm.getByLabel("By (date)")));
    await promiseForm.getByRole("button", { name: "Record the promise" }).click();
    await expect(said(agent, "Promise recorded.")).toBeVisible();
    const promiseRow = agent.getByTestId("promises").locator("li", { hasText: "We will call you back about the refund" });
    await promiseRow.getByRole("button", { name: "Mark kept" }).click();
    // The "Mark kept" form leaves the page with the answer; the answer still shows.
    await expect(said(agent, "Promise marked kept.")).toBeVisible();
    await expect(agent.getByTestId("promises").locator("li", { hasText: "We will call you back about the refund" }).getByText("Kept", { exact: true })).toBeVisible();
    await expect(agent.getByTestId("promises").getByRole("button", { name: "Mark kept" })).toHaveCount(0);

    const supervisor = await staffPage(browser, DEMO_ACCOUNTS.supervisor, javaScriptEnabled);
    await supervisor.goto(`/cases/${reference}`);
    const fault = await section(supervisor, "decision-fault");
    await fault.getByRole("button", { name: /Confirm fault/ }).click();
    await expect(said(supervisor, "Fault confirmed.")).toBeVisible();
    await expect(supervisor.getByTestId("decision-fault")).toContainText("confirmed by Sam Supervisor");
    if (javaScriptEnabled) await bothWidths(supervisor, "case-fault-confirmed");

    const ending = await section(supervisor, "decision-escalation");
    await ending.getByRole("button", { name: "End escalation" }).click();
    await expect(said(supervisor, "Escalation ended.")).toBeVisible();
    await expect(supervisor.getByTestId("decision-escalation").getByRole("button", { name: "End escalation" })).toHaveCount(0);
    if (javaScriptEnabled) await expectAxeClean(supervisor);
  });

  test(`closing while the follow-up is "Not yet" warns, needs a reason, and the reason is on the timeline (${mode})`, async ({ browser }) => {
    const agent = await staffPage(browser, DEMO_ACCOUNTS.agent, javaScriptEnabled);
    const { reference } = await fileComplaint(agent.request, { name: "Cleo Close" });
    await agent.goto(`/cases/${reference}`);
    await agent.getByTestId("decision-status").getByRole("button", { name: "Start investigating" }).click();
    await expect(said(agent, "Case is now investigating.")).toBeVisible();

    await proposeAndAsk(agent);
    const card = agent.getByTestId("resolution-card");
    const answer = await open(card.getByTestId("customer-answer"), "Record their answer");
    await answer.getByLabel("Agree with the plan").check();
    await answer.getByRole("button", { name: "Record the answer" }).click();
    await expect(said(agent, "Recorded: the customer agreed.")).toBeVisible();
    await setRootCause(agent);
    await agent.getByTestId("decision-status").getByRole("button", { name: "Mark resolved" }).click();
    await expect(said(agent, "Case is now resolved.")).toBeVisible();

    // Resolved, the follow-up scheduled but not done: the close form warns.
    const status = await section(agent, "decision-status");
    await expect(agent.getByTestId("handling-list").locator("li", { hasText: "Followed up" })).toHaveAttribute("data-state", "todo");
    await expect(status.getByText("The follow-up has not been done yet")).toBeVisible();
    if (javaScriptEnabled) {
      await status.scrollIntoViewIfNeeded();
      await bothWidths(agent, "case-close-warning");
    }
    await status.getByRole("button", { name: "Close", exact: true }).click();
    const refused = agent.getByTestId("decision-status");
    await expect(refused.getByRole("alert")).toHaveText("The follow-up with the customer has not been done yet. Say why the case is being closed without it.");
    await expect(refused.getByText("Give the reason for closing without a follow-up (at least 3 characters).")).toBeVisible();
    await expect(refused.locator("summary")).toContainText("Resolved");
    if (javaScriptEnabled) await bothWidths(agent, "case-close-refused");

    await refused.getByLabel(/^Note/).fill("The customer asked us not to contact them again.");
    await refused.getByRole("button", { name: "Close", exact: true }).click();
    await expect(said(agent, "Case is now closed.")).toBeVisible();
    await expect(agent.getByTestId("decision-status").locator("summary")).toContainText("Closed");
    await expect(agent.locator("#timeline")).toContainText("The customer asked us not to contact them again.");
    if (javaScriptEnabled) await expectAxeClean(agent);
  });

  test(`a customer attaches files to a tracking-page message, checked like the complaint form's, and staff see them (${mode})`, async ({ browser }) => {
    const { reference, trackingUrl } = await fileComplaint((await browser.newContext()).request, { name: "Ade Attach" });
    const customer = await (await browser.newContext({ javaScriptEnabled, bypassCSP: true })).newPage();
    await customer.goto(new URL(trackingUrl!).pathname);
    const form = customer.locator("form", { has: customer.getByLabel(/^Add a message/) });
    const files = form.getByLabel(/^Photos or documents/);
    await expect(files).toHaveAttribute("type", "file");

    // A program dressed as a photo is refused beside the file field; the message is kept.
    await form.getByLabel(/^Add a message/).fill("Here is the receipt I forgot to attach.");
    await files.setInputFiles([{ name: "photo.jpg", mimeType: "image/jpeg", buffer: Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03]) }]);
    await form.getByRole("button", { name: "Send message" }).click();
    await expect(customer.getByText("photo.jpg is not a photo or PDF")).toBeVisible();
    await expect(customer.getByLabel(/^Add a message/)).toHaveValue("Here is the receipt I forgot to attach.");
    if (javaScriptEnabled) await bothWidths(customer, "tracking-message-file-refused");

    await customer.getByLabel(/^Photos or documents/).setInputFiles([{ name: "receipt.png", mimeType: "image/png", buffer: PNG }]);
    await customer.getByRole("button", { name: "Send message" }).click();
    await expect(customer.getByText("Your message was added to your complaint.")).toBeVisible();
    await expect(customer.getByText("You attached receipt.png")).toBeVisible();
    if (javaScriptEnabled) await bothWidths(customer, "tracking-message-file-sent");
    if (javaScriptEnabled) await expectAxeClean(customer);

    const agent = await staffPage(browser, DEMO_ACCOUNTS.agent, javaScriptEnabled);
    await agent.goto(`/cases/${reference}`);
    const file = agent.getByRole("link", { name: /receipt\.png/ }).first();
    await expect(file).toBeVisible();
    const download = await agent.request.get((await file.getAttribute("href"))!);
    expect(download.status()).toBe(200);
    expect(Buffer.compare(await download.body(), PNG)).toBe(0);
    await expect(agent.locator("#timeline")).toContainText("Here is the receipt I forgot to attach.");
  });
}

test("the tracking page shows the restatement once and the whole disagreement label", async ({ browser }) => {
  const agent = await staffPage(browser, DEMO_ACCOUNTS.agent, true);
  const { reference, trackingUrl } = await fileComplaint(agent.request, { name: "Rae Restated" });
  await agent.goto(`/cases/${reference}`);
  const composer = agent.locator("#composer");
  const panel = composer.getByRole("tabpanel");
  await composer.getByRole("tab", { name: /Restate the complaint/ }).click();
  await panel.getByLabel("Issue 1.").fill("The parcel arrived two weeks late");
  await panel.getByLabel("Issue 2.").fill("The mug inside was broken");
  await panel.getByRole("button", { name: "Send to customer" }).click();
  await expect(said(agent, "Restatement sent.")).toBeVisible();
  await agent.getByTestId("decision-status").getByRole("button", { name: "Start investigating" }).click();
  await expect(said(agent, "Case is now investigating.")).toBeVisible();
  await proposeAndAsk(agent);

  const customer = await (await browser.newContext({ bypassCSP: true })).newPage();
  await customer.goto(new URL(trackingUrl!).pathname);
  const timeline = customer.locator("#timeline");
  await expect(timeline.getByText("summed up your complaint")).toHaveCount(1);
  // Once in the timeline (the numbered list of the restatement's text), not again as a bullet list.
  await expect(timeline.getByText("The mug inside was broken")).toHaveCount(1);
  await expect(timeline.getByText("The parcel arrived two weeks late")).toHaveCount(1);

  const label = customer.locator("label[for=disagree-reason]");
  await expect(label).toBeVisible();
  await expect(label).toHaveText("Doesn't work for you? Tell us why, and what would work instead *");
  await expect(customer.getByLabel("Doesn't work for you? Tell us why, and what would work instead")).toBeVisible();
  // Not cut off on a phone either: the label's text fits in its box.
  await customer.setViewportSize({ width: 375, height: 812 });
  expect(await label.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  await customer.setViewportSize({ width: 1280, height: 720 });
  await expectAxeClean(customer);
  await bothWidths(customer, "tracking-restatement-and-proposal");
});

test('the complaint form asks for "Email or phone (at least one)", not two optional fields', async ({ page }) => {
  await page.goto("/complain");
  const contact = page.getByRole("group", { name: "Email or phone (at least one)" });
  await expect(contact).toBeVisible();
  await expect(contact.getByRole("textbox", { name: "Email", exact: true })).toBeVisible();
  await expect(contact.getByRole("textbox", { name: "Phone", exact: true })).toBeVisible();
  await expect(page.locator("label[for=email]")).toHaveText("Email");
  await expect(page.locator("label[for=phone]")).toHaveText("Phone");
  const context = await page.context().browser()!.newContext({ bypassCSP: true });
  const checked = await context.newPage();
  await checked.goto("/complain");
  await expectAxeClean(checked);
  await bothWidths(checked, "complaint-form-contact");
  await context.close();
});

test("the blame check flags an apology that blames the customer, with a suggestion, and it does not count as apologised", async ({ page }) => {
  const { reference } = await fileComplaint(page.request, { name: "Bea Blamed" });
  await signIn(page, DEMO_ACCOUNTS.agent);
  await page.goto(`/cases/${reference}`);
  const composer = page.locator("#composer");
  const panel = composer.getByRole("tabpanel");
  await panel.getByLabel("Apology").check();
  await panel.getByLabel("Message", { exact: true }).fill("Sorry you feel that way, but you should have read the terms.");
  await panel.getByRole("button", { name: "Send to customer" }).click();
  const review = panel.getByRole("group", { name: "Check the wording before it goes to the customer" });
  await expect(review).toContainText("Blames the customer");
  await expect(review.locator("li mark", { hasText: /you should have read/i })).toBeVisible();
  await expect(review.getByText(/Try instead:/).first()).toBeVisible();
  await expect(review.getByRole("button", { name: "Use this wording" }).first()).toBeVisible();
  await screenshot(composer, "blame-check-customer-composer");

  // Sent anyway, with a reason: still not "Apologised ✓".
  await review.getByLabel(/Send anyway/).check();
  await review.getByLabel(/Why this wording should be sent/).fill("The customer asked for the terms to be quoted.");
  await panel.getByRole("button", { name: "Send to customer" }).click();
  await expect(said(page, /sent/i)).toBeVisible();
  const apologised = page.getByTestId("handling-list").locator("li", { hasText: "Apologised" });
  await expect(apologised).not.toHaveAttribute("data-state", "done");
  await expect(apologised).toContainText("flagged by the blame check");
});

test("a reply email whose staff text opens with a greeting has one greeting", async ({ browser }) => {
  const agent = await staffPage(browser, DEMO_ACCOUNTS.agent, true);
  const { reference } = await fileComplaint(agent.request, { name: "Greta Greeting" });
  await agent.goto(`/cases/${reference}`);
  const panel = agent.locator("#composer").getByRole("tabpanel");
  await panel.getByLabel("Message", { exact: true }).fill("Dear Greta,\n\nThank you for your patience. Your new mug goes out on Monday.");
  await panel.getByRole("button", { name: "Send to customer" }).click();
  await expect(said(agent, /sent to the customer/i)).toBeVisible();

  const owner = await staffPage(browser, DEMO_ACCOUNTS.owner, true);
  await owner.goto("/settings/outbox?kind=staff_reply");
  await owner.getByRole("link", { name: `A reply about your complaint ${reference}` }).first().click();
  const body = (await owner.locator("pre").first().textContent()) ?? "";
  expect(body).toMatch(/^Dear Greta Greeting,\n\nThank you for your patience\. Your new mug goes out on Monday\./);
  expect(body.match(/\bDear\b/g)).toHaveLength(1);
});

test("searching the queue for an imported complaint's own id finds it, and the case shows the id", async ({ page }) => {
  const ticket = `ZX${Date.now()}`;
  await signIn(page, DEMO_ACCOUNTS.owner);
  await page.goto("/settings/import");
  await page.getByLabel("Source name").fill("helpdesk");
  await page.getByLabel("CSV file").setInputFiles({
    name: "helpdesk.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(`Ticket ID,Created,Category,Description\n${ticket},2024-03-01,Delivery,The parcel came two weeks late and the box was crushed.\n`),
  });
  await expect(page.getByText("No problems found in any row.")).toBeVisible();
  await page.getByRole("button", { name: /^Import 1 rows?$/ }).click();
  await expect(page.getByRole("status").filter({ hasText: "Imported 1 complaint" })).toBeVisible({ timeout: 30_000 });

  await page.goto("/cases");
  const search = page.getByRole("search").getByRole("searchbox", { name: /^Search/ });
  await search.fill(ticket);
  await search.press("Enter");
  await expect(page).toHaveURL(new RegExp(`q=${ticket}`));
  const rows = page.getByRole("table").getByRole("row");
  await expect(rows).toHaveCount(2);
  await rows.nth(1).getByRole("link").first().click();
  await expect(page).toHaveURL(/\/cases\/[A-Z0-9-]+/i);
  await expect(page.getByText(`helpdesk:${ticket}`)).toBeVisible();
});
