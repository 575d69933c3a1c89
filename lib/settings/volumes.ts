import "server-only";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { processes, processVolumes } from "@/db/schema";
import { recordAudit } from "@/lib/privacy/audit";
import { assertOwner, SettingsRuleError, type SettingsActor } from "./access";

export type VolumeInput = { processId: string; month: string; units: string };
export type VolumeRow = { processId: string; processName: string; month: string; units: number; updatedAt: Date };

/** The largest number of units a month may hold: far above any real business, below integer overflow. */
export const MAX_UNITS = 100_000_000;

/**
 * Enters or replaces the units of work a process did in a month (the fix loop compares complaints
 * per unit of work with them). One row per process and month; the change goes on the audit log.
 */
export async function saveProcessVolume(db: Db, actor: SettingsActor, input: VolumeInput): Promise<{ processName: string; month: string; units: number }> {
  assertOwner(actor);
  const fieldErrors: Record<string, string> = {};
  const [process] = /^[0-9a-f-]{36}$/i.test(input.processId)
    ? await db.select({ id: processes.id, name: processes.name }).from(processes).where(eq(processes.id, input.processId)).limit(1)
    : [];
  if (!process) fieldErrors.processId = "Choose the process the volume is for.";
  const month = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(input.month.trim());
  if (!month) fieldErrors.month = "Enter the month as YYYY-MM, for example 2026-03.";
  const unitsText = input.units.trim().replace(/,/g, "");
  const units = Number(unitsText);
  if (!/^\d+$/.test(unitsText) || units < 1) fieldErrors.units = "Enter the units of work as a whole number of 1 or more.";
  else if (units > MAX_UNITS) fieldErrors.units = `Enter at most ${MAX_UNITS.toLocaleString("en-GB")} units a month.`;
  if (Object.keys(fieldErrors).length > 0) throw new SettingsRuleError("The volume was not saved. Check the highlighted fields.", fieldErrors);
  const monthDate = `${month![1]}-${month![2]}-01`;
  await db.transaction(async (tx) => {
    await tx
      .insert(processVolumes)
      .values({ processId: process!.id, month: monthDate, units, updatedById: actor.id })
      .onConflictDoUpdate({
        target: [processVolumes.processId, processVolumes.month],
        set: { units, updatedById: actor.id, updatedAt: sql`now()` },
      });
    await recordAudit(tx, {
      staffId: actor.id,
      action: "process.volume_saved",
      subjectType: "process",
      subjectId: process!.id,
      detail: { month: monthDate, units },
    });
  });
  return { processName: process!.name, month: monthDate, units };
}

/** The volumes entered, newest month first. */
export async function listProcessVolumes(db: Db, processId?: string): Promise<VolumeRow[]> {
  return db
    .select({ processId: processVolumes.processId, processName: processes.name, month: processVolumes.month, units: processVolumes.units, updatedAt: processVolumes.updatedAt })
    .from(processVolumes)
    .innerJoin(processes, eq(processes.id, processVolumes.processId))
    .where(and(processId ? eq(processVolumes.processId, processId) : undefined))
    .orderBy(desc(processVolumes.month), asc(processes.name))
    .limit(500);
}
