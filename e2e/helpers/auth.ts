import { expect, type Page } from "@playwright/test";

/** The demo accounts the seed creates (scripts/db-seed.ts); all share one password. */
export const DEMO_PASSWORD = "caseroot-demo";
export const DEMO_ACCOUNTS = {
  owner: "owner@example.com",
  supervisor: "supervisor@example.com",
  agent: "agent@example.com",
} as const;

/**
 * Signs in through Auth.js's own endpoints (CSRF token, then credentials) instead of the form:
 * fast, and independent of the sign-in page's markup. `page.request` shares the browser
 * context's cookies, so the page is signed in afterwards.
 */
export async function signIn(page: Page, email: string, password: string = DEMO_PASSWORD): Promise<void> {
  const csrf = await page.request.get("/api/auth/csrf");
  expect(csrf.ok()).toBe(true);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await page.request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, callbackUrl: "/cases" },
    maxRedirects: 0,
  });
  expect(response.status(), `sign-in for ${email}`).toBe(302);
  expect(response.headers()["location"] ?? "", `sign-in for ${email} was refused`).not.toContain("error=");
}

/** Signs out through the header's button, as a person would. */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
}
