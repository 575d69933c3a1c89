import "server-only";
import { and, asc, count, eq, getTableColumns, isNull, ne, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { isUniqueViolation } from "@/db/errors";
import { complaints, rootCauses, type RootCause } from "@/db/schema";
import { assertOwner, SettingsRuleError, type SettingsActor } from "./access";
import { fieldErrorsOf, idSchema, rootCauseInputSchema, type RootCauseInput } from "./schemas";
import { duplicateNameError, inUseError, isStillReferenced, notFoundError, splitByArchived } from "./taxonomy-common";

export type RootCauseListItem = RootCause & { complaintCount: number };
export type ActiveRootCause = Pick<RootCause, "id" | "name" | "description" | "defaultFault">;

const byName = asc(sql`lower(${rootCauses.name})`);

/** The root causes staff can pick now, alphabetically, each with the fault it usually implies. */
export async function listActiveRootCauses(db: Db): Promise<ActiveRootCause[]> {
  return db
    .select({ id: rootCauses.id, name: rootCauses.name, description: rootCauses.description, defaultFault: rootCauses.defaultFault })
    .from(rootCauses)
    .where(isNull(rootCauses.archivedAt))
    .orderBy(byName);
}

/** Every root cause with the number of complaints attributed to it, counted in one grouped query. */
export async function listRootCausesWithUsage(db: Db, actor: SettingsActor) {
  assertOwner(actor);
  const rows = await db
    .select({ ...getTableColumns(rootCauses), complaintCount: count(complaints.id) })
    .from(rootCauses)
    .leftJoin(complaints, eq(complaints.rootCauseId, rootCauses.id))
    .groupBy(rootCauses.id)
    .orderBy(byName);
  return splitByArchived<RootCauseListItem>(rows);
}

function parse(input: RootCauseInput) {
  const parsed = rootCauseInputSchema.safeParse(input);
  if (!parsed.success) throw new SettingsRuleError("Please correct the highlighted fields.", fieldErrorsOf(parsed.error));
  return parsed.data;
}

function parseId(id: string): string {
  if (!idSchema.safeParse(id).success) throw notFoundError("root cause");
  return id;
}

async function refuseDuplicate(db: Db, name: string, exceptId?: string) {
  const sameName = sql`lower(${rootCauses.name}) = lower(${name})`;
  const [existing] = await db
    .select({ name: rootCauses.name })
    .from(rootCauses)
    .where(exceptId ? and(sameName, ne(rootCauses.id, exceptId)) : sameName);
  if (existing) throw duplicateNameError("root cause", existing.name);
}

// The unique index on lower(name) settles two owners adding the same name at the same moment.
async function guardUnique<T>(name: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error, "root_causes_name_key")) throw duplicateNameError("root cause", name);
    throw error;
  }
}

export async function createRootCause(db: Db, actor: SettingsActor, input: RootCauseInput): Promise<RootCause> {
  assertOwner(actor);
  const data = parse(input);
  await refuseDuplicate(db, data.name);
  const [created] = await guardUnique(data.name, () => db.insert(rootCauses).values(data).returning());
  return created!;
}

/**
 * Renames or re-describes a root cause, or changes its default fault. The default only
 * pre-fills new attributions: cases already attributed keep the fault staff recorded.
 */
export async function updateRootCause(db: Db, actor: SettingsActor, id: string, input: RootCauseInput): Promise<RootCause> {
  assertOwner(actor);
  const data = parse(input);
  await refuseDuplicate(db, data.name, parseId(id));
  const [updated] = await guardUnique(data.name, () => db.update(rootCauses).set(data).where(eq(rootCauses.id, id)).returning());
  if (!updated) throw notFoundError("root cause");
  return updated;
}

/** Archiving takes a root cause off the pick lists; complaints attributed to it keep it. */
export async function setRootCauseArchived(db: Db, actor: SettingsActor, id: string, archived: boolean): Promise<RootCause> {
  assertOwner(actor);
  const [updated] = await db
    .update(rootCauses)
    .set({ archivedAt: archived ? sql`coalesce(${rootCauses.archivedAt}, now())` : null })
    .where(eq(rootCauses.id, parseId(id)))
    .returning();
  if (!updated) throw notFoundError("root cause");
  return updated;
}

/** Deletes a root cause no complaint uses; anything in use can only be archived. */
export async function deleteRootCause(db: Db, actor: SettingsActor, id: string): Promise<void> {
  assertOwner(actor);
  parseId(id);
  let name = "";
  try {
    await db.transaction(async (tx) => {
      // The row lock makes a case attributed meanwhile wait for us, then fail its foreign key.
      const [row] = await tx.select({ name: rootCauses.name }).from(rootCauses).where(eq(rootCauses.id, id)).for("update");
      if (!row) throw notFoundError("root cause");
      name = row.name;
      const [usage] = await tx.select({ n: count() }).from(complaints).where(eq(complaints.rootCauseId, id));
      if (usage!.n > 0) throw inUseError("root cause", row.name, usage!.n);
      await tx.delete(rootCauses).where(eq(rootCauses.id, id));
    });
  } catch (error) {
    if (isStillReferenced(error)) throw inUseError("root cause", name, 1);
    throw error;
  }
}
