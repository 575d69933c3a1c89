import http from "node:http";
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
  // Three runs of five failures, each answered ever more slowly (lib/auth/lockout.ts): ~4 s each.
  test.slow();
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

/**
 * One request to the test's server from a loopback address of our choosing (Linux routes all of
 * 127.0.0.0/8 to the loopback interface): the server sees a real, different client address on
 * the socket, with no X-Forwarded-For header to forge. So this holds whether or not the server
 * honours that header.
 */
function requestFrom(localAddress: string, options: { method: string; path: string; cookie?: string; form?: Record<string, string> }) {
  const port = new URL(test.info().project.use.baseURL!).port;
  const body = options.form ? new URLSearchParams(options.form).toString() : undefined;
  return new Promise<{ status: number; location: string; setCookie: string[]; body: string }>((resolve, reject) => {
    const request = http.request(
      {
        host: "127.0.0.1",
        port,
        localAddress,
        method: options.method,
        path: options.path,
        headers: {
          ...(options.cookie ? { cookie: options.cookie } : {}),
          ...(body ? { "content-type": "application/x-www-form-urlencoded", "content-length": Buffer.byteLength(body) } : {}),
        },
      },
      (response) => {
        let text = "";
        response.on("data", (chunk: Buffer) => (text += chunk.toString()));
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, location: String(response.headers.location ?? ""), setCookie: response.headers["set-cookie"] ?? [], body: text }),
        );
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

test("25 wrong passwords for the owner from 25 addresses do not lock them out; owners get an audit entry and an alert email", async ({ page }) => {
  // Auth.js's CSRF pair (cookie and token), fetched once and sent with every guess.
  const csrf = await requestFrom("127.0.0.2", { method: "GET", path: "/api/auth/csrf" });
  const cookie = csrf.setCookie.map((c) => c.split(";")[0]).join("; ");
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };

  // The attack: 25 wrong passwords, each from its own address (127.0.0.10 … 127.0.0.34).
  const answers = [];
  for (let i = 0; i < 25; i++) {
    const answer = await requestFrom(`127.0.0.${10 + i}`, {
      method: "POST",
      path: "/api/auth/callback/credentials",
      cookie,
      form: { csrfToken, email: DEMO_ACCOUNTS.owner, password: `guess number ${i}`, callbackUrl: "/cases" },
    });
    answers.push(answer);
  }
  // Every guess is refused as a wrong password; none is told the account is locked.
  expect(answers.map((a) => a.status)).toEqual(Array(25).fill(302));
  expect(answers.every((a) => a.location.includes("error=CredentialsSignin") && !a.location.includes("too_many_attempts"))).toBe(true);

  // The owner signs in from their own browser with the sign-in form and sees the workspace.
  await page.goto("/signin");
  await signInWithForm(page, DEMO_ACCOUNTS.owner, "caseroot-demo");
  await expect(page).toHaveURL(/\/cases/);
  await expect(page.getByRole("heading", { name: "Cases", level: 1 })).toBeVisible();

  // One audit entry says the account is under attack, not locked.
  await page.goto("/settings/privacy");
  const log = page.getByRole("table", { name: "Audit log, newest first" });
  const entries = log.locator("tbody tr").filter({ hasText: "Account under attack" });
  await expect(entries).toHaveCount(1);
  await expect(entries).toContainText("25 failed sign-ins within 15 minutes");
  await expect(entries).toContainText(DEMO_ACCOUNTS.owner);

  // And an alert email to the owner waits in the outbox (sent once SMTP is configured).
  await page.goto("/settings/outbox?kind=security_alert");
  const alerts = page.getByRole("list", { name: "Emails, newest first" }).getByRole("listitem").filter({ hasText: `To ${DEMO_ACCOUNTS.owner}` });
  await expect(alerts).toHaveCount(1);
  await expect(alerts.getByRole("link", { name: `Someone is trying to sign in as ${DEMO_ACCOUNTS.owner}` })).toBeVisible();
  await alerts.getByRole("link").click();
  await expect(page.getByText("25 sign-ins with a wrong password were tried for owner@example.com within 15 minutes").first()).toBeVisible();
});
