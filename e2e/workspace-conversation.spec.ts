import { expect, test, type Page } from "@playwright/test";
import { DEMO_ACCOUNTS, signIn } from "./helpers/auth";
import { fileComplaint } from "./helpers/complaints";
import { screenshot, screenshots } from "./helpers/screenshots";

const toast = (page: Page, text: string) => page.getByRole("status").filter({ hasText: text });

const INTERNAL_CALL_DETAIL = "Customer was abrupt at first, calmer once we agreed a date.";
const NOTE = "Check the fitter's van stock before Friday.";

test.describe.serial("the conversation on a case", () => {
  let reference = "";
  let trackingUrl = "";

  test("an agent logs a call, sends its written summary, restates, and apologises past the blame check", async ({ page }) => {
    const filed = await fileComplaint(page.request, { name: "Dana Example" });
    reference = filed.reference;
    trackingUrl = filed.trackingUrl ?? "";
    await signIn(page, DEMO_ACCOUNTS.agent);
    await page.goto(`/cases/${reference}`);
    const composer = page.locator("#composer");
    // Hidden tab panels are left out of role queries: `panel` is the open one.
    const panel = composer.getByRole("tabpanel");
    await expect(composer.getByRole("tab", { name: /Reply to customer/ })).toHaveAttribute("aria-selected", "true");
    await expect(panel.getByText("The customer will see this")).toBeVisible();
    await screenshot(page.locator("#composer"), "conversation-reply-composer");
    await screenshots(page, "conversation-reply");

    // Log a call: internal, then straight on to the written summary drafted from it.
    await composer.getByRole("tab", { name: /Log a call/ }).click();
    await expect(panel.getByText("Only staff see this")).toBeVisible();
    await panel.getByLabel("The customer called us").check();
    await panel.getByLabel("Length of the call (minutes)").fill("12");
    await panel.getByLabel("What was said").fill(`The replacement mug is in stock.\nWe will post it on Monday.\n${INTERNAL_CALL_DETAIL}`);
    await panel.getByRole("button", { name: "Log the call" }).click();
    await expect(page).toHaveURL(/compose=call-summary/);
    const draft = panel.getByLabel("Summary for the customer");
    await expect(draft).toHaveValue(/^Dear Dana Example,\n\nFurther to our conversation today, here is a summary of what we discussed:/);
    await expect(draft).toHaveValue(/- The replacement mug is in stock\.\n- We will post it on Monday\./);
    await screenshot(page.locator("#composer"), "conversation-call-summary-composer");
    await screenshots(page, "conversation-call-summary");

    // Staff edit the draft: the remark about the customer's mood stays internal.
    const edited = (await draft.inputValue()).replace(`\n- ${INTERNAL_CALL_DETAIL}`, "");
    await draft.fill(edited);
    await panel.getByRole("button", { name: "Send to customer" }).click();
    await expect(toast(page, "Call summary sent to the customer.")).toBeVisible();
    const timeline = page.locator("#timeline");
    await expect(timeline.getByRole("article", { name: /Call from the customer/ })).toContainText("Written summary sent");
    await expect(timeline.getByRole("article", { name: /Call summary sent to customer/ })).toBeVisible();

    // Restate the complaint: two issues, blank rows ignored.
    await composer.getByRole("tab", { name: /Restate the complaint/ }).click();
    await panel.getByLabel("Issue 1.").fill("The parcel arrived two weeks late");
    await panel.getByLabel("Issue 3.").fill("The mug inside was broken");
    await panel.getByRole("button", { name: "Send to customer" }).click();
    await expect(toast(page, "Restatement sent.")).toBeVisible();
    const restated = timeline.getByRole("article", { name: /Complaint restated/ });
    await expect(restated.locator("ol li")).toHaveText(["The parcel arrived two weeks late", "The mug inside was broken"]);
    await expect(restated).toContainText("Waiting for the customer to confirm or correct it.");

    // An internal note.
    await composer.getByRole("tab", { name: /Internal note/ }).click();
    await panel.getByLabel("Note", { exact: true }).fill(NOTE);
    await panel.getByRole("button", { name: "Add internal note" }).click();
    await expect(toast(page, "Internal note added.")).toBeVisible();

    // An apology that admits fault: the check explains, offers neutral wording, and then it goes.
    await composer.getByRole("tab", { name: /Reply to customer/ }).click();
    await panel.getByLabel("Apology").check();
    await panel.getByLabel("Message", { exact: true }).fill("Dear Dana, we are very sorry. It was our fault that the box was crushed. Your new mug goes out on Monday.");
    await panel.getByRole("button", { name: "Send to customer" }).click();
    await expect(panel.getByRole("alert")).toContainText("may admit fault");
    await expect(panel.locator("mark").first()).toHaveText("our fault");
    await expect(panel.getByText("Admitting fault before it has been established can expose the business legally.", { exact: false })).toBeVisible();
    await screenshot(page.locator("#composer"), "conversation-blame-check-composer");
    await screenshots(page, "conversation-blame-check");
    await panel.getByRole("button", { name: "Use this wording" }).click();
    await expect(panel.getByLabel("Message", { exact: true })).toHaveValue(
      "Dear Dana, we are very sorry. I'm sorry for the trouble this has caused; we are looking into what happened. Your new mug goes out on Monday.",
    );
    await expect(panel.getByLabel("Apology")).toBeChecked();
    await panel.getByRole("button", { name: "Send to customer" }).click();
    await expect(toast(page, "Apology sent to the customer.")).toBeVisible();
    await expect(timeline.getByRole("article", { name: /^Apology/ })).toContainText("looking into what happened");

    // The filter: internal only.
    await timeline.getByRole("link", { name: /^Internal/ }).click();
    await expect(page).toHaveURL(/timeline=internal/);
    await expect(timeline.getByRole("article", { name: /Internal note/ })).toContainText(NOTE);
    await expect(timeline.getByRole("article", { name: /^Apology/ })).toHaveCount(0);
    await timeline.getByRole("link", { name: /^All/ }).click();
    await screenshot(page.locator("#composer"), "conversation-timeline-composer");
    await screenshots(page, "conversation-timeline");
  });

  test("the customer sees the summary, restatement and apology, never the note or the call log", async ({ browser }) => {
    expect(trackingUrl).toContain("/track/");
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(new URL(trackingUrl).pathname);
    const main = page.locator("main");
    await expect(main).toContainText("Further to our conversation today");
    await expect(main).toContainText("We will post it on Monday.");
    await expect(main).toContainText("The mug inside was broken");
    await expect(main).toContainText("we are looking into what happened");
    await expect(main).not.toContainText(NOTE);
    await expect(main).not.toContainText(INTERNAL_CALL_DETAIL);
    await expect(main).not.toContainText("our fault");
    await screenshot(page, "conversation-tracking-desktop");
    await context.close();
  });

  test("the composer works without JavaScript", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const { reference } = await fileComplaint(page.request);
    await signIn(page, DEMO_ACCOUNTS.agent);
    await page.goto(`/cases/${reference}?compose=note`);
    const composer = page.locator("#composer");
    const panel = composer.getByRole("tabpanel");
    await expect(composer.getByRole("tab", { name: /Internal note/ })).toHaveAttribute("aria-selected", "true");
    await panel.getByLabel("Note", { exact: true }).fill("Written with scripts turned off.");
    await panel.getByRole("button", { name: "Add internal note" }).click();
    await expect(page.locator("#timeline")).toContainText("Written with scripts turned off.");

    // "More rows" on the restatement comes back from the server with eight rows.
    await page.goto(`/cases/${reference}?compose=restate`);
    await panel.getByLabel("Issue 1.").fill("Kept while adding rows");
    await panel.getByRole("button", { name: "+ More rows" }).click();
    await expect(panel.getByLabel("Issue 8.")).toBeVisible();
    await expect(panel.getByLabel("Issue 1.")).toHaveValue("Kept while adding rows");
    await context.close();
  });
});

test("an unsent note comes back after a reload and after an expired sign-in, and is forgotten once sent", async ({ page, context }) => {
  const { reference } = await fileComplaint(page.request, { name: "Sam Draft" });
  await signIn(page, DEMO_ACCOUNTS.agent);
  const text = "Sam prefers calls after 6pm; the courier has been told.";
  const panel = page.locator("#composer").getByRole("tabpanel");
  const note = panel.getByLabel("Note", { exact: true });
  await page.goto(`/cases/${reference}?compose=note`);
  await note.fill(text);

  await page.reload();
  await expect(note).toHaveValue(text);
  await expect(panel.getByText(/Your unsent draft from \d\d:\d\d is back/)).toBeVisible();
  await screenshot(page.locator("#composer"), "conversation-draft-restored");

  // The sign-in expires before it is sent: sending leads to the sign-in page, and the note is
  // still there back on the case.
  await context.clearCookies();
  await panel.getByRole("button", { name: "Add internal note" }).click();
  await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
  await signIn(page, DEMO_ACCOUNTS.agent);
  await page.goto(`/cases/${reference}?compose=note`);
  await expect(note).toHaveValue(text);

  await panel.getByRole("button", { name: "Add internal note" }).click();
  await expect(toast(page, "Internal note added.")).toBeVisible();
  await expect(note).toHaveValue("");
  await page.reload();
  await expect(note).toHaveValue("");
  await expect(panel.getByText(/unsent draft/)).toHaveCount(0);

  // "Discard draft" empties the box and forgets it.
  await note.fill("A thought I will not keep.");
  await page.reload();
  await panel.getByRole("button", { name: "Discard draft" }).click();
  await expect(note).toHaveValue("");
  await page.reload();
  await expect(note).toHaveValue("");

  // Signing out forgets drafts: the next person at this browser sees none.
  await note.fill("A private thought before signing out.");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await signIn(page, DEMO_ACCOUNTS.agent);
  await page.goto(`/cases/${reference}?compose=note`);
  await expect(note).toHaveValue("");
});
