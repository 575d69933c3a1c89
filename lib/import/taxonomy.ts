import { inArray, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
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
 */
export async function ensureProcesses(tx: Tx, names: Array<string | null>): Promise<{ ids: Map<string, string>; created: number }> {
  const wanted = distinct(names);
  const ids = new Map<string, string>();
  if (wanted.size === 0) return { ids, created: 0 };
  const existing: Named[] = await tx
    .select({ id: processes.id, name: processes.name })
    .from(processes)
    .where(inArray(sql`lower(${processes.name})`, [...wanted.keys()]));
  for (const row of existing) ids.set(key(row.name), row.id);
  const missing = [...wanted].filter(([k]) => !ids.has(k)).map(([, name]) => ({ name }));
  if (missing.length > 0) {
    const created = await tx.insert(processes).values(missing).returning({ id: processes.id, name: processes.name });
    for (const row of created) ids.set(key(row.name), row.id);
  }
  return { ids, created: missing.length };
}

/** As ensureProcesses, for root causes; new ones get an undetermined default fault until the owner decides. */
export async function ensureRootCauses(tx: Tx, names: Array<string | null>): Promise<{ refs: Map<string, RootCauseRef>; created: number }> {
  const wanted = distinct(names);
  const refs = new Map<string, RootCauseRef>();
  if (wanted.size === 0) return { refs, created: 0 };
  const columns = { id: rootCauses.id, name: rootCauses.name, defaultFault: rootCauses.defaultFault };
  const existing = await tx.select(columns).from(rootCauses).where(inArray(sql`lower(${rootCauses.name})`, [...wanted.keys()]));
  for (const row of existing) refs.set(key(row.name), row);
  const missing = [...wanted].filter(([k]) => !refs.has(k)).map(([, name]) => ({ name, defaultFault: "undetermined" as const }));
  if (missing.length > 0) {
    const created = await tx.insert(rootCauses).values(missing).returning(columns);
    for (const row of created) refs.set(key(row.name), row);
  }
  return { refs, created: missing.length };
}

export const taxonomyKey = key;
