import "server-only";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { businessSettings } from "@/db/schema";
import { assertOwner, SettingsRuleError, type SettingsActor } from "@/lib/settings/access";
import { fieldErrorsOf } from "@/lib/settings/schemas";
import { recordAudit } from "./audit";

export const RETENTION_MAX_MONTHS = 240;

/** Months typed into the form: empty keeps cases forever (null); otherwise a whole number of months. */
export const retentionSchema = z.object({
  retentionMonths: z.preprocess(
    (value) => (typeof value === "string" ? (value.trim() === "" ? null : Number(value.trim())) : value),
    z
      .number({ error: "The retention period must be a number of months, or empty to keep cases" })
      .int("The retention period must be a whole number of months")
      .min(1, "The retention period must be at least 1 month (leave it empty to keep cases)")
      .max(RETENTION_MAX_MONTHS, `The retention period must be at most ${RETENTION_MAX_MONTHS} months (20 years)`)
      .nullable(),
  ),
});
export type RetentionInput = z.input<typeof retentionSchema>;

export async function getRetentionMonths(db: Db): Promise<number | null> {
  const [row] = await db.select({ months: businessSettings.retentionMonths }).from(businessSettings).where(eq(businessSettings.id, 1));
  return row?.months ?? null;
}

/** Owners only; the change and the old value go into the audit log in the same transaction. */
export async function updateRetentionMonths(db: Db, actor: SettingsActor, input: RetentionInput): Promise<number | null> {
  assertOwner(actor);
  const parsed = retentionSchema.safeParse(input);
  if (!parsed.success) throw new SettingsRuleError("Please correct the retention period.", fieldErrorsOf(parsed.error));
  const months = parsed.data.retentionMonths;
  return db.transaction(async (tx) => {
    const [before] = await tx.select({ months: businessSettings.retentionMonths }).from(businessSettings).where(eq(businessSettings.id, 1));
    await tx
      .insert(businessSettings)
      .values({ id: 1, retentionMonths: months })
      .onConflictDoUpdate({ target: businessSettings.id, set: { retentionMonths: months, updatedAt: sql`now()` } });
    if ((before?.months ?? null) !== months) {
      await recordAudit(tx, {
        staffId: actor.id,
        action: "retention.changed",
        subjectType: "settings",
        detail: { from: before?.months ?? null, to: months },
      });
    }
    return months;
  });
}
