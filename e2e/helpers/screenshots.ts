import fs from "node:fs";
import path from "node:path";
import type { Locator, Page } from "@playwright/test";

/**
 * Screenshots for looking at the pages by eye, taken only when asked for:
 *   SCREENSHOTS=e2e/screenshots npx playwright test e2e/<file>.spec.ts
 * Without SCREENSHOTS none are taken (failures still get Playwright's own screenshot).
 */
const DIR = process.env.SCREENSHOTS;

const PHONE = { width: 390, height: 844 };

const isPage = (target: Page | Locator): target is Page => "goto" in target;

/** `<name>.png`: the whole page, or one element of it. */
export async function screenshot(target: Page | Locator, name: string): Promise<void> {
  if (!DIR) return;
  fs.mkdirSync(DIR, { recursive: true });
  await target.screenshot({ path: path.join(DIR, `${name}.png`), ...(isPage(target) ? { fullPage: true } : {}) });
}

/** `<name>-desktop.png` and `<name>-phone.png`: the page (or element) at the current width, then at a phone's; the width is put back. */
export async function screenshots(target: Page | Locator, name: string): Promise<void> {
  if (!DIR) return;
  const page = isPage(target) ? target : target.page();
  const desktop = page.viewportSize();
  await screenshot(target, `${name}-desktop`);
  await page.setViewportSize(PHONE);
  await screenshot(target, `${name}-phone`);
  if (desktop) await page.setViewportSize(desktop);
}
