import { sql } from "drizzle-orm";
import { beforeAll } from "vitest";
import { queryRows, type Db } from "@/db/client";
import { seedDemoData } from "@/db/seed";
import { parseAnalyticsFilters } from "@/lib/analytics/filters";
import { loadAnalyticsReport, type AnalyticsReport } from "@/lib/analytics/report";
import { localDate } from "@/lib/time/zone";

/** The moment the demo business is seeded at and read at, in the demo owner's time zone. */
export const DEMO_NOW = new Date("2026-11-23T10:30:00Z");
const TZ = "Europe/London";

/**
 * For analytics tests on the demo business: seeds it (at DEMO_NOW) before the suite's tests and
 * returns a function that loads the analytics report as the demo owner, with the default filters.
 */
export function useDemoAnalytics(db: () => Db): () => Promise<AnalyticsReport> {
  let ownerId = "";
  beforeAll(async () => {
    await seedDemoData(db(), { now: DEMO_NOW });
    const [owner] = await queryRows<{ id: string }>(db(), sql`select id from staff_users where email = 'owner@example.com'`);
    ownerId = owner!.id;
  }, 120_000);
  return () => {
    const { filters } = parseAnalyticsFilters({}, localDate(DEMO_NOW, TZ));
    return loadAnalyticsReport(db(), { id: ownerId, role: "owner" }, filters, TZ, DEMO_NOW);
  };
}
