/**
 * Demo data for "Harbour & Hearth Home Services", a home appliance retailer that delivers and
 * installs what it sells. About 400 complaints over six months with full timelines, promises,
 * follow-ups and debriefs, generated from a fixed random seed relative to `now`.
 *
 * Two patterns are planted for the analytics to find:
 *  1. A difficult repeat complainer. Victor Crane (victor.crane@example.com) filed ten complaints
 *     in the last 90 days across four processes that few other customers complain about
 *     (Returns & refunds, Customer service, Online ordering, Billing). Eight of his requests are
 *     judged unreasonable and most cases are attributed to the customer; they took long calls,
 *     three escalations, hard-interaction debriefs and several disagreements. One case (a real
 *     double charge) is the service's fault: difficult customers are sometimes right.
 *  2. A genuinely failing process. Installation surges over the last ten weeks: about 75
 *     complaints from about 68 different customers, mostly "Installer not qualified for the model"
 *     and "Installer missed the appointment", about 80% attributed to the service, requests mostly
 *     judged reasonable, several times the rate of any other process.
 * Also: Tom Whitfield is the responsible staff member on most "rude or dismissive" and "wrong
 * information" cases of the last three months, and a handful of new unassigned cases sit in the
 * queue from the last day and a half.
 *
 * Safe to run at every start: it does nothing when the demo is already there, and refuses to write
 * anything into a database that holds real staff accounts, customers or complaints.
 */
import { count, eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import {
  businessSettings,
  complaintEvents,
  complaints,
  customers,
  debriefs,
  followUps,
  processes,
  promises,
  rootCauses,
  severityTargets,
  staffUsers,
} from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./accounts";
import { buildDemoData } from "./build";
import type { Severity, StaffKey } from "./story";
import { DEMO_PROCESSES, DEMO_ROOT_CAUSES, PROCESS_KEYS, ROOT_CAUSE_KEYS, type ProcessKey, type RootCauseKey } from "./taxonomy";
import { insertRows } from "./write";

export const DEMO_BUSINESS_NAME = "Harbour & Hearth Home Services";
export const DEFAULT_SEED = 20_261_123;

export type SeedOptions = { now?: Date; seed?: number };
export type SeedCounts = { staff: number; customers: number; complaints: number; events: number; promises: number; followUps: number; debriefs: number };
export type SeedResult =
  | { status: "seeded"; counts: SeedCounts }
  | { status: "already-present"; seededAt: Date }
  | { status: "refused"; reason: string };

export async function seedDemoData(db: Db, options: SeedOptions = {}): Promise<SeedResult> {
  const now = options.now ?? new Date();
  return db.transaction(async (tx) => {
    // Locking the settings row makes two seeds started together take turns; the second sees the marker.
    const [settings] = await tx.select().from(businessSettings).where(eq(businessSettings.id, 1)).for("update");
    if (settings?.demoSeededAt) return { status: "already-present", seededAt: settings.demoSeededAt };
    const reason = await realDataIn(tx);
    if (reason) return { status: "refused", reason };

    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const created = new Date(now.getTime() - 200 * 86_400_000);
    const staff = await tx
      .insert(staffUsers)
      .values(
        DEMO_ACCOUNTS.map((a) => ({
          email: a.email,
          name: a.name,
          role: a.role,
          passwordHash,
          active: a.active,
          lastSignInAt: new Date(now.getTime() - (a.active ? 2 : 100) * 86_400_000),
          createdAt: created,
          updatedAt: created,
        })),
      )
      .returning({ id: staffUsers.id, email: staffUsers.email });
    const staffIds = Object.fromEntries(DEMO_ACCOUNTS.map((a) => [a.key, staff.find((s) => s.email === a.email)!.id])) as Record<StaffKey, string>;

    const data = buildDemoData({
      seed: options.seed ?? DEFAULT_SEED,
      now,
      staffIds,
      ...(await taxonomyIds(tx, created)),
      severityHours: await severityHours(tx),
      followUpDelayDays: 7,
    });
    await insertRows(tx, customers, data.customers);
    await insertRows(tx, complaints, data.complaints);
    await insertRows(tx, complaintEvents, data.events);
    await insertRows(tx, promises, data.promises);
    await insertRows(tx, followUps, data.followUps);
    await insertRows(tx, debriefs, data.debriefs);

    const values = { businessName: DEMO_BUSINESS_NAME, timeZone: "Europe/London", firstResponseHours: 24, followUpDelayDays: 7, demoSeededAt: now, updatedAt: now };
    await tx.insert(businessSettings).values({ id: 1, ...values }).onConflictDoUpdate({ target: businessSettings.id, set: values });

    const counts: SeedCounts = {
      staff: staff.length,
      customers: data.customers.length,
      complaints: data.complaints.length,
      events: data.events.length,
      promises: data.promises.length,
      followUps: data.followUps.length,
      debriefs: data.debriefs.length,
    };
    return { status: "seeded", counts };
  });
}

/** Why this database must not get demo data, or null when it is empty. */
async function realDataIn(tx: Tx): Promise<string | null> {
  const checks = [
    ["staff account", staffUsers],
    ["customer", customers],
    ["complaint", complaints],
  ] as const;
  for (const [what, table] of checks) {
    const [row] = await tx.select({ n: count() }).from(table);
    if (row && row.n > 0) {
      return `This database already has ${row.n} ${what}${row.n === 1 ? "" : "s"} and no demo marker: it looks like real data, so no demo data was written.`;
    }
  }
  return null;
}

/** Inserts the demo processes and root causes, keeping any that already exist under the same name. */
async function taxonomyIds(tx: Tx, createdAt: Date) {
  await tx
    .insert(processes)
    .values(PROCESS_KEYS.map((key, i) => ({ ...DEMO_PROCESSES[key], sortOrder: i + 1, createdAt })))
    .onConflictDoNothing();
  await tx
    .insert(rootCauses)
    .values(ROOT_CAUSE_KEYS.map((key) => ({ ...DEMO_ROOT_CAUSES[key], createdAt })))
    .onConflictDoNothing();
  const processRows = await tx.select({ id: processes.id, name: processes.name }).from(processes);
  const causeRows = await tx.select({ id: rootCauses.id, name: rootCauses.name }).from(rootCauses);
  const idOf = (rows: Array<{ id: string; name: string }>, name: string) => rows.find((r) => r.name.toLowerCase() === name.toLowerCase())!.id;
  return {
    processIds: Object.fromEntries(PROCESS_KEYS.map((k) => [k, idOf(processRows, DEMO_PROCESSES[k].name)])) as Record<ProcessKey, string>,
    rootCauseIds: Object.fromEntries(ROOT_CAUSE_KEYS.map((k) => [k, idOf(causeRows, DEMO_ROOT_CAUSES[k].name)])) as Record<RootCauseKey, string>,
  };
}

async function severityHours(tx: Tx): Promise<Record<Severity, number>> {
  const hours: Record<Severity, number> = { low: 48, medium: 24, high: 8, critical: 2 };
  for (const row of await tx.select().from(severityTargets)) hours[row.severity] = row.firstResponseHours;
  return hours;
}
