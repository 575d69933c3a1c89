import "server-only";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import { type AnalyticsScope, int, rangeEnd, scopeWhere } from "./scope";

export type RepeatCustomerRow = {
  customerId: string;
  name: string;
  complaints: number;
  processesComplainedAbout: number;
  judged: number;
  judgedReasonable: number;
  judgedPartly: number;
  judgedUnreasonable: number;
  attributed: number;
  attributedToCustomer: number;
  attributedToService: number;
  attributedToExternal: number;
  attributedUndetermined: number;
  staffMinutes: number;
  /** Other customers who complained about this customer's processes in the range, and their complaints. */
  otherComplainingCustomers: number;
  otherComplaints: number;
};

export type RepeatCustomers = {
  rows: RepeatCustomerRow[];
  /** Every other customer on record at the end of the range is "active" for the comparison. */
  customersOnRecord: number;
  /** How many repeat complainers there are in all (the table shows the top ones). */
  totalRepeaters: number;
};

/** The table and the verdicts look at the busiest repeat complainers; the export the same. */
export const REPEAT_CUSTOMERS_LIMIT = 50;

type Row = Record<string, unknown>;

/**
 * Customers with two or more complaints in the range, busiest first, with the figures the
 * "difficult customer?" verdict needs: how they were judged, whose fault, staff minutes, and how
 * many OTHER customers complained about the same processes (each complaint joined to this
 * customer's distinct processes, so it is counted once per repeat complainer).
 */
export async function loadRepeatCustomers(db: Db, scope: AnalyticsScope, limit = REPEAT_CUSTOMERS_LIMIT): Promise<RepeatCustomers> {
  const where = scopeWhere(scope);
  const rows = await queryRows<Row>(
    db,
    sql`with per_customer as (
        select c.customer_id, count(*)::int as complaints, count(distinct c.process_id)::int as processes,
          count(c.request_judgement)::int as judged,
          count(*) filter (where c.request_judgement = 'reasonable')::int as reasonable,
          count(*) filter (where c.request_judgement = 'partly')::int as partly,
          count(*) filter (where c.request_judgement = 'unreasonable')::int as unreasonable,
          count(c.fault_attribution)::int as attributed,
          count(*) filter (where c.fault_attribution = 'customer')::int as to_customer,
          count(*) filter (where c.fault_attribution = 'service')::int as to_service,
          count(*) filter (where c.fault_attribution = 'external')::int as to_external,
          count(*) filter (where c.fault_attribution = 'undetermined')::int as undetermined,
          sum(c.minutes_spent)::int as minutes
        from complaints c where ${where}
        group by c.customer_id having count(*) >= 2
      ), top as (
        select * from per_customer order by complaints desc, customer_id limit ${limit}
      ), their_processes as (
        select distinct c.customer_id, c.process_id from complaints c join top t on t.customer_id = c.customer_id
        where ${where} and c.process_id is not null
      ), others as (
        select tp.customer_id, count(distinct o.customer_id)::int as customers, count(*)::int as complaints
        from their_processes tp join complaints o on o.process_id = tp.process_id and o.customer_id <> tp.customer_id
        where ${scopeWhere(scope, { alias: "o" })}
        group by tp.customer_id
      )
      select t.*, cu.name, cu.erased_at is not null as erased, coalesce(o.customers, 0) as other_customers,
        coalesce(o.complaints, 0) as other_complaints,
        (select count(*) from per_customer)::int as total_repeaters,
        (select count(*) from customers where created_at < ${rangeEnd(scope)})::int as on_record
      from top t join customers cu on cu.id = t.customer_id left join others o on o.customer_id = t.customer_id
      order by t.complaints desc, cu.name`,
  );
  let onRecord = int(rows[0]?.on_record);
  if (rows.length === 0) {
    const [r] = await queryRows<Row>(db, sql`select count(*)::int as n from customers where created_at < ${rangeEnd(scope)}`);
    onRecord = int(r?.n);
  }
  return {
    customersOnRecord: onRecord,
    totalRepeaters: int(rows[0]?.total_repeaters),
    rows: rows.map((r) => ({
      customerId: String(r.customer_id),
      name: r.erased === true || r.erased === "t" ? "Erased customer" : String(r.name),
      complaints: int(r.complaints),
      processesComplainedAbout: int(r.processes),
      judged: int(r.judged),
      judgedReasonable: int(r.reasonable),
      judgedPartly: int(r.partly),
      judgedUnreasonable: int(r.unreasonable),
      attributed: int(r.attributed),
      attributedToCustomer: int(r.to_customer),
      attributedToService: int(r.to_service),
      attributedToExternal: int(r.to_external),
      attributedUndetermined: int(r.undetermined),
      staffMinutes: int(r.minutes),
      otherComplainingCustomers: int(r.other_customers),
      otherComplaints: int(r.other_complaints),
    })),
  };
}
