import "server-only";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import { recordAudit } from "./audit";
import { eraseCustomerRecords, redactComplaints } from "./redact";

export const RETENTION_BATCH = 200;

export type RetentionOutcome = {
  /** Null when the owner keeps cases forever (no retention period set). */
  retentionMonths: number | null;
  cases: number;
  customers: number;
  /** True when the batch was full: more cases may be due, run again. */
  more: boolean;
};

/**
 * The retention rule: cases closed more than `business_settings.retention_months` ago are
 * anonymised with the same redaction as an erasure, a batch at a time; a customer's own record is
 * erased once every one of their cases is anonymised and none is open. Idempotent: anonymised
 * cases are not picked again. Writes one audit row per run that anonymised something (a scheduled
 * run that finds nothing leaves no row, so the log is not flooded). Schedule it; export it.
 */
export async function applyRetention(db: Db, now: Date = new Date(), options: { batchSize?: number } = {}): Promise<RetentionOutcome> {
  const batchSize = Math.max(1, options.batchSize ?? RETENTION_BATCH);
  const [settings] = await queryRows<{ months: number | null }>(db, sql`select retention_months as months from business_settings where id = 1`);
  const months = settings?.months ?? null;
  if (!months) return { retentionMonths: null, cases: 0, customers: 0, more: false };

  return db.transaction(async (tx) => {
    const at = sql`${now.toISOString()}::timestamptz`;
    // Skip locked: two instances running the rule at once share the work instead of waiting.
    const due = await queryRows<{ id: string; customer_id: string }>(
      tx,
      sql`select id, customer_id from complaints
          where status = 'closed' and anonymized_at is null
            and closed_at < ${at} - make_interval(months => ${months}::int)
          order by closed_at, id
          limit ${batchSize}
          for update skip locked`,
    );
    if (due.length === 0) return { retentionMonths: months, cases: 0, customers: 0, more: false };

    await redactComplaints(
      tx,
      due.map((c) => c.id),
      "retention",
      now,
    );
    const candidates = [...new Set(due.map((c) => c.customer_id))];
    const done = await queryRows<{ id: string }>(
      tx,
      sql`select cu.id from customers cu
          where cu.id in (${sql.join(
            candidates.map((id) => sql`${id}::uuid`),
            sql`, `,
          )})
            and cu.erased_at is null
            and not exists (
              select 1 from complaints c
              where c.customer_id = cu.id and (c.anonymized_at is null or c.status <> 'closed')
            )`,
    );
    const customerIds = done.map((c) => c.id);
    await eraseCustomerRecords(tx, customerIds, now);
    await recordAudit(tx, {
      staffId: null,
      action: "retention.applied",
      subjectType: "complaints",
      detail: { cases: due.length, customers: customerIds.length, retentionMonths: months },
      at: now,
    });
    return { retentionMonths: months, cases: due.length, customers: customerIds.length, more: due.length === batchSize };
  });
}
