import "server-only";
import { eq, sql } from "drizzle-orm";
import { cache } from "react";
import type { Db, Tx } from "@/db/client";
import { businessSettings, severityTargets } from "@/db/schema";
import { SEVERITIES } from "@/db/schema/enums";
import { businessTimeZoneOf, DEFAULT_TIME_ZONE } from "@/lib/time/zone";
import { assertOwner, SettingsRuleError, type SettingsActor } from "./access";
import {
  businessSettingsSchema,
  fieldErrorsOf,
  severityTargetsSchema,
  type BusinessSettingsInput,
  type SeverityTargetsInput,
} from "./schemas";

export type Severity = (typeof SEVERITIES)[number];
export type BusinessSettings = { businessName: string; timeZone: string; firstResponseHours: number; followUpDelayDays: number };
export type SeverityTargets = Record<Severity, { firstResponseHours: number; resolutionDays: number }>;

// The migrations insert both; these only cover a database someone emptied by hand (and, for the
// public pages, a database that cannot be reached: lib/complaints/tracking.ts).
export const DEFAULT_SETTINGS: BusinessSettings = { businessName: "Our business", timeZone: DEFAULT_TIME_ZONE, firstResponseHours: 24, followUpDelayDays: 7 };
const DEFAULT_TARGETS: SeverityTargets = {
  low: { firstResponseHours: 48, resolutionDays: 20 },
  medium: { firstResponseHours: 24, resolutionDays: 10 },
  high: { firstResponseHours: 8, resolutionDays: 5 },
  critical: { firstResponseHours: 2, resolutionDays: 2 },
};

const settingsColumns = {
  businessName: businessSettings.businessName,
  timeZone: businessSettings.timeZone,
  firstResponseHours: businessSettings.firstResponseHours,
  followUpDelayDays: businessSettings.followUpDelayDays,
};

/**
 * The business's settings (the singleton row). For any module: reading them needs no role. Its
 * time zone is always one the runtime knows (businessTimeZoneOf), so every reader reckons days alike.
 *
 * Read once per page render: a workspace page, its layout's badge and its sections all need the
 * zone, and React's `cache` hands them the same read. Outside a render (server actions, route
 * handlers, workers, a transaction's own handle) every call reads the row.
 */
export const getBusinessSettings = cache(async (db: Db | Tx): Promise<BusinessSettings> => {
  const [row] = await db.select(settingsColumns).from(businessSettings).where(eq(businessSettings.id, 1));
  return row ? { ...row, timeZone: businessTimeZoneOf(row.timeZone) } : DEFAULT_SETTINGS;
});

/** The business's time zone, for reckoning its days and showing dates as its staff read them (not the server's). */
export async function getBusinessTimeZone(db: Db | Tx): Promise<string> {
  return (await getBusinessSettings(db)).timeZone;
}

/** Response targets for every severity; a missing row falls back to the shipped default. */
export async function getSeverityTargets(db: Db): Promise<SeverityTargets> {
  const rows = await db.select().from(severityTargets);
  const targets = structuredClone(DEFAULT_TARGETS);
  for (const row of rows) targets[row.severity] = { firstResponseHours: row.firstResponseHours, resolutionDays: row.resolutionDays };
  return targets;
}

export async function updateBusinessSettings(db: Db, actor: SettingsActor, input: BusinessSettingsInput): Promise<BusinessSettings> {
  assertOwner(actor);
  const parsed = businessSettingsSchema.safeParse(input);
  if (!parsed.success) throw new SettingsRuleError("Please correct the highlighted fields.", fieldErrorsOf(parsed.error));
  const [saved] = await db
    .insert(businessSettings)
    .values({ id: 1, ...parsed.data })
    .onConflictDoUpdate({ target: businessSettings.id, set: { ...parsed.data, updatedAt: sql`now()` } })
    .returning(settingsColumns);
  return saved!;
}

/**
 * Replaces all four targets at once. New targets apply to deadlines worked out from now on;
 * cases already open keep the deadlines they were given.
 */
export async function updateSeverityTargets(db: Db, actor: SettingsActor, input: SeverityTargetsInput): Promise<SeverityTargets> {
  assertOwner(actor);
  const parsed = severityTargetsSchema.safeParse(input);
  if (!parsed.success) throw new SettingsRuleError("Please correct the highlighted targets.", fieldErrorsOf(parsed.error));
  const targets = parsed.data as SeverityTargets;
  await db.transaction(async (tx) => {
    for (const severity of SEVERITIES) {
      await tx
        .insert(severityTargets)
        .values({ severity, ...targets[severity] })
        .onConflictDoUpdate({ target: severityTargets.severity, set: targets[severity] });
    }
  });
  return targets;
}
