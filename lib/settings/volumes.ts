import "server-only";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { processes, processVolumes } from "@/db/schema";
import { recordAudit } from "@/lib/privacy/audit";
import { assertOwner, SettingsRuleError, type SettingsActor } from "./access";
import { fieldErrorsOf, processVolumeSchema, type VolumeInput } from "./schemas";

export type VolumeRow = { processId: string; processName: string; month: string; units: number; updatedAt: Date };

/**
 * Enters or replaces the units of work a process did in a month (the fix loop compares complaints
 * per unit of work with them). One row per process and month; the change goes on the audit log.
 */
export async function saveProcessVolume(db: Db, actor: SettingsActor, input: VolumeInput): Promise<{ processName: string; month: string; units: number }> {
  assertOwner(actor);
  const parsed = processVolumeSchema.safeParse(input);
  const fieldErrors = parsed.success ? {} : fieldErrorsOf(parsed.error);
  // The process is looked up even when another field is wrong, so every field's message shows at once.
  const processId = processVolumeSchema.shape.processId.safeParse(input.processId);
  const [process] = processId.success
    ? await db.select({ id: processes.id, name: processes.name }).from(processes).where(eq(processes.id, processId.data)).limit(1)
    : [];
  if (!process) fieldErrors.processId = "Choose the process the volume is for.";
  if (!parsed.success || !process) throw new SettingsRuleError("The volume was not saved. Check the highlighted fields.", fieldErrors);
  const { month: monthDate, units } = parsed.data;
  await db.transaction(async (tx) => {
    await tx
      .insert(processVolumes)
      .values({ processId: process.id, month: monthDate, units, updatedById: actor.id })
      .onConflictDoUpdate({
        target: [processVolumes.processId, processVolumes.month],
        set: { units, updatedById: actor.id, updatedAt: sql`now()` },
      });
    await recordAudit(tx, {
      staffId: actor.id,
      action: "process.volume_saved",
      subjectType: "process",
      subjectId: process.id,
      detail: { month: monthDate, units },
    });
  });
  return { processName: process.name, month: monthDate, units };
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
