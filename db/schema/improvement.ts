import { sql } from "drizzle-orm";
import { bigserial, check, date, index, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { complaints } from "./complaints";
import { staffUsers } from "./staff";
import { processes, rootCauses } from "./taxonomy";

export const CORRECTIVE_ACTION_STATUSES = ["open", "done", "cancelled"] as const;
export const correctiveActionStatus = pgEnum("corrective_action_status", CORRECTIVE_ACTION_STATUSES);

/**
 * A change the owner decided to make to fix a root cause or process (the "fix loop"): what will
 * change, who owns it, by when. Once done, analytics compare the complaint rate before and after.
 */
export const correctiveActions = pgTable(
  "corrective_actions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    title: text("title").notNull(),
    description: text("description"),
    rootCauseId: uuid("root_cause_id").references(() => rootCauses.id, { onDelete: "restrict" }),
    processId: uuid("process_id").references(() => processes.id, { onDelete: "restrict" }),
    ownerId: uuid("owner_id").references(() => staffUsers.id, { onDelete: "set null" }),
    dueOn: date("due_on"),
    status: correctiveActionStatus("status").notNull().default("open"),
    /** When the change took effect: the before/after comparison splits here. */
    doneAt: timestamp("done_at", { withTimezone: true }),
    /** What was actually changed, written when it is marked done. */
    doneNote: text("done_note"),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    cancelReason: text("cancel_reason"),
    createdById: uuid("created_by_id").references(() => staffUsers.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("corrective_actions_root_cause_idx").on(t.rootCauseId),
    index("corrective_actions_process_idx").on(t.processId),
    check("corrective_actions_target", sql`${t.rootCauseId} is not null or ${t.processId} is not null`),
    check("corrective_actions_done_at", sql`(${t.status} = 'done') = (${t.doneAt} is not null)`),
    check("corrective_actions_cancelled", sql`(${t.status} = 'cancelled') = (${t.cancelledAt} is not null and ${t.cancelReason} is not null)`),
    index("corrective_actions_status_due_idx").on(t.status, t.dueOn),
  ],
);

export const CORRECTIVE_ACTION_EVENT_TYPES = ["opened", "edited", "complaints_linked", "complaints_unlinked", "done", "cancelled", "reopened"] as const;
export type CorrectiveActionEventType = (typeof CORRECTIVE_ACTION_EVENT_TYPES)[number];

/**
 * The action's audit trail: who changed what, and when. Append only, like the case timeline (a
 * trigger refuses UPDATE and DELETE); the action's row holds only its current state.
 */
export const correctiveActionEvents = pgTable(
  "corrective_action_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    correctiveActionId: uuid("corrective_action_id")
      .notNull()
      .references(() => correctiveActions.id, { onDelete: "restrict" }),
    staffId: uuid("staff_id").references(() => staffUsers.id, { onDelete: "restrict" }),
    type: text("type").$type<CorrectiveActionEventType>().notNull(),
    detail: jsonb("detail").$type<Record<string, unknown>>().notNull().default({}),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("corrective_action_events_action_idx").on(t.correctiveActionId, t.at)],
);

/** The complaints that led to a corrective action. */
export const correctiveActionComplaints = pgTable(
  "corrective_action_complaints",
  {
    correctiveActionId: uuid("corrective_action_id")
      .notNull()
      .references(() => correctiveActions.id, { onDelete: "cascade" }),
    complaintId: uuid("complaint_id")
      .notNull()
      .references(() => complaints.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.correctiveActionId, t.complaintId] }), index("corrective_action_complaints_complaint_idx").on(t.complaintId)],
);

export type CorrectiveAction = typeof correctiveActions.$inferSelect;
