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
