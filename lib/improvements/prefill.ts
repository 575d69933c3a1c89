import "server-only";
import { count, desc, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { complaints } from "@/db/schema";
import { CaseRuleError } from "@/lib/cases/errors";
import type { Actor } from "@/lib/cases/update-case";
import { normalizeReference } from "@/lib/complaints/reference";
import { allOf, filtersSql, searchSql } from "@/lib/cases/queue/conditions";
import type { QueueFilters } from "@/lib/cases/queue/params";
import { linkComplaints, MAX_LINKED_AT_ONCE } from "./actions";

export type PrefilledComplaint = { id: string; reference: string; receivedAt: Date };

/**
 * The complaints a new corrective action starts with: those the finding it was opened from
 * showed (the case list's filters, as analytics links pass them), newest first, at most
 * MAX_LINKED_AT_ONCE. `total` says how many matched, so the form can say when some were left out.
 */
export async function complaintsForFilters(
  db: Db,
  filters: QueueFilters,
  timeZone: string,
): Promise<{ rows: PrefilledComplaint[]; total: number }> {
  const search = filters.q ? searchSql(filters.q) : null;
  const where = allOf(search?.byReference ? [search.condition] : [...filtersSql(filters, timeZone), search?.condition]);
  const [rows, [counted]] = await Promise.all([
    db
      .select({ id: complaints.id, reference: complaints.reference, receivedAt: complaints.receivedAt })
      .from(complaints)
      .where(where)
      .orderBy(desc(complaints.receivedAt), desc(complaints.id))
      .limit(MAX_LINKED_AT_ONCE),
    db.select({ n: count() }).from(complaints).where(where),
  ]);
  return { rows, total: Number(counted?.n ?? 0) };
}

/**
 * Links complaints typed by reference ("CR7K2M9Q, CR3H8T4W"): every reference must name a
 * complaint, or nothing is linked and the field says which were not found.
 */
export async function linkComplaintsByReference(db: Db, actor: Actor, actionId: string, text: string): Promise<number> {
  const typed = text.split(/[\s,;]+/).map((t) => t.trim()).filter(Boolean);
  if (typed.length === 0) throw new CaseRuleError("Please correct the highlighted fields.", { references: "Type at least one complaint reference." });
  if (typed.length > MAX_LINKED_AT_ONCE) throw new CaseRuleError("Please correct the highlighted fields.", { references: `Link at most ${MAX_LINKED_AT_ONCE} complaints at once.` });
  const wanted = typed.map((t) => ({ typed: t, reference: normalizeReference(t) }));
  const references = [...new Set(wanted.flatMap((w) => (w.reference ? [w.reference] : [])))];
  const found = references.length
    ? await db.select({ id: complaints.id, reference: complaints.reference }).from(complaints).where(inArray(complaints.reference, references))
    : [];
  const known = new Set(found.map((f) => f.reference));
  const unknown = wanted.filter((w) => !w.reference || !known.has(w.reference)).map((w) => w.typed.slice(0, 20));
  if (unknown.length > 0) throw new CaseRuleError("Please correct the highlighted fields.", { references: `No complaint has the reference ${unknown.join(", ")}.` });
  return linkComplaints(db, actor, actionId, found.map((f) => f.id));
}
