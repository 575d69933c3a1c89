import "server-only";
import { and, eq, like } from "drizzle-orm";
import type { Db } from "@/db/client";
import { outboxMessages, staffUsers } from "@/db/schema";
import { enqueueStaffEmail, emailBaseUrl } from "@/lib/outbox/enqueue";
import { describeDueAction, dueActionsForOwner } from "@/lib/improvements/due";
import { describeDueItem } from "./describe";
import { getDueForStaff } from "./due";
import { getBusinessTimeZone } from "@/lib/settings/business";
import { localDate, localHour } from "@/lib/time/zone";

/** Digests go out from this local hour on, so they wait in the inbox at the start of the day. */
export const DIGEST_HOUR = 7;

/** The email lists the most urgent items; the page has the rest. */
const DIGEST_ITEMS = 30;

/**
 * Queues each active staff member's "What's due" email once per local day (the dedupe key holds
 * the date, so any number of workers and restarts queue it once). Nobody with nothing due gets one.
 */
export async function enqueueDailyDigests(db: Db, options: { now?: Date; mailConfigured?: boolean; baseUrl?: string } = {}): Promise<number> {
  const now = options.now ?? new Date();
  const timeZone = await getBusinessTimeZone(db);
  if (localHour(now, timeZone) < DIGEST_HOUR) return 0;
  const day = localDate(now, timeZone);

  const [staff, done] = await Promise.all([
    db.select({ id: staffUsers.id, role: staffUsers.role }).from(staffUsers).where(eq(staffUsers.active, true)),
    db
      .select({ key: outboxMessages.dedupeKey })
      .from(outboxMessages)
      .where(and(eq(outboxMessages.kind, "staff_digest"), like(outboxMessages.dedupeKey, `staff_digest:%:${day}`))),
  ]);
  const already = new Set(done.map((d) => d.key));
  let queued = 0;
  for (const member of staff) {
    const dedupeKey = `staff_digest:${member.id}:${day}`;
    if (already.has(dedupeKey)) continue;
    const [due, actions] = await Promise.all([getDueForStaff(db, member, now, DIGEST_ITEMS), dueActionsForOwner(db, member.id, day)]);
    if (due.total === 0 && actions.length === 0) continue;
    // The corrective actions they own come first: there are few, and each is a week's work.
    const dueList = [
      ...actions.map((action) => `- ${describeDueAction(action)}`),
      ...due.items.slice(0, DIGEST_ITEMS).map((item) => `- ${describeDueItem(item, now, timeZone)}`),
    ];
    if (due.total > DIGEST_ITEMS) dueList.push(`- and ${due.total - DIGEST_ITEMS} more`);
    const result = await db.transaction((tx) =>
      enqueueStaffEmail(tx, {
        staffUserId: member.id,
        kind: "staff_digest",
        values: { dueCount: String(due.total + actions.length), dueList: dueList.join("\n"), dueUrl: `${emailBaseUrl(options.baseUrl)}/due` },
        dedupeKey,
        now,
        mailConfigured: options.mailConfigured,
      }),
    );
    if (result && !result.duplicate) queued += 1;
  }
  return queued;
}
