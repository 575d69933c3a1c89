import "server-only";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import { complaints, customers, followUps, processes, promises, staffUsers } from "@/db/schema";
import { nowParam } from "./conditions";

/** What a page's rows need beyond the complaint itself: names, and the facts behind the next step. */
export type RowDetails = {
  customerName: string;
  processName: string | null;
  assigneeName: string | null;
  /** Earliest due date of the promises not yet kept. */
  earliestPromiseDueAt: Date | null;
  openPromises: number;
  overduePromises: number;
  openFollowUpDueAt: Date | null;
};

type Row = {
  id: string;
  customer_name: string;
  process_name: string | null;
  assignee_name: string | null;
  promise_due_ms: number | string | null;
  open_promises: number | string;
  overdue_promises: number | string;
  follow_up_due_ms: number | string | null;
};

const toDate = (ms: number | string | null) => (ms === null ? null : new Date(Math.round(Number(ms))));

/**
 * One query for the whole page, never one per row: names joined, and open promises and the open
 * follow-up aggregated per case. Run after the page's 25 ids are known, so sorting a large set
 * (due dates, searches) never pays for joins on rows that are not shown. Due dates travel as
 * epoch milliseconds so both database drivers return the same thing.
 */
export async function loadRowDetails(db: Db, complaintIds: string[], now: Date): Promise<Map<string, RowDetails>> {
  const details = new Map<string, RowDetails>();
  if (complaintIds.length === 0) return details;
  const ids = sql.join(complaintIds.map((id) => sql`${id}::uuid`), sql`, `);
  const rows = await queryRows<Row>(
    db,
    sql`select ${complaints.id} as id, ${customers.name} as customer_name, ${processes.name} as process_name,
               ${staffUsers.name} as assignee_name, pr.due_ms as promise_due_ms, pr.open as open_promises,
               pr.overdue as overdue_promises, fu.due_ms as follow_up_due_ms
          from ${complaints}
          join ${customers} on ${customers.id} = ${complaints.customerId}
          left join ${processes} on ${processes.id} = ${complaints.processId}
          left join ${staffUsers} on ${staffUsers.id} = ${complaints.assigneeId}
          left join lateral (
            select extract(epoch from min(${promises.dueAt})) * 1000 as due_ms, count(*) as open,
                   count(*) filter (where ${promises.dueAt} < ${nowParam(now)}) as overdue
              from ${promises} where ${promises.complaintId} = ${complaints.id} and ${promises.keptAt} is null) as pr on true
          left join lateral (
            select extract(epoch from min(${followUps.dueAt})) * 1000 as due_ms
              from ${followUps} where ${followUps.complaintId} = ${complaints.id} and ${followUps.completedAt} is null) as fu on true
         where ${complaints.id} in (${ids})`,
  );
  for (const row of rows) {
    details.set(row.id, {
      customerName: row.customer_name,
      processName: row.process_name,
      assigneeName: row.assignee_name,
      earliestPromiseDueAt: toDate(row.promise_due_ms),
      openPromises: Number(row.open_promises),
      overduePromises: Number(row.overdue_promises),
      openFollowUpDueAt: toDate(row.follow_up_due_ms),
    });
  }
  return details;
}
