import { sql } from "drizzle-orm";
import { check, date, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { faultAttribution, severity } from "./enums";
import { staffUsers } from "./staff";

/** One row: the business's own settings. The check keeps it a singleton. */
export const businessSettings = pgTable(
  "business_settings",
  {
    id: integer("id").primaryKey().default(1),
    businessName: text("business_name").notNull().default("Our business"),
    timeZone: text("time_zone").notNull().default("Europe/London"),
    /** Hours to the first response when a case has not been assessed yet. */
    firstResponseHours: integer("first_response_hours").notNull().default(24),
    followUpDelayDays: integer("follow_up_delay_days").notNull().default(7),
    /** The owner's verdict thresholds (partial; lib/analytics/thresholds.ts fills in defaults). */
    analyticsThresholds: jsonb("analytics_thresholds").$type<Record<string, unknown>>().notNull().default({}),
    /** When the demo data was loaded; the seed refuses to run twice or on a database with real data. */
    demoSeededAt: timestamp("demo_seeded_at", { withTimezone: true }),
    /** Closed cases are anonymised this many months after closing; null keeps them. */
    retentionMonths: integer("retention_months"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("business_settings_singleton", sql`${t.id} = 1`),
    check("business_settings_first_response_positive", sql`${t.firstResponseHours} > 0`),
    check("business_settings_follow_up_positive", sql`${t.followUpDelayDays} >= 0`),
    check("business_settings_retention_positive", sql`${t.retentionMonths} is null or ${t.retentionMonths} > 0`),
  ],
);

/** Response targets per severity, set by the owner (ISO 10002 asks for them). */
export const severityTargets = pgTable(
  "severity_targets",
  {
    severity: severity("severity").primaryKey(),
    firstResponseHours: integer("first_response_hours").notNull(),
    resolutionDays: integer("resolution_days").notNull(),
  },
  (t) => [
    check("severity_targets_first_response_positive", sql`${t.firstResponseHours} > 0`),
    check("severity_targets_resolution_positive", sql`${t.resolutionDays} > 0`),
  ],
);

/** A part of the business a complaint can be about (delivery, billing, ...). */
export const processes = pgTable(
  "processes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    description: text("description"),
    sortOrder: integer("sort_order").notNull().default(0),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("processes_name_key").on(sql`lower(${t.name})`)],
);

/** Why complaints happen, from the owner's taxonomy; each carries a default fault attribution. */
export const rootCauses = pgTable(
  "root_causes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    description: text("description"),
    defaultFault: faultAttribution("default_fault").notNull().default("undetermined"),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("root_causes_name_key").on(sql`lower(${t.name})`)],
);

export type Process = typeof processes.$inferSelect;
export type RootCause = typeof rootCauses.$inferSelect;

/**
 * Units of work a process did in a month (orders, visits…), entered by the owner. The fix loop
 * prorates them into its before/after windows to compare complaints per unit of work.
 */
export const processVolumes = pgTable(
  "process_volumes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    processId: uuid("process_id")
      .notNull()
      .references(() => processes.id, { onDelete: "cascade" }),
    /** The first day of the month. */
    month: date("month").notNull(),
    units: integer("units").notNull(),
    updatedById: uuid("updated_by_id").references(() => staffUsers.id, { onDelete: "set null" }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("process_volumes_process_month_idx").on(t.processId, t.month),
    check("process_volumes_units_positive", sql`${t.units} > 0`),
    check("process_volumes_first_of_month", sql`extract(day from ${t.month}) = 1`),
  ],
);
