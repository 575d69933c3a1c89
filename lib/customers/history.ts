import "server-only";
import { and, desc, eq, ne, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { complaints, processes } from "@/db/schema";

/**
 * What a customer has cost and how their requests were judged, across all their complaints:
 * the case page shows it so staff can tell a first-time complainer from a frequent one
 * (the practice's "know what a customer costs you"). Two queries, whatever the count.
 */

export type EarlierComplaint = {
  reference: string;
  receivedAt: Date;
  processName: string | null;
  status: (typeof complaints.$inferSelect)["status"];
  resolutionType: (typeof complaints.$inferSelect)["resolutionType"];
  customerAgreement: (typeof complaints.$inferSelect)["customerAgreement"];
  satisfaction: number | null;
};

export type CustomerHistory = {
  /** All their complaints, this one included. */
  complaintCount: number;
  /** Staff minutes recorded over all their complaints. */
  totalMinutes: number;
  judgements: { reasonable: number; partly: number; unreasonable: number };
  /** Their other complaints, newest first (at most `limit`). */
  earlier: EarlierComplaint[];
};

export async function getCustomerHistory(db: Db, customerId: string, currentComplaintId: string, limit = 10): Promise<CustomerHistory> {
  const [totals, earlier] = await Promise.all([
    db
      .select({
        complaintCount: sql<number>`count(*)::int`,
        totalMinutes: sql<number>`coalesce(sum(${complaints.minutesSpent}), 0)::int`,
        reasonable: sql<number>`(count(*) filter (where ${complaints.requestJudgement} = 'reasonable'))::int`,
        partly: sql<number>`(count(*) filter (where ${complaints.requestJudgement} = 'partly'))::int`,
        unreasonable: sql<number>`(count(*) filter (where ${complaints.requestJudgement} = 'unreasonable'))::int`,
      })
      .from(complaints)
      .where(eq(complaints.customerId, customerId)),
    db
      .select({
        reference: complaints.reference,
        receivedAt: complaints.receivedAt,
        processName: processes.name,
        status: complaints.status,
        resolutionType: complaints.resolutionType,
        customerAgreement: complaints.customerAgreement,
        satisfaction: complaints.satisfaction,
      })
      .from(complaints)
      .leftJoin(processes, eq(processes.id, complaints.processId))
      .where(and(eq(complaints.customerId, customerId), ne(complaints.id, currentComplaintId)))
      .orderBy(desc(complaints.receivedAt), desc(complaints.id))
      .limit(limit),
  ]);
  const t = totals[0] ?? { complaintCount: 0, totalMinutes: 0, reasonable: 0, partly: 0, unreasonable: 0 };
  return {
    complaintCount: Number(t.complaintCount),
    totalMinutes: Number(t.totalMinutes),
    judgements: { reasonable: Number(t.reasonable), partly: Number(t.partly), unreasonable: Number(t.unreasonable) },
    earlier,
  };
}
