import "server-only";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";

export type FilterOption = { id: string; name: string };

/** The choices for the filter bar: processes in use or live, and the staff who can be assigned cases. */
export async function loadFilterOptions(db: Db, includeStaff: boolean): Promise<{ processes: FilterOption[]; staff: FilterOption[] }> {
  const [processes, staff] = await Promise.all([
    queryRows<FilterOption>(db, sql`select id, name from processes order by archived_at is not null, sort_order, name`),
    includeStaff
      ? queryRows<FilterOption>(db, sql`select id, name from staff_users order by active desc, name`)
      : Promise.resolve([] as FilterOption[]),
  ]);
  return { processes, staff };
}

/**
 * The local date of the earliest complaint on record (imported history included), where "All
 * time" starts; null when there is none. One read of complaints_received_at_idx.
 */
export async function loadEarliestComplaintDate(db: Db, timeZone: string): Promise<string | null> {
  const [row] = await queryRows<{ day: string | null }>(
    db,
    sql`select to_char(min(received_at) at time zone ${timeZone}, 'YYYY-MM-DD') as day from complaints`,
  );
  return row?.day ?? null;
}
