import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { businessSettings } from "@/db/schema";
import {
  type AnalyticsThresholds,
  analyticsThresholdsInputSchema,
  DEFAULT_THRESHOLDS,
  resolveThresholds,
} from "@/lib/analytics/thresholds";
import { assertOwner, SettingsRuleError, type SettingsActor } from "./access";

export type StoredThresholds = { thresholds: AnalyticsThresholds; stored: Partial<AnalyticsThresholds>; invalid: boolean };

/**
 * The owner's verdict thresholds merged over the defaults. A stored value that no longer passes
 * the rules (edited by hand, or rules tightened later) is not fatal: the defaults apply and
 * `invalid` tells the page to say so.
 */
export async function getAnalyticsThresholds(db: Db): Promise<StoredThresholds> {
  const [row] = await db
    .select({ stored: businessSettings.analyticsThresholds })
    .from(businessSettings)
    .where(eq(businessSettings.id, 1));
  const raw = row?.stored ?? {};
  const parsed = analyticsThresholdsInputSchema.safeParse(raw);
  if (!parsed.success) return { thresholds: { ...DEFAULT_THRESHOLDS }, stored: {}, invalid: true };
  try {
    return { thresholds: resolveThresholds(parsed.data), stored: parsed.data, invalid: false };
  } catch {
    return { thresholds: { ...DEFAULT_THRESHOLDS }, stored: {}, invalid: true };
  }
}

/**
 * Saves the owner's changes. Only values that differ from the defaults are stored, so a later
 * change of a default reaches every business that never touched that value.
 */
export async function saveAnalyticsThresholds(db: Db, actor: SettingsActor, input: unknown): Promise<AnalyticsThresholds> {
  assertOwner(actor);
  const parsed = analyticsThresholdsInputSchema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? "form");
      fieldErrors[key] ??= issue.message;
    }
    throw new SettingsRuleError("Some values are out of range. Check the highlighted fields.", fieldErrors);
  }
  const changed = Object.fromEntries(
    Object.entries(parsed.data).filter(([key, value]) => value !== undefined && value !== DEFAULT_THRESHOLDS[key as keyof AnalyticsThresholds]),
  );
  await db
    .update(businessSettings)
    .set({ analyticsThresholds: changed, updatedAt: sql`now()` })
    .where(eq(businessSettings.id, 1));
  return resolveThresholds(changed);
}
