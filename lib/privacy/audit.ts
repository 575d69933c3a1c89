import "server-only";
import { and, desc, eq, lt } from "drizzle-orm";
import { z } from "zod";
import type { Db, Tx } from "@/db/client";
import { auditLog, staffUsers } from "@/db/schema";

/**
 * The audit log: who did what to personal data, and when. Append only. Details never hold
 * personal data themselves (no names, addresses or file names), since erasure does not touch
 * this table: a reference or a count says enough.
 */

export const AUDIT_ACTIONS = {
  "customer.exported": "Exported a customer's data",
  "customer.erased": "Erased a customer's personal data",
  "retention.applied": "Retention rule anonymised closed cases",
  "retention.changed": "Changed the retention period",
  "attachment.viewed": "Downloaded an attachment",
  "email.viewed": "Downloaded the original of an email",
  "email.retried": "Had an email that was set aside (it failed every attempt) read again",
  "signin.locked": "Sign-in locked after repeated failures",
  "signin.under_attack": "Account under attack: many failed sign-ins from several addresses (not locked; owners alerted)",
  "sessions.ended": "Signed out everywhere",
  "case.apology_approved": "Approved an apology the blame check had flagged",
  "case.fault_confirmed": "Confirmed a case's fault attribution",
  "case.fault_changed": "Changed a case's fault attribution",
  "case.fault_rejected": "Rejected a case's fault attribution",
  "process.merged": "Merged a process into another (its complaints relabelled)",
  "root_cause.merged": "Merged a root cause into another (its complaints relabelled)",
  "complaint.taken_down": "Recorded a complaint for a customer (by phone, letter, email, in person or social media)",
  "process.volume_saved": "Entered a process's units of work for a month",
} as const;

export type AuditAction = keyof typeof AUDIT_ACTIONS | (string & {});

export type AuditInput = {
  /** Null for the system (the retention rule). */
  staffId: string | null;
  action: AuditAction;
  subjectType: string;
  subjectId?: string | null;
  detail?: Record<string, unknown>;
  at?: Date;
};

export async function recordAudit(db: Db | Tx, entry: AuditInput): Promise<void> {
  await db.insert(auditLog).values({
    staffId: entry.staffId,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId ?? null,
    detail: entry.detail ?? {},
    ...(entry.at ? { at: entry.at } : {}),
  });
}

export const AUDIT_PAGE_SIZE = 50;

export const auditPageSchema = z.object({
  /** Keyset: show entries older than this id. Anything that is not a positive whole number is ignored. */
  before: z.coerce.number().int().positive().optional().catch(undefined),
});

export type AuditRow = {
  id: number;
  at: Date;
  action: string;
  subjectType: string;
  subjectId: string | null;
  detail: Record<string, unknown>;
  staffName: string | null;
};

export type AuditPage = { items: AuditRow[]; next: number | null };

/** Newest first, one page at a time (keyset on the id, which only grows). */
export async function listAuditLog(db: Db, input: { before?: number; limit?: number } = {}): Promise<AuditPage> {
  const limit = Math.min(Math.max(input.limit ?? AUDIT_PAGE_SIZE, 1), 200);
  const rows = await db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      subjectType: auditLog.subjectType,
      subjectId: auditLog.subjectId,
      detail: auditLog.detail,
      staffName: staffUsers.name,
    })
    .from(auditLog)
    .leftJoin(staffUsers, eq(staffUsers.id, auditLog.staffId))
    .where(and(input.before ? lt(auditLog.id, input.before) : undefined))
    .orderBy(desc(auditLog.id))
    .limit(limit + 1);
  const items = rows.slice(0, limit);
  return { items, next: rows.length > limit ? items[items.length - 1]!.id : null };
}
