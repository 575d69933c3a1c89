import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO_ACCOUNTS, signIn } from "./helpers/auth";
import { fileComplaint } from "./helpers/complaints";
import { screenshots } from "./helpers/screenshots";

/**
 * The customer's side of a case: answering a proposed resolution (agree, or disagree with a
 * reason), rating, getting a new link, and what staff then see. A proposal to answer is made by
 * the test itself (caseWithProposal). A resolved case to rate comes from the demo data; its private
 * link is unknown (only hashes are stored), so the test gets one the way a customer would: "lost
 * my link", then reads the email in the owner's outbox (no SMTP here).
 */

async function ownerPage(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, DEMO_ACCOUNTS.owner);
  return page;
}

/** References of demo cases in a status, as the owner's case list shows them. */
async function referencesIn(owner: Page, status: string): Promise<string[]> {
  await owner.goto(`/cases?status=${status}`);
  const hrefs = await owner.locator('a[href^="/cases/CR-"]').evaluateAll((links) => links.map((a) => a.getAttribute("href")!));
  return [...new Set(hrefs.map((h) => h.replace("/cases/", "")))];
}

const used = new Set<string>();

/**
 * Opens, as its customer, a demo case in `status` whose customer gave an email and for which
 * `ready` holds (e.g. the proposal is still unanswered): the link is reissued through "lost my
 * link", then read from the email in the owner's outbox.
 */
async function openAsCustomer(owner: Page, customer: Page, statuses: string[], ready: (customer: Page) => Promise<boolean>): Promise<string | null> {
  const references: string[] = [];
  for (const status of statuses) references.push(...(await referencesIn(owner, status)));
  for (const reference of references) {
    if (used.has(reference)) continue;
    used.add(reference);
    await owner.goto(`/cases/${reference}`);
    const mailto = owner.locator('a[href^="mailto:"]').first();
    if ((await mailto.count()) === 0) continue;
    const email = (await mailto.textContent())!.trim();

    await customer.goto("/track/lost");
    await customer.getByLabel("Your email address").fill(email);
    await customer.getByLabel("Complaint reference").fill(reference.toLowerCase());
    await customer.getByRole("button", { name: "Email me a new link" }).click();
    await expect(customer.getByText("If the details match a case, we've emailed a new link")).toBeVisible();

    await owner.goto("/settings/outbox?kind=tracking_link");
    await owner.getByRole("link", { name: `Your new link for complaint ${reference}` }).first().click();
    const path = /\/track\/[A-Za-z0-9_-]{43}/.exec((await owner.locator("pre").textContent()) ?? "")?.[0];
    expect(path, "the new link in the email").toBeTruthy();
    await customer.goto(path!);
    if (await ready(customer)) return reference;
  }
  return null;
}

/**
 * A case of the test's own with an unanswered proposal: filed through the API, then the owner
 * starts investigating and records a plan in the workspace (as workspace-resolution.spec.ts does).
 * Returns the case's reference and its customer's tracking path.
 */
async function caseWithProposal(owner: Page): Promise<{ reference: string; trackingPath: string }> {
  const filed = await fileComplaint(owner.request, { name: "Sam Proposal" });
  await owner.goto(`/cases/${filed.reference}`);
  await owner.getByTestId("decision-status").getByRole("button", { name: "Start investigating" }).click();
  await expect(owner.getByTestId("decision-status")).toContainText("Investigating");
  const plan = owner.getByTestId("resolution-card").getByRole("form", { name: "Propose a resolution" });
  await plan.getByLabel("Kind of resolution").selectOption("credit");
  await plan.getByLabel("What we will do").fill("We will credit your account with the price of the mug.");
  await plan.getByRole("button", { name: "Record the plan" }).click();
  await expect(owner.getByTestId("decision-status")).toContainText("Resolution proposed");
  return { reference: filed.reference, trackingPath: new URL(filed.trackingUrl!).pathname };
}

test("a customer agrees with the proposed resolution, without JavaScript", async ({ browser }) => {
  const owner = await ownerPage(browser);
  const customer = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await customer.goto((await caseWithProposal(owner)).trackingPath);

  const proposal = customer.getByRole("region", { name: /proposes to put it right/ });
  await expect(proposal).toBeVisible();
  await screenshots(customer, "comms-proposal");
  await proposal.getByRole("button", { name: "I agree with this proposal" }).click();
  await expect(customer.getByText("you agreed with the proposal, and we will go ahead")).toBeVisible();
  await expect(customer.getByText("You agreed with the resolution").first()).toBeVisible(); // timeline
  await expect(customer.getByRole("button", { name: "I agree with this proposal" })).toHaveCount(0);
});

test("a customer disagrees with a reason, and staff see the case back in investigation", async ({ browser }) => {
  const owner = await ownerPage(browser);
  const customer = await (await browser.newContext()).newPage();
  const { reference, trackingPath } = await caseWithProposal(owner);
  await customer.goto(trackingPath);

  const proposal = customer.getByRole("region", { name: /proposes to put it right/ });
  await proposal.getByRole("button", { name: "I don't agree" }).click();
  await expect(proposal.getByText("Please tell us why the proposal does not work for you")).toBeVisible();
  await screenshots(customer, "comms-disagree-error");
  await proposal.getByLabel(/Tell us why/).fill("A voucher is no use to me: I would like the part replaced.");
  await proposal.getByRole("button", { name: "I don't agree" }).click();
  await expect(customer.getByText("We are looking at your complaint again")).toBeVisible();
  await expect(customer.getByText("A voucher is no use to me").first()).toBeVisible();

  await owner.goto(`/cases/${reference}`);
  await expect(owner.getByText("Investigating").first()).toBeVisible();
  await expect(owner.getByText("A voucher is no use to me").first()).toBeVisible();
});

test("a customer rates a resolved complaint once", async ({ browser }) => {
  const owner = await ownerPage(browser);
  const customer = await (await browser.newContext()).newPage();
  const reference = await openAsCustomer(owner, customer, ["resolved", "follow_up_due"], (c) => c.getByRole("button", { name: "Send my rating" }).isVisible());
  expect(reference, "a resolved demo case without a rating").toBeTruthy();
  await screenshots(owner, "comms-outbox-message");

  const rating = customer.getByRole("region", { name: "How did we handle your complaint?" });
  await rating.getByRole("button", { name: "Send my rating" }).click();
  await expect(rating.getByText("Please choose a rating from 1 to 5")).toBeVisible();
  await rating.getByText("Good", { exact: true }).click();
  await rating.getByLabel("Anything you would like to add?").fill("Sorted in the end, thank you.");
  await screenshots(customer, "comms-rating");
  await rating.getByRole("button", { name: "Send my rating" }).click();
  await expect(customer.getByText("Thank you for rating how we handled your complaint.")).toBeVisible();
  await expect(customer.getByText("4 out of 5").first()).toBeVisible();
  await expect(customer.getByRole("button", { name: "Send my rating" })).toHaveCount(0);
});

test("the lost-link page answers the same whether or not a case matches", async ({ page }) => {
  await page.goto("/track/lost");
  await page.getByRole("button", { name: "Email me a new link" }).click();
  await expect(page.getByText("Please enter the email address you used")).toBeVisible();
  await expect(page.getByText("Please enter your complaint reference")).toBeVisible();
  await page.getByLabel("Your email address").fill("nobody@example.com");
  await page.getByLabel("Complaint reference").fill("CR-2345-6789");
  await page.getByRole("button", { name: "Email me a new link" }).click();
  await expect(page.getByText("If the details match a case, we've emailed a new link")).toBeVisible();
  await screenshots(page, "comms-lost-link");
});

test("staff see what is due, including a customer who wrote", async ({ browser, page }) => {
  const filed = await fileComplaint(page.request, { name: "Morgan Due" });
  await page.goto(new URL(filed.trackingUrl!).pathname);
  await page.getByLabel("Add a message").fill("Any news on the replacement mug?");
  await page.getByRole("button", { name: "Send message" }).click();
  await expect(page.getByText("Your message was added to your complaint.")).toBeVisible();

  const owner = await ownerPage(browser);
  await owner.goto("/cases");
  const nav = owner.getByRole("navigation", { name: "Workspace" });
  await expect(nav.getByRole("link", { name: /What's due \d+/ })).toBeVisible();
  await nav.getByRole("link", { name: /What's due/ }).click();
  await expect(owner.getByRole("heading", { name: "What's due", level: 1 })).toBeVisible();
  const waiting = owner.getByRole("region", { name: /Customers waiting for a reply/ });
  const row = waiting.getByRole("listitem").filter({ hasText: filed.reference });
  await expect(row).toContainText("Customer replied");
  await expect(row).toContainText("Unassigned");
  await screenshots(owner, "comms-due");
});

test("the owner rewords an email, with placeholders checked and a live preview", async ({ browser }) => {
  const owner = await ownerPage(browser);
  await owner.goto("/settings/email-templates");
  await owner.getByRole("link", { name: "Edit Reply from staff" }).click();
  const subject = owner.getByLabel("Subject");
  await subject.fill("News about {{refrence}}");
  await expect(owner.getByText("Unknown placeholder {{refrence}}").first()).toBeVisible();
  await subject.fill("News about {{reference}}");
  await expect(owner.frameLocator('iframe[title="Email preview"]').getByText("Thank you for your patience")).toBeVisible();
  await expect(owner.getByText("Subject: News about CR-7KQ4-M9TA")).toBeVisible();
  await screenshots(owner, "comms-template-editor");
  await owner.getByRole("button", { name: "Save wording" }).click();
  await expect(owner.getByText("Saved. New emails of this kind use your wording.")).toBeVisible();
  await owner.getByRole("button", { name: "Go back to the built-in wording" }).click();
  await expect(owner.getByText("This email uses the built-in wording again.")).toBeVisible();

  await owner.goto("/settings/outbox");
  await expect(owner.getByRole("heading", { name: "Outbox", level: 1 })).toBeVisible();
  await screenshots(owner, "comms-outbox");
});
