import type { Locator, Page } from "@playwright/test";

/** A decision section of the case page, opened (a native <details>: no script needed). */
export async function section(page: Page, testId: string): Promise<Locator> {
  const details = page.getByTestId(testId);
  if ((await details.getAttribute("open")) === null) await details.locator("summary").first().click();
  return details;
}

/** A collapsed block of the resolution card, opened by its summary line. */
export async function open(scope: Locator, summary: string): Promise<Locator> {
  const details = scope.locator("details", { has: scope.page().locator("summary", { hasText: summary }) }).first();
  if ((await details.getAttribute("open")) === null) await details.locator("summary").first().click();
  return details;
}
