import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import { type AnalyticsScope, bool, int, rangeEnd, scopeWhere } from "./scope";

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
  /**
   * The customers a repeat complainer is compared with: everyone who came to the business
   * directly and is on record by the end of the range, plus imported customers only when they
   * complained in the range. Imported history (thousands of another system's past complainants)
   * would otherwise count as "other customers" who never complain, and inflate every ratio.
   */
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
 * many OTHER customers complained about the same processes.
 *
 * Each process gets one bit, in 64-bit words (one word up to 64 processes). One pass over the
 * range gives every customer their number of complaints and the set of processes they
 * complained about (bit_or of each process's bit). "Other customers on my processes" is then the
 * number of customers whose set overlaps mine, less me, counted over the few hundred distinct
 * sets rather than by joining back to every complaint (which took seconds at a million
 * complaints). "Their complaints" is the total on my processes less my own complaints with a
 * process. Both are exact. The rest of a row (judgements, faults, minutes) is read only for the
 * customers shown, through their own index. The CTEs used in the per-row subqueries are
 * materialized so they are computed once.
 */
export async function loadRepeatCustomers(db: Db, scope: AnalyticsScope, limit = REPEAT_CUSTOMERS_LIMIT): Promise<RepeatCustomers> {
  const where = scopeWhere(scope);
  const [counted] = await queryRows<Row>(db, sql`select count(*)::int as n from processes`);
  const words = Array.from({ length: Math.max(1, Math.ceil(int(counted?.n) / 64)) }, (_, i) => sql.raw(`w${i}`));
  const each = (render: (word: SQL, index: number) => SQL, separator: string) => sql.join(words.map(render), sql.raw(separator));
  const rows = await queryRows<Row>(
    db,
    sql`with masks as materialized (
        select id, bit / 64 as word, bit % 64 as shift, 1::int8 << (bit % 64) as mask
        from (select id, (row_number() over (order by id) - 1)::int as bit from processes) p
      ), per_customer as materialized (
        select c.customer_id, count(*)::int as complaints, count(c.process_id)::int as with_process,
          ${each((w, i) => sql`coalesce(bit_or(m.mask) filter (where m.word = ${sql.raw(String(i))}), 0) as ${w}`, ", ")}
        from complaints c left join masks m on m.id = c.process_id
        where ${where}
        group by c.customer_id
      ), per_process as materialized (
        select m.word, m.shift, count(*)::int as complaints from complaints c join masks m on m.id = c.process_id where ${where} group by m.word, m.shift
      ), per_set as materialized (
        select ${each((w) => w, ", ")}, count(*)::int as customers from per_customer where with_process > 0 group by ${each((w) => w, ", ")}
      ), top as (
        select * from per_customer where complaints >= 2 order by complaints desc, customer_id limit ${limit}
      )
      select t.customer_id, t.complaints, d.*, (${each((w) => sql`bit_count(t.${w}::bit(64))`, " + ")})::int as processes,
        cu.name, cu.erased_at is not null as erased,
        case when t.with_process = 0 then 0
          else (select sum(s.customers) from per_set s where ${each((w) => sql`(s.${w} & t.${w}) <> 0`, " or ")}) - 1 end as other_customers,
        case when t.with_process = 0 then 0
          else (select sum(p.complaints) from per_process p
            where (case p.word ${each((w, i) => sql`when ${sql.raw(String(i))} then t.${w}`, " ")} end >> p.shift) & 1 = 1) - t.with_process end as other_complaints,
        (select count(*) from per_customer where complaints >= 2)::int as total_repeaters,
        ((select count(*) from customers where created_at < ${rangeEnd(scope)} and imported_at is null)
          + (select count(*) from per_customer pc join customers ic on ic.id = pc.customer_id and ic.imported_at is not null))::int as on_record
      from top t join customers cu on cu.id = t.customer_id
        cross join lateral (
          select count(c.request_judgement)::int as judged,
            count(*) filter (where c.request_judgement = 'reasonable')::int as reasonable,
            count(*) filter (where c.request_judgement = 'partly')::int as partly,
            count(*) filter (where c.request_judgement = 'unreasonable')::int as unreasonable,
            count(c.fault_attribution)::int as attributed,
            count(*) filter (where c.fault_attribution = 'customer')::int as to_customer,
            count(*) filter (where c.fault_attribution = 'service')::int as to_service,
            count(*) filter (where c.fault_attribution = 'external')::int as to_external,
            count(*) filter (where c.fault_attribution = 'undetermined')::int as undetermined,
            coalesce(sum(c.minutes_spent), 0)::int as minutes
          from complaints c where c.customer_id = t.customer_id and ${where}
        ) d
`,
  );
  let onRecord = int(rows[0]?.on_record);
  if (rows.length === 0) {
    const [r] = await queryRows<Row>(
      db,
      sql`select ((select count(*) from customers where created_at < ${rangeEnd(scope)} and imported_at is null)
        + (select count(distinct c.customer_id) from complaints c join customers ic on ic.id = c.customer_id and ic.imported_at is not null where ${where}))::int as n`,
    );
    onRecord = int(r?.n);
  }
  return { customersOnRecord: onRecord, totalRepeaters: int(rows[0]?.total_repeaters), rows: toRepeatCustomerRows(rows) };
}

/**
 * The table's rows (the same columns from either engine, with the customer's name and whether
 * they were erased), busiest first, then by name as the app sorts text.
 */
export function toRepeatCustomerRows(rows: Row[]): RepeatCustomerRow[] {
  return rows
    .map((r) => ({
      customerId: String(r.customer_id),
      name: bool(r.erased) ? "Erased customer" : String(r.name),
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
    }))
    .sort((a, b) => b.complaints - a.complaints || a.name.localeCompare(b.name, "en") || a.customerId.localeCompare(b.customerId));
}
