import "server-only";
import { asc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { complaintEvents, complaints, customers, processes, staffUsers, type Complaint, type ComplaintEvent } from "@/db/schema";
import { getAttachmentForComplaint, listAttachments, type AttachmentSummary, type StoredAttachment } from "@/lib/attachments/store";
import { normalizeReference } from "@/lib/complaints/reference";
import { getCustomerHistory, type CustomerHistory } from "@/lib/customers/history";

export type CaseCustomer = {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  preferredContact: "email" | "phone";
  erasedAt: Date | null;
  /** Their other complaints, total staff minutes and how their requests were judged. */
  history: CustomerHistory;
};

export type CaseTimelineEvent = Pick<
  ComplaintEvent,
  "id" | "type" | "visibility" | "actorKind" | "body" | "data" | "minutesSpent" | "createdAt"
> & { actorName: string | null };

export type CaseDetail = {
  complaint: Complaint;
  customer: CaseCustomer;
  processName: string | null;
  assignee: { id: string; name: string } | null;
  attachments: AttachmentSummary[];
  timeline: CaseTimelineEvent[];
};

/** Everything the case page shows, or null when no case has this reference. */
export async function getCaseDetail(db: Db, referenceInput: string): Promise<CaseDetail | null> {
  const reference = normalizeReference(referenceInput);
  if (!reference) return null;

  const assignee = alias(staffUsers, "assignee");
  const [row] = await db
    .select({
      complaint: complaints,
      customer: {
        id: customers.id,
        name: customers.name,
        email: customers.email,
        phone: customers.phone,
        preferredContact: customers.preferredContact,
        erasedAt: customers.erasedAt,
      },
      processName: processes.name,
      assigneeId: assignee.id,
      assigneeName: assignee.name,
    })
    .from(complaints)
    .innerJoin(customers, eq(customers.id, complaints.customerId))
    .leftJoin(processes, eq(processes.id, complaints.processId))
    .leftJoin(assignee, eq(assignee.id, complaints.assigneeId))
    .where(eq(complaints.reference, reference))
    .limit(1);
  if (!row) return null;

  const complaintId = row.complaint.id;
  const [files, timeline, history] = await Promise.all([
    listAttachments(db, [complaintId], "id"),
    db
      .select({
        id: complaintEvents.id,
        type: complaintEvents.type,
        visibility: complaintEvents.visibility,
        actorKind: complaintEvents.actorKind,
        body: complaintEvents.body,
        data: complaintEvents.data,
        minutesSpent: complaintEvents.minutesSpent,
        createdAt: complaintEvents.createdAt,
        actorName: staffUsers.name,
      })
      .from(complaintEvents)
      .leftJoin(staffUsers, eq(staffUsers.id, complaintEvents.actorId))
      .where(eq(complaintEvents.complaintId, complaintId))
      .orderBy(asc(complaintEvents.createdAt), asc(complaintEvents.id)),
    getCustomerHistory(db, row.customer.id, complaintId),
  ]);

  return {
    complaint: row.complaint,
    customer: { ...row.customer, history },
    processName: row.processName,
    assignee: row.assigneeId && row.assigneeName ? { id: row.assigneeId, name: row.assigneeName } : null,
    attachments: files,
    timeline,
  };
}

/**
 * One attachment's bytes, only if it belongs to the case with this reference: a guessed
 * attachment id from another case finds nothing.
 */
export async function getCaseAttachment(db: Db, referenceInput: string, attachmentId: string): Promise<StoredAttachment | null> {
  const reference = normalizeReference(referenceInput);
  if (!reference) return null;
  const [complaint] = await db.select({ id: complaints.id }).from(complaints).where(eq(complaints.reference, reference)).limit(1);
  return complaint ? getAttachmentForComplaint(db, complaint.id, attachmentId) : null;
}
