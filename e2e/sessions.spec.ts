import { expect, test, type Browser, type BrowserContext, type Cookie, type Page } from "@playwright/test";
import { DEMO_ACCOUNTS, signIn, signOut } from "./helpers/auth";

/**
 * Ending a session ends it everywhere: a session cookie copied before sign-out, deactivation
 * (and reactivation), a role change, a password change or "sign out everywhere" no longer opens a
 * case, an attachment or an export. Each test first shows the copied cookie working, then replays
 * it in a fresh browser after the change. Every test uses an account made for it, so no other
 * spec's sessions are touched.
 */

const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000010000000108020000009077530000000c4944415478da63f8ffff3f0005fe02fea7d60a9b0000000049454e44ae426082",
  "hex",
);
const PASSWORD = "a long session-test passphrase";

// Each test signs in several browsers and loads the case, a file and a report several times:
// more than the default minute on a busy machine.
test.describe.configure({ timeout: 180_000 });

/** A case with an attachment, filed once for the whole file. */
let target: { reference: string; attachment: string };

test.beforeAll(async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/complain");
  await page.getByLabel("Your name").fill("Sid Session");
  await page.getByRole("textbox", { name: "Email" }).fill(`sid.${Date.now()}@example.com`);
  await page.getByLabel("What is it about?").selectOption("not_sure");
  await page.getByLabel("What went wrong?").fill("The kettle arrived with a dented lid, photo attached.");
  await page.getByLabel("Photos or documents").setInputFiles({ name: "lid.png", mimeType: "image/png", buffer: PNG });
  await page.getByRole("button", { name: "Send complaint" }).click();
  await expect(page.getByRole("heading", { name: "Thank you: we have your complaint" })).toBeVisible();
  const reference = (await page.locator("strong.font-mono").first().textContent())!.trim();
  await signIn(page, DEMO_ACCOUNTS.owner);
  await page.goto(`/cases/${reference}`);
  const attachment = (await page.getByRole("link", { name: "lid.png" }).getAttribute("href"))!;
  target = { reference, attachment };
  await context.close();
});

/** The owner's page on Settings → Staff, with a new account made there. */
async function ownerWithNewAccount(page: Page, label: string): Promise<{ email: string; name: string }> {
  const name = `Sam ${label}`;
  const email = `session.${label}.${Date.now()}@example.com`;
  await signIn(page, DEMO_ACCOUNTS.owner);
  await page.goto("/settings/staff");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Initial password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText(`Account created for ${name}`)).toBeVisible();
  return { email, name };
}

/** A browser of its own, signed in as `email`, on the case list. */
async function signedIn(browser: Browser, email: string, password = PASSWORD): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email, password);
  await page.goto("/cases");
  await expect(page.getByRole("heading", { name: "Cases", level: 1 })).toBeVisible();
  return { context, page };
}

/** A copy of the session cookie, as someone who stole it would have it. */
async function copyCookie(context: BrowserContext): Promise<Cookie> {
  const cookie = (await context.cookies()).find((c) => c.name.endsWith("authjs.session-token"));
  expect(cookie, "a session cookie").toBeTruthy();
  return cookie!;
}

/** What the copied cookie opens, replayed in a fresh browser that has nothing else. */
async function replay(browser: Browser, cookie: Cookie): Promise<{ casePage: boolean; attachment: number; exported: number }> {
  const context = await browser.newContext();
  try {
    await context.addCookies([cookie]);
    const page = await context.newPage();
    await page.goto(`/cases/${target.reference}`);
    // Either the case or the sign-in page, once the answer (or a streamed redirect) has arrived.
    const caseHeading = page.getByRole("heading", { name: target.reference });
    await expect(caseHeading.or(page.getByRole("heading", { name: "Staff sign-in" }))).toBeVisible();
    const casePage = (await caseHeading.isVisible()) && !new URL(page.url()).pathname.startsWith("/signin");
    const attachment = (await context.request.get(target.attachment, { maxRedirects: 0 })).status();
    const exported = (await context.request.get("/analytics/export/processes", { maxRedirects: 0 })).status();
    return { casePage, attachment, exported };
  } finally {
    await context.close();
  }
}

const OPENS = { casePage: true, attachment: 200, exported: 200 };
const REFUSED = { casePage: false, attachment: 401, exported: 401 };

/** The copied cookie opens everything now; the test then ends the session and expects it refused. */
async function expectOpens(browser: Browser, cookie: Cookie) {
  expect(await replay(browser, cookie), "the copied cookie before the change").toEqual(OPENS);
}
async function expectRefused(browser: Browser, cookie: Cookie) {
  expect(await replay(browser, cookie), "the copied cookie after the change").toEqual(REFUSED);
}

function staffRow(page: Page, email: string) {
  return page.getByRole("row").filter({ hasText: email });
}

test("signing out ends the session: a cookie copied before no longer opens a case, an attachment or an export", async ({ page, browser }) => {
  const { email } = await ownerWithNewAccount(page, "signout");
  const agent = await signedIn(browser, email);
  const stolen = await copyCookie(agent.context);
  await expectOpens(browser, stolen);

  await signOut(agent.page);
  await expectRefused(browser, stolen);
  // The person can sign in again as usual.
  await signIn(agent.page, email, PASSWORD);
  await agent.page.goto(`/cases/${target.reference}`);
  await expect(agent.page.getByRole("heading", { name: target.reference })).toBeVisible();
  await agent.context.close();
});

test("deactivation ends sessions for good: after reactivation the old cookie still opens nothing", async ({ page, browser }) => {
  const { email } = await ownerWithNewAccount(page, "deactivate");
  const agent = await signedIn(browser, email);
  const stolen = await copyCookie(agent.context);
  await expectOpens(browser, stolen);

  const row = staffRow(page, email);
  page.once("dialog", (dialog) => dialog.accept());
  await row.getByRole("button", { name: "Deactivate", exact: true }).click();
  await expect(row).toContainText("Deactivated");
  await row.getByRole("button", { name: "Reactivate", exact: true }).click();
  await expect(row).toContainText("Active");
  await expect(row.getByRole("button", { name: "Deactivate", exact: true })).toBeVisible();

  await expectRefused(browser, stolen);
  await agent.page.goto("/cases");
  await expect(agent.page).toHaveURL(/\/signin/);
  await agent.context.close();
});

test("a role change ends the account's sessions", async ({ page, browser }) => {
  const { email, name } = await ownerWithNewAccount(page, "role");
  const agent = await signedIn(browser, email);
  const stolen = await copyCookie(agent.context);
  await expectOpens(browser, stolen);

  const row = staffRow(page, email);
  await row.getByLabel(`Role for ${name}`).selectOption("supervisor");
  await row.getByRole("button", { name: "Save role" }).click();
  await expect(row.getByText("Role updated.")).toBeVisible();

  await expectRefused(browser, stolen);
  await agent.context.close();
});

test("changing one's password ends every other session; this browser stays signed in", async ({ page, browser }) => {
  const { email } = await ownerWithNewAccount(page, "password");
  const agent = await signedIn(browser, email);
  const elsewhere = await signedIn(browser, email);
  const stolen = await copyCookie(elsewhere.context);
  await expectOpens(browser, stolen);

  await agent.page.getByRole("link", { name: /Sam password/ }).click();
  await expect(agent.page.getByRole("heading", { name: "Your account", level: 1 })).toBeVisible();
  // Let the form hydrate first, so the test drives the same path as a person on a loaded page.
  await agent.page.waitForLoadState("networkidle");
  const newPassword = "an even longer new passphrase";
  await agent.page.getByLabel("Current password").fill("not the password");
  await agent.page.getByLabel(/^New password/).fill(newPassword);
  await agent.page.getByLabel("Type the new password again").fill(newPassword);
  await agent.page.getByRole("button", { name: "Change password" }).click();
  await expect(agent.page.getByText("This is not your current password")).toBeVisible();
  await expectOpens(browser, stolen);

  await agent.page.getByLabel("Current password").fill(PASSWORD);
  await agent.page.getByLabel(/^New password/).fill(newPassword);
  await agent.page.getByLabel("Type the new password again").fill(newPassword);
  await agent.page.getByRole("button", { name: "Change password" }).click();
  await expect(agent.page.getByText("Password changed.")).toBeVisible();

  await expectRefused(browser, stolen);
  await elsewhere.page.goto("/cases");
  await expect(elsewhere.page).toHaveURL(/\/signin/);
  // This browser got a new session with the new password.
  await agent.page.goto(`/cases/${target.reference}`);
  await expect(agent.page.getByRole("heading", { name: target.reference })).toBeVisible();
  await expectOpens(browser, await copyCookie(agent.context));
  await elsewhere.context.close();
  await agent.context.close();
});

test("'Sign out everywhere' on one's own account ends the sessions on every device", async ({ page, browser }) => {
  const { email } = await ownerWithNewAccount(page, "everywhere");
  const laptop = await signedIn(browser, email);
  const phone = await signedIn(browser, email);
  const stolen = await copyCookie(phone.context);
  await expectOpens(browser, stolen);

  await laptop.page.goto("/account");
  await laptop.page.waitForLoadState("networkidle");
  await laptop.page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(laptop.page).toHaveURL(/\/signin/);

  await expectRefused(browser, stolen);
  await phone.page.goto("/cases");
  await expect(phone.page).toHaveURL(/\/signin/);
  await laptop.context.close();
  await phone.context.close();
});

test("an owner signs another account out everywhere from Settings → Staff", async ({ page, browser }) => {
  const { email, name } = await ownerWithNewAccount(page, "owner-ends");
  const agent = await signedIn(browser, email);
  const stolen = await copyCookie(agent.context);
  await expectOpens(browser, stolen);

  const row = staffRow(page, email);
  await row.getByRole("button", { name: `Sign out everywhere (${name})` }).click();
  await expect(row.getByText("Signed out everywhere.")).toBeVisible();

  await expectRefused(browser, stolen);
  await agent.page.goto("/cases");
  await expect(agent.page).toHaveURL(/\/signin/);
  // The owner's own session is untouched, and the audit log names who did it.
  await page.goto("/settings/privacy");
  const entry = page.getByRole("table", { name: "Audit log, newest first" }).locator("tbody tr").first();
  await expect(entry).toContainText("Signed out everywhere");
  await expect(entry).toContainText(email);
  await agent.context.close();
});
