import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  check,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { complaints } from "./complaints";
import { actorKind, eventType, eventVisibility } from "./enums";
import { staffUsers } from "./staff";

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => "bytea" });

/**
 * What happened on a case, by whom and when. Rows are immutable: a database trigger refuses
 * UPDATE and DELETE (see the migration), so corrections are new events.
 */
export const complaintEvents = pgTable(
  "complaint_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    complaintId: uuid("complaint_id")
      .notNull()
      .references(() => complaints.id, { onDelete: "cascade" }),
    type: eventType("type").notNull(),
    visibility: eventVisibility("visibility").notNull(),
    actorKind: actorKind("actor_kind").notNull(),
    actorId: uuid("actor_id").references(() => staffUsers.id, { onDelete: "set null" }),
    body: text("body"),
    /** Structured details of the event (e.g. from/to status, call direction, restated issues). */
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
    minutesSpent: integer("minutes_spent").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("complaint_events_complaint_idx").on(t.complaintId, t.createdAt),
    index("complaint_events_type_created_idx").on(t.type, t.createdAt),
    index("complaint_events_actor_idx").on(t.actorId, t.createdAt),
    check("complaint_events_minutes_range", sql`${t.minutesSpent} between 0 and 1440`),
  ],
);

/** Something staff told the customer they would do, by a date. Broken = past due and not kept. */
export const promises = pgTable(
  "promises",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    complaintId: uuid("complaint_id")
      .notNull()
      .references(() => complaints.id, { onDelete: "cascade" }),
    text: text("text").notNull(),
    dueAt: timestamp("due_at", { withTimezone: true }).notNull(),
    keptAt: timestamp("kept_at", { withTimezone: true }),
    createdById: uuid("created_by_id").references(() => staffUsers.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("promises_complaint_idx").on(t.complaintId),
    // Unkept promises by due time, with their case: "overdue" checks read only this index.
    index("promises_open_due_idx").on(t.dueAt, t.complaintId).where(sql`${t.keptAt} is null`),
  ],
);

/** A scheduled check, days after resolution, that the customer is happy with what was done. */
export const followUps = pgTable(
  "follow_ups",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    complaintId: uuid("complaint_id")
      .notNull()
      .references(() => complaints.id, { onDelete: "cascade" }),
    dueAt: timestamp("due_at", { withTimezone: true }).notNull(),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    outcome: text("outcome"),
    createdById: uuid("created_by_id").references(() => staffUsers.id, { onDelete: "set null" }),
    completedById: uuid("completed_by_id").references(() => staffUsers.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("follow_ups_complaint_idx").on(t.complaintId),
    index("follow_ups_open_due_idx").on(t.dueAt).where(sql`${t.completedAt} is null`),
  ],
);

/**
 * Files the customer attached. Stored in the database so every app instance can serve them;
 * the content type is the one detected from the bytes, not the one the browser claimed.
 */
export const attachments = pgTable(
  "attachments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    complaintId: uuid("complaint_id")
      .notNull()
      .references(() => complaints.id, { onDelete: "cascade" }),
    fileName: text("file_name").notNull(),
    contentType: text("content_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    sha256: text("sha256").notNull(),
    content: bytea("content").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("attachments_complaint_idx").on(t.complaintId),
    check("attachments_size_range", sql`${t.sizeBytes} between 1 and 10485760`),
  ],
);

/** A private note after a hard interaction: its author and supervisors/owners only; never exported. */
export const debriefs = pgTable(
  "debriefs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    complaintId: uuid("complaint_id")
      .notNull()
      .references(() => complaints.id, { onDelete: "cascade" }),
    authorId: uuid("author_id")
      .notNull()
      .references(() => staffUsers.id, { onDelete: "restrict" }),
    body: text("body").notNull(),
    hardInteraction: boolean("hard_interaction").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("debriefs_complaint_idx").on(t.complaintId), index("debriefs_author_idx").on(t.authorId)],
);

export type ComplaintEvent = typeof complaintEvents.$inferSelect;
export type Promise_ = typeof promises.$inferSelect;
export type FollowUp = typeof followUps.$inferSelect;
export type Attachment = typeof attachments.$inferSelect;
