import { sql } from "drizzle-orm";
import { bigint, check, customType, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** A 64-bit transaction id (PostgreSQL's xid8), read and written as its decimal text. */
const xid8 = customType<{ data: string; driverData: string }>({ dataType: () => "xid8" });

/**
 * What changed since the analytics copies last looked (lib/analytics/engine). Triggers in
 * migration 0018 add a row in the same transaction as every write to the tables analytics
 * reads, with that transaction's id. A copy remembers the oldest transaction still running when
 * it last read (its horizon) and next reads every row from that id on, so a transaction that
 * commits late is never skipped however long it ran (see decision record 0013).
 */
export const analyticsChanges = pgTable(
  "analytics_changes",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    txid: xid8("txid").notNull().default(sql`pg_current_xact_id()`),
    /** "complaint": one complaint's figures (or its debriefs) changed; "dimensions": names, targets or the time zone; "everything": a table was truncated. */
    subject: text("subject").notNull(),
    complaintId: uuid("complaint_id"),
  },
  (t) => [index("analytics_changes_txid_idx").on(t.txid), check("analytics_changes_subject", sql`${t.subject} in ('complaint', 'dimensions', 'everything')`)],
);

/**
 * Each running copy's horizon, so old change rows can be pruned once every live copy is past
 * them. A copy that has not checked in for a while is forgotten; it reloads in full when it returns.
 */
export const analyticsReaders = pgTable("analytics_readers", {
  instanceId: text("instance_id").primaryKey(),
  horizon: xid8("horizon").notNull(),
  seenAt: timestamp("seen_at", { withTimezone: true }).notNull().defaultNow(),
});
