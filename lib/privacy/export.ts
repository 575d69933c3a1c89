import "server-only";
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import {
  complaintEvents,
  complaints,
  customers,
  followUps,
  outboxMessages,
  processes,
  promises,
  rootCauses,
} from "@/db/schema";
import { listAttachments } from "@/lib/attachments/store";
import { NotFoundError } from "@/lib/cases/errors";
import { assertPrivacyOwner, type PrivacyActor } from "./access";
import { recordAudit } from "./audit";

/**
 * Everything the business holds about one customer, for a subject access request: their record,
 * and for each complaint its fields, timeline (customer-visible and internal events alike),
 * promises, follow-ups, attachment details (not the files) and the emails written to them.
 * Debriefs are staff's private reflections and are never exported. Staff are not named: an
 * event says whether the customer, staff or the system did it.
 */

export const EXPORT_FORMAT = "caseroot.customer-export.v1";

/** Data keys that name or identify staff members; the export leaves them out. */
const STAFF_KEYS = new Set(["assigneeId", "assigneeName", "previousAssigneeId", "responsibleStaffId", "responsibleStaffName", "blameOverride"]);

export type CustomerExport = NonNullable<Awaited<ReturnType<typeof buildExport>>>;

async function buildExport(db: Db, customerId: string, now: Date) {
  const [customer] = await db
    .select({
      id: customers.id,
      name: customers.name,
      email: customers.email,
      phone: customers.phone,
      preferredContact: customers.preferredContact,
      createdAt: customers.createdAt,
      erasedAt: customers.erasedAt,
    })
    .from(customers)
    .where(eq(customers.id, customerId))
    .limit(1);
  if (!customer) return null;

  const cases = await db
    .select({
      id: complaints.id,
      reference: complaints.reference,
      channel: complaints.channel,
      status: complaints.status,
      process: processes.name,
      receivedAt: complaints.receivedAt,
      occurredOn: complaints.occurredOn,
      orderReference: complaints.orderReference,
      description: complaints.description,
      desiredOutcome: complaints.desiredOutcome,
      severity: complaints.severity,
      firstResponseAt: complaints.firstResponseAt,
      resolvedAt: complaints.resolvedAt,
      closedAt: complaints.closedAt,
      escalatedAt: complaints.escalatedAt,
      escalationReason: complaints.escalationReason,
      rootCause: rootCauses.name,
      faultAttribution: complaints.faultAttribution,
      requestJudgement: complaints.requestJudgement,
      requestJudgementReason: complaints.requestJudgementReason,
      resolutionType: complaints.resolutionType,
      resolutionDescription: complaints.resolutionDescription,
      goodwillDescription: complaints.goodwillDescription,
      goodwillCostCents: complaints.goodwillCostCents,
      customerAgreement: complaints.customerAgreement,
      satisfaction: complaints.satisfaction,
      satisfactionComment: complaints.satisfactionComment,
      anonymizedAt: complaints.anonymizedAt,
    })
    .from(complaints)
    .leftJoin(processes, eq(processes.id, complaints.processId))
    .leftJoin(rootCauses, eq(rootCauses.id, complaints.rootCauseId))
    .where(eq(complaints.customerId, customerId))
    .orderBy(asc(complaints.receivedAt), asc(complaints.id));
  const ids = cases.map((c) => c.id);

  const [events, promiseRows, followUpRows, files, emails] = ids.length
    ? await Promise.all([
        db
          .select({
            complaintId: complaintEvents.complaintId,
            type: complaintEvents.type,
            visibility: complaintEvents.visibility,
            actorKind: complaintEvents.actorKind,
            body: complaintEvents.body,
            data: complaintEvents.data,
            createdAt: complaintEvents.createdAt,
          })
          .from(complaintEvents)
          .where(inArray(complaintEvents.complaintId, ids))
          .orderBy(asc(complaintEvents.createdAt), asc(complaintEvents.id)),
        db
          .select({ complaintId: promises.complaintId, text: promises.text, dueAt: promises.dueAt, keptAt: promises.keptAt, createdAt: promises.createdAt })
          .from(promises)
          .where(inArray(promises.complaintId, ids))
          .orderBy(asc(promises.dueAt), asc(promises.id)),
        db
          .select({ complaintId: followUps.complaintId, dueAt: followUps.dueAt, completedAt: followUps.completedAt, outcome: followUps.outcome })
          .from(followUps)
          .where(inArray(followUps.complaintId, ids))
          .orderBy(asc(followUps.dueAt), asc(followUps.id)),
        listAttachments(db, ids, "id"),
        // Emails to the customer only; alerts to staff about the case are not addressed to them.
        db
          .select({
            complaintId: outboxMessages.complaintId,
            kind: outboxMessages.kind,
            status: outboxMessages.status,
            to: outboxMessages.toAddress,
            subject: outboxMessages.subject,
            text: outboxMessages.textBody,
            createdAt: outboxMessages.createdAt,
            sentAt: outboxMessages.sentAt,
          })
          .from(outboxMessages)
          .where(and(inArray(outboxMessages.complaintId, ids), isNull(outboxMessages.staffUserId)))
          .orderBy(asc(outboxMessages.createdAt), asc(outboxMessages.id)),
      ])
    : [[], [], [], [], []];

  const of = <T extends { complaintId: string | null }>(rows: T[], id: string) =>
    rows.filter((r) => r.complaintId === id).map(({ complaintId: _omit, ...rest }) => rest);

  return {
    format: EXPORT_FORMAT,
    exportedAt: now,
    customer,
    complaints: cases.map(({ id, ...fields }) => ({
      ...fields,
      timeline: of(events, id).map((e) => ({
        type: e.type,
        visibility: e.visibility,
        by: e.actorKind,
        body: e.body,
        details: Object.fromEntries(Object.entries(e.data ?? {}).filter(([key]) => !STAFF_KEYS.has(key))),
        at: e.createdAt,
      })),
      promises: of(promiseRows, id),
      followUps: of(followUpRows, id),
      attachments: of(files, id).map(({ id: _file, ...file }) => file),
      emails: of(emails, id),
    })),
  };
}

/** The export, audited, for an owner; NotFoundError for an unknown customer. */
export async function exportCustomerData(db: Db, actor: PrivacyActor, customerId: string, options: { now?: Date } = {}): Promise<CustomerExport> {
  assertPrivacyOwner(actor, "export a customer's data");
  if (!z.uuid().safeParse(customerId).success) throw new NotFoundError("That customer does not exist.");
  const now = options.now ?? new Date();
  const data = await buildExport(db, customerId, now);
  if (!data) throw new NotFoundError("That customer does not exist.");
  await recordAudit(db, {
    staffId: actor.id,
    action: "customer.exported",
    subjectType: "customer",
    subjectId: customerId,
    detail: { complaints: data.complaints.length },
    at: now,
  });
  return data;
}

export function exportFileName(customerId: string): string {
  return `customer-${customerId}.json`;
}
