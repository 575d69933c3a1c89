import path from "node:path";
import type { Page } from "@playwright/test";

const AXE_SCRIPT = path.join(process.cwd(), "node_modules", "axe-core", "axe.min.js");

export type Violation = { id: string; impact: string | null; help: string; targets: string[] };

type AxeResults = { violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: string[] }> }> };

/**
 * Runs axe-core (the rules engine behind browsers' own accessibility audits) on the page as it
 * stands, for WCAG 2.1 levels A and AA: labels, names, contrast, landmarks, ARIA use and so on.
 * Returns every violation, with up to five offending elements each. The page's context needs
 * `bypassCSP: true`: the app's Content-Security-Policy rightly refuses the injected script.
 */
export async function accessibilityViolations(page: Page): Promise<Violation[]> {
  await page.addScriptTag({ path: AXE_SCRIPT });
  const results = await page.evaluate(() => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResults> } }).axe;
    return axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
  });
  return results.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(" ")) }));
}
