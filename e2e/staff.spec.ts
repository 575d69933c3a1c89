import { expect, test, type Page } from "@playwright/test";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, signIn, signOut } from "./helpers/auth";
import { fileComplaint } from "./helpers/complaints";
import { screenshots } from "./helpers/screenshots";

const REFUSED = "Email or password is incorrect, or the account is deactivated.";

async function signInWithForm(page: Page, email: string, password: string) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test.describe("staff pages without a session", () => {
  for (const path of ["/cases", "/cases/CR-2345-6789", "/settings/staff"]) {
    test(`${path} sends an anonymous visitor to sign in`, async ({ page }) => {
      await page.goto(path);
      await expect(page).toHaveURL((url) => url.pathname === "/signin" && url.searchParams.get("callbackUrl") === path);
      await expect(page.getByRole("heading", { name: "Staff sign-in" })).toBeVisible();
    });
  }

  test("attachments answer 401 without a session", async ({ request }) => {
    const response = await request.get("/cases/CR-2345-6789/attachments/0b4c1c62-4bd8-4a8f-9d39-8f0f3c1d2e3a", { maxRedirects: 0 });
    // The proxy turns the visitor away before the route handler runs.
    expect([302, 307, 401]).toContain(response.status());
  });
});

test("an agent signs in with the form, sees the case list and opens a case", async ({ page }) => {
  const { reference } = await fileComplaint(page.request);

  await page.goto("/cases");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fcases/);
  await screenshots(page, "staff-signin");

  // A wrong password: one generic message, and the typed email stays.
  await signInWithForm(page, DEMO_ACCOUNTS.agent, "not the password");
  await expect(page.getByRole("alert").filter({ hasText: REFUSED })).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue(DEMO_ACCOUNTS.agent);

  await signInWithForm(page, DEMO_ACCOUNTS.agent, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/cases$/);
  await expect(page.getByRole("heading", { name: "Cases", level: 1 })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Settings" })).toHaveCount(0);
  await expect(page.getByText("Agent", { exact: true })).toBeVisible();

  // Search by reference, typed loosely.
  await page.getByLabel("Reference").fill(reference.toLowerCase().replace(/-/g, " "));
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByRole("link", { name: reference })).toBeVisible();
  await page.goto("/cases");
  await screenshots(page, "staff-cases");

  await page.getByRole("link", { name: reference }).click();
  await expect(page).toHaveURL(new RegExp(`/cases/${reference}$`));
  await expect(page.getByRole("heading", { name: reference })).toBeVisible();
  await expect(page.getByText("The parcel arrived two weeks late")).toBeVisible();
  await expect(page.getByText("ORD-55120")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Timeline" })).toBeVisible();
  await screenshots(page, "staff-case");

  await page.goto("/cases/CR-2345-6789");
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();

  await signOut(page);
  await page.goto("/cases");
  await expect(page).toHaveURL(/\/signin/);
});

test("an agent is refused the staff settings", async ({ page }) => {
  await signIn(page, DEMO_ACCOUNTS.agent);
  await page.goto("/settings/staff");
  await expect(page).toHaveURL(/\/forbidden$/);
  await expect(page.getByRole("heading", { name: "You do not have access to that page" })).toBeVisible();
  await screenshots(page, "staff-forbidden");
});

test("the owner creates an agent, deactivates it, and it can no longer sign in", async ({ page, browser }) => {
  const email = `new.agent.${Date.now()}@example.com`;
  const password = "a long new-agent passphrase";

  await signIn(page, DEMO_ACCOUNTS.owner);
  await page.goto("/cases");
  await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Settings" }).click();
  await expect(page).toHaveURL(/\/settings\/staff$/);
  await expect(page.getByRole("heading", { name: "Staff", level: 1 })).toBeVisible();

  // Validation messages come from the server.
  await page.getByLabel("Name").fill("Nia New");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Initial password").fill("too short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Passwords need at least 12 characters")).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue(email);

  await page.getByLabel("Initial password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Account created for Nia New")).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: email });
  await expect(row).toContainText("Active");

  // The same email again is refused.
  await page.getByLabel("Name").fill("Nia Again");
  await page.getByLabel("Email").fill(email.toUpperCase());
  await page.getByLabel("Initial password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("An account with this email already exists")).toBeVisible();

  // The new agent signs in elsewhere before being deactivated...
  const agentContext = await browser.newContext();
  const agentPage = await agentContext.newPage();
  await signIn(agentPage, email, password);
  await agentPage.goto("/cases");
  await expect(agentPage.getByRole("heading", { name: "Cases", level: 1 })).toBeVisible();

  page.once("dialog", (dialog) => dialog.accept());
  await row.getByRole("button", { name: "Deactivate" }).click();
  await expect(row).toContainText("Deactivated");
  await screenshots(page, "staff-settings");

  // ...and loses access at once, although its session token is still valid,
  await agentPage.goto("/cases");
  await expect(agentPage).toHaveURL(/\/signin/);
  await agentContext.close();

  // and cannot sign in again, in a fresh browser.
  const freshContext = await browser.newContext();
  const freshPage = await freshContext.newPage();
  await freshPage.goto("/signin");
  await signInWithForm(freshPage, email, password);
  await expect(freshPage.getByRole("alert").filter({ hasText: REFUSED })).toBeVisible();
  await expect(freshPage).toHaveURL(/\/signin/);
  await freshContext.close();

  // The owner cannot deactivate themselves: there is no control on their own row.
  await expect(page.getByRole("row").filter({ hasText: DEMO_ACCOUNTS.owner }).getByRole("button", { name: "Deactivate" })).toHaveCount(0);
});
