import { expect, test, type Page } from "@playwright/test";
import { DEMO_ACCOUNTS, signIn } from "./helpers/auth";

/**
 * Sign-in lockout, seen by a visitor: five wrong passwords for one email from one client address
 * lock it there for 15 minutes, after which even the right password gets the same calm, generic
 * message, and an email with no account behaves exactly the same. Uses accounts made for this test only, so no
 * other spec's account is ever locked. (Per-address limits are raised for the browser tests,
 * see scripts/e2e-server.mjs; the lockout is not. The limits themselves are proven in
 * lib/security/rate-limit.test.ts, lib/auth/credentials.test.ts and lib/complaints/intake-limits.test.ts.)
 */

const REFUSED = "Email or password is incorrect, or the account is deactivated.";
const TOO_MANY = "Too many attempts. Please try again later.";

/** Submits the form and waits for the server's answer (the previous message stays on screen until then). */
async function signInWithForm(page: Page, email: string, password: string) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  const answered = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/signin");
  await page.getByRole("button", { name: "Sign in" }).click();
  await answered;
}

async function expectAlert(page: Page, text: string) {
  await expect(page.getByRole("alert").filter({ hasText: text })).toBeVisible();
  await expect(page).toHaveURL(/\/signin/);
}

test("five wrong passwords lock an account for that visitor; then even the right one gets only a generic message", async ({ page, browser }) => {
  const stamp = Date.now();
  const email = `lockout.${stamp}@example.com`;
  const password = "a long lockout-test passphrase";

  // The owner creates an account just for this test.
  await signIn(page, DEMO_ACCOUNTS.owner);
  await page.goto("/settings/staff");
  await page.getByLabel("Name").fill("Lou Lockout");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Initial password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Account created for Lou Lockout")).toBeVisible();

  const context = await browser.newContext();
  const visitor = await context.newPage();
  await visitor.goto("/signin");

  for (let attempt = 1; attempt <= 4; attempt++) {
    await signInWithForm(visitor, email, `wrong guess ${attempt}`);
    await expectAlert(visitor, REFUSED);
    await expect(visitor.getByLabel("Email")).toHaveValue(email);
  }
  await signInWithForm(visitor, email, "wrong guess 5");
  await expectAlert(visitor, TOO_MANY);
  await expect(visitor.getByText(REFUSED)).toHaveCount(0);

  // The right password is refused while the lockout lasts, with the same words.
  await signInWithForm(visitor, email, password);
  await expectAlert(visitor, TOO_MANY);

  // Posting straight to Auth.js is locked out the same way. The lock is per email and client
  // address, and these requests come from the test runner, not the browser (which may reach
  // localhost over the other IP family), so the runner makes its own five wrong guesses first.
  const csrf = (await (await visitor.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const post = (guess: string) =>
    visitor.request.post("/api/auth/callback/credentials", {
      form: { csrfToken: csrf.csrfToken, email, password: guess, callbackUrl: "/cases" },
      maxRedirects: 0,
    });
  for (let attempt = 1; attempt <= 5; attempt++) await post(`direct wrong guess ${attempt}`);
  const direct = await post(password);
  expect(direct.status()).toBe(302);
  const location = direct.headers()["location"] ?? "";
  expect(location).toContain("code=too_many_attempts");
  await visitor.goto(location);
  await expectAlert(visitor, TOO_MANY);
  await visitor.goto("/cases");
  await expect(visitor).toHaveURL(/\/signin/);
  await context.close();

  // An address with no account gets the very same answers, so the lockout reveals nothing.
  const stranger = await (await browser.newContext()).newPage();
  await stranger.goto("/signin");
  const nobody = `nobody.${stamp}@example.com`;
  for (let attempt = 1; attempt <= 4; attempt++) {
    await signInWithForm(stranger, nobody, `wrong guess ${attempt}`);
    await expectAlert(stranger, REFUSED);
  }
  await signInWithForm(stranger, nobody, "wrong guess 5");
  await expectAlert(stranger, TOO_MANY);
  await stranger.context().close();
});
