import { sql } from "drizzle-orm";
import { bigserial, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { staffUsers } from "./staff";

/**
 * Fixed-window counters for rate limits. They live in the database, not in process memory, so a
 * limit holds across every app instance. `bucket` names the limit (e.g. "intake-ip"), `key` is
 * what is counted (an IP address, a hashed contact address, an account email), `window_start`
 * the start of the current window. Old windows are swept by the background worker.
 */
export const rateLimitHits = pgTable(
  "rate_limit_hits",
  {
    bucket: text("bucket").notNull(),
    key: text("key").notNull(),
    windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
    hits: integer("hits").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.bucket, t.key, t.windowStart] }),
    index("rate_limit_hits_window_idx").on(t.windowStart),
    check("rate_limit_hits_non_negative", sql`${t.hits} >= 0`),
  ],
);

/**
 * Staff actions on personal data (viewing an export, erasing a customer, anonymising by the
 * retention rule, downloading an attachment) and security events (sign-in lockouts). Append only.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    /** Null for the system (retention, lockouts of unknown addresses). */
    staffId: uuid("staff_id").references(() => staffUsers.id, { onDelete: "restrict" }),
    action: text("action").notNull(),
    subjectType: text("subject_type").notNull(),
    subjectId: text("subject_id"),
    detail: jsonb("detail").$type<Record<string, unknown>>().notNull().default({}),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("audit_log_at_idx").on(t.at.desc()),
    index("audit_log_subject_idx").on(t.subjectType, t.subjectId),
  ],
);
