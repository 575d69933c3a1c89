import "server-only";
import { and, asc, count, eq, getTableColumns, isNull, max, ne, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { isUniqueViolation } from "@/db/errors";
import { complaints, processes, type Process } from "@/db/schema";
import { assertOwner, SettingsRuleError, type SettingsActor } from "./access";
import { fieldErrorsOf, idSchema, processInputSchema, type ProcessInput } from "./schemas";
import { duplicateNameError, inUseError, isStillReferenced, notFoundError, splitByArchived } from "./taxonomy-common";

export type ProcessListItem = Process & { complaintCount: number };
export type ActiveProcess = { id: string; name: string; description: string | null };

const byPosition = [asc(processes.sortOrder), asc(sql`lower(${processes.name})`)];

/** The processes a complaint can be filed under now, in the owner's order: for the public form and staff pickers. */
export async function listActiveProcesses(db: Db): Promise<ActiveProcess[]> {
  return db
    .select({ id: processes.id, name: processes.name, description: processes.description })
    .from(processes)
    .where(isNull(processes.archivedAt))
    .orderBy(...byPosition);
}

/** Every process with the number of complaints filed under it, counted in one grouped query. */
export async function listProcessesWithUsage(db: Db, actor: SettingsActor) {
  assertOwner(actor);
  const rows = await db
    .select({ ...getTableColumns(processes), complaintCount: count(complaints.id) })
    .from(processes)
    .leftJoin(complaints, eq(complaints.processId, processes.id))
    .groupBy(processes.id)
    .orderBy(...byPosition);
  return splitByArchived<ProcessListItem>(rows);
}

function parse(input: ProcessInput) {
  const parsed = processInputSchema.safeParse(input);
  if (!parsed.success) throw new SettingsRuleError("Please correct the highlighted fields.", fieldErrorsOf(parsed.error));
  return parsed.data;
}

function parseId(id: string): string {
  if (!idSchema.safeParse(id).success) throw notFoundError("process");
  return id;
}

async function refuseDuplicate(db: Db | Tx, name: string, exceptId?: string) {
  const sameName = sql`lower(${processes.name}) = lower(${name})`;
  const [existing] = await db
    .select({ name: processes.name })
    .from(processes)
    .where(exceptId ? and(sameName, ne(processes.id, exceptId)) : sameName);
  if (existing) throw duplicateNameError("process", existing.name);
}

// The unique index on lower(name) settles two owners adding the same name at the same moment.
async function guardUnique<T>(name: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error, "processes_name_key")) throw duplicateNameError("process", name);
    throw error;
  }
}

/** Adds a process at the end of the list. */
export async function createProcess(db: Db, actor: SettingsActor, input: ProcessInput): Promise<Process> {
  assertOwner(actor);
  const data = parse(input);
  await refuseDuplicate(db, data.name);
  const [last] = await db.select({ position: max(processes.sortOrder) }).from(processes);
  const sortOrder = (last?.position ?? -1) + 1;
  const [created] = await guardUnique(data.name, () => db.insert(processes).values({ ...data, sortOrder }).returning());
  return created!;
}

/** Renames and re-describes a process. Complaints point at it by id, so they show the new name. */
export async function updateProcess(db: Db, actor: SettingsActor, id: string, input: ProcessInput): Promise<Process> {
  assertOwner(actor);
  const data = parse(input);
  await refuseDuplicate(db, data.name, parseId(id));
  const [updated] = await guardUnique(data.name, () => db.update(processes).set(data).where(eq(processes.id, id)).returning());
  if (!updated) throw notFoundError("process");
  return updated;
}

/**
 * Archiving takes a process off the pick lists; complaints filed under it keep it. Archiving
 * twice keeps the first date.
 */
export async function setProcessArchived(db: Db, actor: SettingsActor, id: string, archived: boolean): Promise<Process> {
  assertOwner(actor);
  const [updated] = await db
    .update(processes)
    .set({ archivedAt: archived ? sql`coalesce(${processes.archivedAt}, now())` : null })
    .where(eq(processes.id, parseId(id)))
    .returning();
  if (!updated) throw notFoundError("process");
  return updated;
}

/** Deletes a process no complaint has ever used; anything in use can only be archived. */
export async function deleteProcess(db: Db, actor: SettingsActor, id: string): Promise<void> {
  assertOwner(actor);
  parseId(id);
  let name = "";
  try {
    await db.transaction(async (tx) => {
      // The row lock makes a complaint filed meanwhile wait for us, then fail its foreign key.
      const [row] = await tx.select({ name: processes.name }).from(processes).where(eq(processes.id, id)).for("update");
      if (!row) throw notFoundError("process");
      name = row.name;
      const [usage] = await tx.select({ n: count() }).from(complaints).where(eq(complaints.processId, id));
      if (usage!.n > 0) throw inUseError("process", row.name, usage!.n);
      await tx.delete(processes).where(eq(processes.id, id));
    });
  } catch (error) {
    if (isStillReferenced(error)) throw inUseError("process", name, 1);
    throw error;
  }
}

/** Moves an active process one place up or down the list the customer picks from. */
export async function moveProcess(db: Db, actor: SettingsActor, id: string, direction: "up" | "down"): Promise<void> {
  assertOwner(actor);
  parseId(id);
  await db.transaction(async (tx) => {
    const active = await tx.select({ id: processes.id }).from(processes).where(isNull(processes.archivedAt)).orderBy(...byPosition).for("update");
    const from = active.findIndex((p) => p.id === id);
    if (from < 0) throw notFoundError("process");
    const to = direction === "up" ? from - 1 : from + 1;
    if (to < 0 || to >= active.length) return;
    [active[from], active[to]] = [active[to]!, active[from]!];
    // Renumbering the whole list also repairs ties (several processes at the same position).
    for (const [position, process] of active.entries()) {
      await tx.update(processes).set({ sortOrder: position }).where(eq(processes.id, process.id));
    }
  });
}
