import "server-only";
import { asc, eq, isNull, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { customers, processes, rootCauses, staffUsers } from "@/db/schema";
import type { QueueFilters } from "./params";

export type Option = { id: string; name: string };

export type QueueFilterOptions = {
  processes: Option[];
  staff: Option[];
  rootCauses: Option[];
  /** The customer a click-through filters on, named so the chip reads as a person. */
  customer: Option | null;
};

/**
 * What the filter bar offers. Archived processes and root causes stay listed when the URL
 * already filters on them, so a link from analytics still shows what it filters by.
 */
export async function loadFilterOptions(db: Db, filters: QueueFilters): Promise<QueueFilterOptions> {
  const processId = filters.process && filters.process !== "none" ? filters.process : null;
  const [processRows, staffRows, causeRows, customerRows] = await Promise.all([
    db
      .select({ id: processes.id, name: processes.name })
      .from(processes)
      .where(processId ? or(isNull(processes.archivedAt), eq(processes.id, processId)) : isNull(processes.archivedAt))
      .orderBy(asc(processes.sortOrder), asc(sql`lower(${processes.name})`)),
    db.select({ id: staffUsers.id, name: staffUsers.name }).from(staffUsers).where(eq(staffUsers.active, true)).orderBy(asc(staffUsers.name)),
    db
      .select({ id: rootCauses.id, name: rootCauses.name })
      .from(rootCauses)
      .where(filters.rootCause ? or(isNull(rootCauses.archivedAt), eq(rootCauses.id, filters.rootCause)) : isNull(rootCauses.archivedAt))
      .orderBy(asc(sql`lower(${rootCauses.name})`)),
    filters.customer
      ? db.select({ id: customers.id, name: customers.name }).from(customers).where(eq(customers.id, filters.customer)).limit(1)
      : Promise.resolve([]),
  ]);
  return { processes: processRows, staff: staffRows, rootCauses: causeRows, customer: customerRows[0] ?? null };
}
