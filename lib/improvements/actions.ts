import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Db, Tx } from "@/db/client";
import {
  complaints,
  correctiveActionComplaints,
  correctiveActionEvents,
  correctiveActions,
  processes,
  rootCauses,
  staffUsers,
  type CorrectiveAction,
  type CorrectiveActionEventType,
} from "@/db/schema";
import { hasRole } from "@/lib/auth/roles";
import { CaseRuleError, ForbiddenError, NotFoundError } from "@/lib/cases/errors";
import type { Actor } from "@/lib/cases/update-case";

/**
 * Corrective actions: the change an owner or supervisor decides to make once analytics point at a
 * root cause or a process ("fix the cause, not just the complaint"). Each has what will change,
 * who owns it, a due date, what it targets and the complaints behind it. Every change is one
 * transaction that also appends to the action's audit trail (corrective_action_events).
 */

/** Most complaints one action can be opened with: a filtered list's first page, not a whole year. */
export const MAX_LINKED_AT_ONCE = 500;

const optionalUuid = (message: string) =>
  z.preprocess((v) => (v === "" || v == null ? undefined : v), z.uuid(message).optional());

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Give the date as YYYY-MM-DD.").refine((d) => {
    // Round-trips only for real dates: 2026-02-30 would come back as 2026-03-02.
    const parsed = new Date(`${d}T00:00:00Z`);
    return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === d;
  }, "That is not a real date.");

export const correctiveActionSchema = z
  .object({
    title: z.string().trim().min(5, "Say in a few words what will change (at least 5 characters).").max(200, "Keep the title under 200 characters."),
    description: z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), z.string().trim().max(5000, "Keep the description under 5,000 characters.").optional()),
    ownerId: z.uuid("Choose who owns this action."),
    dueOn: isoDate,
    rootCauseId: optionalUuid("Unknown root cause."),
    processId: optionalUuid("Unknown process."),
    complaintIds: z.array(z.uuid("Unknown complaint.")).max(MAX_LINKED_AT_ONCE, `Link at most ${MAX_LINKED_AT_ONCE} complaints at once.`).default([]),
  })
  .refine((v) => v.rootCauseId || v.processId, { message: "Choose the root cause or the process this action fixes (or both).", path: ["rootCauseId"] });
export type CorrectiveActionInput = z.input<typeof correctiveActionSchema>;

const chosenComplaintsSchema = z.array(z.uuid("Unknown complaint.")).min(1, "Choose at least one complaint.").max(MAX_LINKED_AT_ONCE, `Choose at most ${MAX_LINKED_AT_ONCE} complaints at once.`);

export const markDoneSchema = z.object({
  doneNote: z.string().trim().min(10, "Say what was changed (at least 10 characters).").max(5000, "Keep it under 5,000 characters."),
  /** When the change took effect; defaults to now. */
  doneAt: z.coerce.date("Give the date the change took effect.").optional(),
});

export const cancelSchema = z.object({
  reason: z.string().trim().min(10, "Say why this action is cancelled (at least 10 characters).").max(2000, "Keep the reason under 2,000 characters."),
});

function assertMayManage(actor: Actor): void {
  if (!hasRole(actor.role, "supervisor")) throw new ForbiddenError("Only a supervisor or an owner can manage corrective actions.");
}

function parse<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fieldErrors: Record<string, string> = {};
  for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0] ?? "form")] ??= issue.message;
  throw new CaseRuleError("Please correct the highlighted fields.", fieldErrors);
}

async function record(tx: Tx, actionId: string, actor: Actor, type: CorrectiveActionEventType, detail: Record<string, unknown> = {}): Promise<void> {
  await tx.insert(correctiveActionEvents).values({ correctiveActionId: actionId, staffId: actor.id, type, detail });
}

/** The owner must be an active staff member; the targets must exist. Field errors otherwise. */
async function assertReferencesExist(tx: Tx, input: { ownerId: string; rootCauseId?: string; processId?: string }): Promise<void> {
  const [owner] = await tx.select({ id: staffUsers.id }).from(staffUsers).where(and(eq(staffUsers.id, input.ownerId), eq(staffUsers.active, true))).limit(1);
  if (!owner) throw new CaseRuleError("Please correct the highlighted fields.", { ownerId: "Choose an active staff member to own this action." });
  if (input.rootCauseId) {
    const [cause] = await tx.select({ id: rootCauses.id }).from(rootCauses).where(eq(rootCauses.id, input.rootCauseId)).limit(1);
    if (!cause) throw new CaseRuleError("Please correct the highlighted fields.", { rootCauseId: "Unknown root cause." });
  }
  if (input.processId) {
    const [process] = await tx.select({ id: processes.id }).from(processes).where(eq(processes.id, input.processId)).limit(1);
    if (!process) throw new CaseRuleError("Please correct the highlighted fields.", { processId: "Unknown process." });
  }
}

/** Links complaints that exist and are not linked yet; returns how many were added. */
async function linkExisting(tx: Tx, actionId: string, complaintIds: readonly string[]): Promise<number> {
  if (complaintIds.length === 0) return 0;
  const existing = await tx.select({ id: complaints.id }).from(complaints).where(inArray(complaints.id, [...new Set(complaintIds)]));
  if (existing.length === 0) return 0;
  const added = await tx
    .insert(correctiveActionComplaints)
    .values(existing.map((c) => ({ correctiveActionId: actionId, complaintId: c.id })))
    .onConflictDoNothing()
    .returning({ id: correctiveActionComplaints.complaintId });
  return added.length;
}

/** Locks the action row for a change; refuses unknown actions. */
async function lockAction(tx: Tx, id: string): Promise<CorrectiveAction> {
  if (!z.uuid().safeParse(id).success) throw new NotFoundError("Corrective action not found.");
  const [row] = await tx.select().from(correctiveActions).where(eq(correctiveActions.id, id)).for("update").limit(1);
  if (!row) throw new NotFoundError("Corrective action not found.");
  return row;
}

/** What an owner or supervisor sets on an action, as its columns (unset targets are null). */
function editableColumns(input: z.infer<typeof correctiveActionSchema>) {
  return {
    title: input.title,
    description: input.description ?? null,
    ownerId: input.ownerId,
    dueOn: input.dueOn,
    rootCauseId: input.rootCauseId ?? null,
    processId: input.processId ?? null,
  };
}

export async function openCorrectiveAction(db: Db, actor: Actor, raw: CorrectiveActionInput): Promise<CorrectiveAction> {
  assertMayManage(actor);
  const input = parse(correctiveActionSchema, raw);
  return db.transaction(async (tx) => {
    await assertReferencesExist(tx, input);
    const [action] = await tx
      .insert(correctiveActions)
      .values({ ...editableColumns(input), createdById: actor.id })
      .returning();
    const linked = await linkExisting(tx, action!.id, input.complaintIds);
    await record(tx, action!.id, actor, "opened", { title: input.title, dueOn: input.dueOn, ownerId: input.ownerId, linked });
    return action!;
  });
}

/** Changes what, who, when or the target of an action that is still open. */
export async function editCorrectiveAction(db: Db, actor: Actor, id: string, raw: Omit<CorrectiveActionInput, "complaintIds">): Promise<CorrectiveAction> {
  assertMayManage(actor);
  const input = parse(correctiveActionSchema, { ...raw, complaintIds: [] });
  return db.transaction(async (tx) => {
    const current = await lockAction(tx, id);
    if (current.status !== "open") throw new CaseRuleError("Only an open action can be edited. Reopen it first.");
    await assertReferencesExist(tx, input);
    const next = editableColumns(input);
    const changed = Object.fromEntries(
      Object.entries(next).filter(([key, value]) => current[key as keyof typeof next] !== value).map(([key, value]) => [key, { from: current[key as keyof typeof next], to: value }]),
    );
    if (Object.keys(changed).length === 0) return current;
    const [row] = await tx.update(correctiveActions).set({ ...next, updatedAt: new Date() }).where(eq(correctiveActions.id, id)).returning();
    await record(tx, id, actor, "edited", { changed });
    return row!;
  });
}

export async function linkComplaints(db: Db, actor: Actor, id: string, complaintIds: readonly string[]): Promise<number> {
  assertMayManage(actor);
  const ids = parse(chosenComplaintsSchema, complaintIds);
  return db.transaction(async (tx) => {
    await lockAction(tx, id);
    const added = await linkExisting(tx, id, ids);
    if (added > 0) await record(tx, id, actor, "complaints_linked", { count: added });
    return added;
  });
}

export async function unlinkComplaints(db: Db, actor: Actor, id: string, complaintIds: readonly string[]): Promise<number> {
  assertMayManage(actor);
  const ids = parse(chosenComplaintsSchema, complaintIds);
  return db.transaction(async (tx) => {
    await lockAction(tx, id);
    const removed = await tx
      .delete(correctiveActionComplaints)
      .where(and(eq(correctiveActionComplaints.correctiveActionId, id), inArray(correctiveActionComplaints.complaintId, ids)))
      .returning({ id: correctiveActionComplaints.complaintId });
    if (removed.length > 0) await record(tx, id, actor, "complaints_unlinked", { count: removed.length });
    return removed.length;
  });
}

/** Marks the change made: what was changed and when it took effect (not in the future). */
export async function markCorrectiveActionDone(db: Db, actor: Actor, id: string, raw: z.input<typeof markDoneSchema>, now = new Date()): Promise<CorrectiveAction> {
  assertMayManage(actor);
  const input = parse(markDoneSchema, raw);
  const doneAt = input.doneAt ?? now;
  if (doneAt.getTime() > now.getTime()) throw new CaseRuleError("Please correct the highlighted fields.", { doneAt: "The change cannot take effect in the future: mark it done once it has." });
  return db.transaction(async (tx) => {
    const current = await lockAction(tx, id);
    if (current.status !== "open") throw new CaseRuleError(current.status === "done" ? "This action is already done." : "This action was cancelled. Reopen it first.");
    const [row] = await tx
      .update(correctiveActions)
      .set({ status: "done", doneAt, doneNote: input.doneNote, updatedAt: now })
      .where(eq(correctiveActions.id, id))
      .returning();
    await record(tx, id, actor, "done", { doneAt: doneAt.toISOString(), doneNote: input.doneNote });
    return row!;
  });
}

export async function cancelCorrectiveAction(db: Db, actor: Actor, id: string, raw: z.input<typeof cancelSchema>, now = new Date()): Promise<CorrectiveAction> {
  assertMayManage(actor);
  const input = parse(cancelSchema, raw);
  return db.transaction(async (tx) => {
    const current = await lockAction(tx, id);
    if (current.status !== "open") throw new CaseRuleError(current.status === "done" ? "A done action cannot be cancelled: reopen it first if the change was undone." : "This action is already cancelled.");
    const [row] = await tx
      .update(correctiveActions)
      .set({ status: "cancelled", cancelledAt: now, cancelReason: input.reason, updatedAt: now })
      .where(eq(correctiveActions.id, id))
      .returning();
    await record(tx, id, actor, "cancelled", { reason: input.reason });
    return row!;
  });
}

/** Back to open: a done change was undone, or a cancelled action is wanted after all. */
export async function reopenCorrectiveAction(db: Db, actor: Actor, id: string, raw: z.input<typeof cancelSchema>, now = new Date()): Promise<CorrectiveAction> {
  assertMayManage(actor);
  const input = parse(cancelSchema.extend({ reason: z.string().trim().min(10, "Say why this action is reopened (at least 10 characters).").max(2000) }), raw);
  return db.transaction(async (tx) => {
    const current = await lockAction(tx, id);
    if (current.status === "open") throw new CaseRuleError("This action is already open.");
    const [row] = await tx
      .update(correctiveActions)
      .set({ status: "open", doneAt: null, doneNote: null, cancelledAt: null, cancelReason: null, updatedAt: now })
      .where(eq(correctiveActions.id, id))
      .returning();
    await record(tx, id, actor, "reopened", { reason: input.reason, was: current.status });
    return row!;
  });
}
