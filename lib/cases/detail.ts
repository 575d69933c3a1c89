import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { complaintEvents, complaints, customers, inboundEmails, processes, staffUsers, type Complaint, type ComplaintEvent } from "@/db/schema";
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
> & {
  actorName: string | null;
  /**
   * The customer's email this entry came from (inbound_emails.id), whose full original staff may
   * download: a reply's (its event names it), or for the `filed` event of a complaint that
   * arrived as a new email, that email (its row names the complaint: the event is written first,
   * in the same transaction, and events never change).
   */
  originalEmailId?: number | null;
};

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
        filedFromEmailId: inboundEmails.id,
      })
      .from(complaintEvents)
      .leftJoin(staffUsers, eq(staffUsers.id, complaintEvents.actorId))
      .leftJoin(
        inboundEmails,
        and(eq(complaintEvents.type, "filed"), eq(inboundEmails.complaintId, complaintEvents.complaintId), eq(inboundEmails.outcome, "complaint")),
      )
      .where(eq(complaintEvents.complaintId, complaintId))
      .orderBy(asc(complaintEvents.createdAt), asc(complaintEvents.id))
      .then((rows) => rows.map(({ filedFromEmailId, ...event }) => ({ ...event, originalEmailId: filedFromEmailId ?? replyEmailId(event) }))),
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

/** A customer's emailed reply names its email in its event (lib/mail/ingest.ts). */
function replyEmailId(event: Pick<CaseTimelineEvent, "actorKind" | "data">): number | null {
  if (event.actorKind !== "customer") return null;
  const id = event.data?.inboundEmailId;
  return typeof id === "number" && Number.isSafeInteger(id) ? id : typeof id === "string" && /^\d+$/.test(id) ? Number(id) : null;
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
