import { inArray, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { processes, rootCauses } from "@/db/schema";

type Named = { id: string; name: string };
export type RootCauseRef = { id: string; defaultFault: "service" | "customer" | "external" | "undetermined" };

const key = (name: string) => name.trim().toLowerCase();

/** Distinct names by their case-insensitive key, keeping the first spelling seen. */
function distinct(names: Array<string | null>): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of names) if (name && !out.has(key(name))) out.set(key(name), name.trim());
  return out;
}

/**
 * Process ids by lower-cased name; names the business does not have yet are created. An
 * archived process with the same name is reused: the past complaint was about it.
 *
 * Created ones start archived: another system's categories must not appear on the public form or
 * in staff pick lists (nor in the verdicts' comparisons) until an owner restores them.
 */
export async function ensureProcesses(tx: Tx, names: Array<string | null>, now = new Date()): Promise<{ ids: Map<string, string>; created: number; names: string[] }> {
  const wanted = distinct(names);
  const ids = new Map<string, string>();
  if (wanted.size === 0) return { ids, created: 0, names: [] };
  const existing: Named[] = await tx
    .select({ id: processes.id, name: processes.name })
    .from(processes)
    .where(inArray(sql`lower(${processes.name})`, [...wanted.keys()]));
  for (const row of existing) ids.set(key(row.name), row.id);
  const missing = [...wanted].filter(([k]) => !ids.has(k)).map(([, name]) => ({ name, archivedAt: now }));
  if (missing.length > 0) {
    const created = await tx.insert(processes).values(missing).returning({ id: processes.id, name: processes.name });
    for (const row of created) ids.set(key(row.name), row.id);
  }
  return { ids, created: missing.length, names: missing.map((m) => m.name) };
}

/** As ensureProcesses, for root causes; new ones also get an undetermined default fault until the owner decides. */
export async function ensureRootCauses(tx: Tx, names: Array<string | null>, now = new Date()): Promise<{ refs: Map<string, RootCauseRef>; created: number; names: string[] }> {
  const wanted = distinct(names);
  const refs = new Map<string, RootCauseRef>();
  if (wanted.size === 0) return { refs, created: 0, names: [] };
  const columns = { id: rootCauses.id, name: rootCauses.name, defaultFault: rootCauses.defaultFault };
  const existing = await tx.select(columns).from(rootCauses).where(inArray(sql`lower(${rootCauses.name})`, [...wanted.keys()]));
  for (const row of existing) refs.set(key(row.name), row);
  const missing = [...wanted].filter(([k]) => !refs.has(k)).map(([, name]) => ({ name, defaultFault: "undetermined" as const, archivedAt: now }));
  if (missing.length > 0) {
    const created = await tx.insert(rootCauses).values(missing).returning(columns);
    for (const row of created) refs.set(key(row.name), row);
  }
  return { refs, created: missing.length, names: missing.map((m) => m.name) };
}

/** Names an import of these records would create (not on record under any spelling), for the preview. */
export async function newTaxonomyNames(
  db: Db | Tx,
  records: Array<{ processName: string | null; rootCauseName: string | null }>,
): Promise<{ processes: string[]; rootCauses: string[] }> {
  const missing = async (table: typeof processes | typeof rootCauses, names: Array<string | null>) => {
    const wanted = distinct(names);
    if (wanted.size === 0) return [];
    const existing = await db.select({ name: table.name }).from(table).where(inArray(sql`lower(${table.name})`, [...wanted.keys()]));
    const known = new Set(existing.map((row) => key(row.name)));
    return [...wanted].filter(([k]) => !known.has(k)).map(([, name]) => name);
  };
  return {
    processes: await missing(processes, records.map((r) => r.processName)),
    rootCauses: await missing(rootCauses, records.map((r) => r.rootCauseName)),
  };
}

export const taxonomyKey = key;
