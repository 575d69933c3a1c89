import "server-only";
import { count, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { complaints, correctiveActions, processes, rootCauses } from "@/db/schema";
import { recordAudit } from "@/lib/privacy/audit";
import { assertOwner, SettingsRuleError, type SettingsActor } from "./access";
import { notFoundError, type TaxonomyKind } from "./taxonomy-common";

/**
 * Merging one process (or root cause) into another: typically an imported category that means the
 * same as one of the business's own ("Mortgage servicing" into "Billing"). Every complaint and
 * corrective action filed under the first is relabelled to the second, the first is removed, and
 * the owner's decision goes on the audit log; all in one transaction.
 */
export type MergeInput = { from: string; into: string; confirm: string };
export type MergeResult = { fromName: string; intoName: string; complaints: number; actions: number };

const TABLES = {
  process: { table: processes, complaintColumn: complaints.processId, actionColumn: correctiveActions.processId, audit: "process.merged" },
  "root cause": { table: rootCauses, complaintColumn: complaints.rootCauseId, actionColumn: correctiveActions.rootCauseId, audit: "root_cause.merged" },
} as const;

const inputSchema = z.object({ from: z.uuid(), into: z.uuid(), confirm: z.string() });

export async function mergeTaxonomy(db: Db, actor: SettingsActor, kind: TaxonomyKind, input: MergeInput): Promise<MergeResult> {
  assertOwner(actor);
  const parsed = inputSchema.safeParse(input);
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    if (!z.uuid().safeParse(input.from).success) errors.from = `Choose the ${kind} to merge.`;
    if (!z.uuid().safeParse(input.into).success) errors.into = `Choose the ${kind} to merge it into.`;
    throw new SettingsRuleError("Please correct the highlighted fields.", errors);
  }
  const { from, into } = parsed.data;
  if (from === into) throw new SettingsRuleError(`A ${kind} cannot be merged into itself.`, { into: `Choose a different ${kind}.` });
  if (parsed.data.confirm !== "yes") {
    throw new SettingsRuleError("Tick the box to confirm the merge: it cannot be undone.", { confirm: "Confirm that the complaints are to be relabelled." });
  }
  const { table, complaintColumn, actionColumn, audit } = TABLES[kind];

  return db.transaction(async (tx) => {
    // Both rows locked (in id order, so two merges the other way round cannot deadlock): a
    // complaint filed under the first meanwhile waits, then fails its foreign key instead of
    // pointing at a removed row.
    const rows = await tx
      .select({ id: table.id, name: table.name })
      .from(table)
      .where(inArray(table.id, [from, into]))
      .orderBy(table.id)
      .for("update");
    const source = rows.find((r) => r.id === from);
    const target = rows.find((r) => r.id === into);
    if (!source || !target) throw notFoundError(kind);

    const [relabel] = await tx.select({ n: count() }).from(complaints).where(eq(complaintColumn, from));
    // The version bump makes anyone editing one of these cases reload before saving over the new label.
    await tx
      .update(complaints)
      .set({ [kind === "process" ? "processId" : "rootCauseId"]: into, version: sql`${complaints.version} + 1`, updatedAt: sql`now()` })
      .where(eq(complaintColumn, from));
    const [actionCount] = await tx.select({ n: count() }).from(correctiveActions).where(eq(actionColumn, from));
    await tx
      .update(correctiveActions)
      .set({ [kind === "process" ? "processId" : "rootCauseId"]: into })
      .where(eq(actionColumn, from));
    await tx.delete(table).where(eq(table.id, from));
    const result = { fromName: source.name, intoName: target.name, complaints: relabel?.n ?? 0, actions: actionCount?.n ?? 0 };
    await recordAudit(tx, {
      staffId: actor.id,
      action: audit,
      subjectType: kind === "process" ? "process" : "root_cause",
      subjectId: into,
      detail: { merged: source.name, mergedId: from, into: target.name, complaints: result.complaints, correctiveActions: result.actions },
    });
    return result;
  });
}
