import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { complaintEvents, promises, type Complaint } from "@/db/schema";
import { handlingChecklist, type HandlingItem } from "./handling-items";

/**
 * The handling checklist for a case: the complaint row plus one grouped count over its events
 * and one over its promises.
 */
export async function loadHandlingChecklist(
  db: Db,
  complaint: Complaint,
  formatTime: (date: Date) => string,
  now = new Date(),
): Promise<{ items: HandlingItem[]; counts: Partial<Record<string, number>> }> {
  // Written call summaries are counted apart from other messages, and an apology sent over the
  // blame check's flags apart from clean ones: only a clean apology counts as apologising.
  const kind = sql<string>`case
    when ${complaintEvents.type} = 'message' and ${complaintEvents.data}->>'kind' = 'call_summary' then 'call_summary'
    when ${complaintEvents.type} = 'apology' and ${complaintEvents.data} ? 'blameOverride' then 'apology_flagged'
    else ${complaintEvents.type}::text end`;
  const [eventRows, [promiseRow]] = await Promise.all([
    db
      .select({ kind, n: sql<number>`count(*)::int` })
      .from(complaintEvents)
      .where(eq(complaintEvents.complaintId, complaint.id))
      .groupBy(kind),
    db
      .select({
        kept: sql<number>`count(*) filter (where ${promises.keptAt} is not null)::int`,
        broken: sql<number>`count(*) filter (where ${promises.keptAt} is null and ${promises.dueAt} < ${now.toISOString()}::timestamptz)::int`,
        open: sql<number>`count(*) filter (where ${promises.keptAt} is null and ${promises.dueAt} >= ${now.toISOString()}::timestamptz)::int`,
      })
      .from(promises)
      .where(eq(promises.complaintId, complaint.id)),
  ]);
  const counts = Object.fromEntries(eventRows.map((r) => [r.kind, Number(r.n)]));
  const items = handlingChecklist({
    complaint,
    counts,
    promises: { kept: Number(promiseRow?.kept ?? 0), broken: Number(promiseRow?.broken ?? 0), open: Number(promiseRow?.open ?? 0) },
    now,
    formatTime,
  });
  return { items, counts };
}
