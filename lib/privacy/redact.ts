import "server-only";
import { and, inArray, isNull, sql, type SQL, type AnyColumn } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { attachments, complaintEvents, complaints, customers, debriefs, followUps, inboundAttempts, inboundEmails, outboxMessages, promises, trackingLinks } from "@/db/schema";

/**
 * The one redaction both erasure (on the customer's request) and the retention rule use.
 * Personal text goes; everything the statistics are made of stays: statuses, process, root cause,
 * fault, judgement, severity, times, minutes, satisfaction scores, event types and dates. So every
 * analytics figure is the same before and after.
 */

export const ERASED_TEXT = "[removed at the customer's request]";
export const RETENTION_TEXT = "[removed: the retention period ended]";
export const ERASED_CUSTOMER_NAME = "Erased customer";
/** Sent emails need an address (a check constraint); this stands in for the customer's. */
export const ERASED_ADDRESS = "[erased]";

export type RedactionReason = "request" | "retention";

export function removedText(reason: RedactionReason): string {
  return reason === "request" ? ERASED_TEXT : RETENTION_TEXT;
}

/**
 * Keys of complaint_events.data that carry no personal text: ids, enums, numbers, dates, and
 * names from the business's own taxonomy or staff list. Every other key (reasons, restated issues,
 * promise text, goodwill description, follow-up outcome, file names, override reasons) is dropped.
 */
export const KEPT_EVENT_DATA_KEYS = [
  "about",
  "assigneeId",
  "assigneeName",
  "attachmentId",
  "automatic",
  "callEventId",
  "capturedBy",
  "channel",
  "contentType",
  "costCents",
  "descriptionFromIssue",
  "direction",
  "dueAt",
  "durationMinutes",
  "escalatedAt",
  "faultAttribution",
  "faultConfirmationCleared",
  "followUpId",
  "from",
  "imported",
  "inboundEmailId",
  "judgement",
  "kind",
  "late",
  "previousAssigneeId",
  "previousJudgement",
  "previousSeverity",
  "process",
  "processId",
  "promiseId",
  "rating",
  "resolutionType",
  "responsibleStaffId",
  "responsibleStaffName",
  "restatedEventId",
  "revised",
  "rootCause",
  "rootCauseId",
  "severity",
  "sizeBytes",
  "source",
  "to",
  "type",
] as const;

/** `text` where the column held something, null where it was empty: "was there a reason" survives, the reason does not. */
function replaceIfPresent(column: AnyColumn, text: string): SQL {
  return sql`case when ${column} is null then null else ${text} end`;
}

/**
 * Removes the personal data of these complaints. Must run inside a transaction: it turns on
 * `caseroot.redacting` for that transaction only (the one exception to immutable timeline events,
 * see db/migrations/0005_hardening.sql). Idempotent.
 */
export async function redactComplaints(tx: Tx, complaintIds: string[], reason: RedactionReason, now: Date): Promise<void> {
  if (complaintIds.length === 0) return;
  const removed = removedText(reason);
  await tx.execute(sql`set local caseroot.redacting = 'on'`);

  await tx
    .update(complaints)
    .set({
      description: removed,
      desiredOutcome: replaceIfPresent(complaints.desiredOutcome, removed),
      orderReference: null,
      requestJudgementReason: replaceIfPresent(complaints.requestJudgementReason, removed),
      escalationReason: replaceIfPresent(complaints.escalationReason, removed),
      resolutionDescription: replaceIfPresent(complaints.resolutionDescription, removed),
      goodwillDescription: replaceIfPresent(complaints.goodwillDescription, removed),
      satisfactionComment: null,
      // The customer's tracking link stops working: no token hashes to this (random) value.
      trackingTokenHash: sql`encode(sha256(convert_to(gen_random_uuid()::text || gen_random_uuid()::text, 'UTF8')), 'hex')`,
      anonymizedAt: sql`coalesce(${complaints.anonymizedAt}, ${now.toISOString()}::timestamptz)`,
      // Open forms on the case carry the old version and are refused rather than writing over this.
      version: sql`${complaints.version} + 1`,
      updatedAt: now,
    })
    .where(inArray(complaints.id, complaintIds));

  const kept = sql.join(
    KEPT_EVENT_DATA_KEYS.map((key) => sql`${key}`),
    sql`, `,
  );
  await tx
    .update(complaintEvents)
    .set({
      body: replaceIfPresent(complaintEvents.body, removed),
      data: sql`coalesce((select jsonb_object_agg(e.key, e.value) from jsonb_each(${complaintEvents.data}) e where e.key in (${kept})), '{}'::jsonb)`,
    })
    .where(inArray(complaintEvents.complaintId, complaintIds));

  await tx.update(promises).set({ text: removed }).where(inArray(promises.complaintId, complaintIds));
  await tx
    .update(followUps)
    .set({ outcome: replaceIfPresent(followUps.outcome, removed) })
    .where(inArray(followUps.complaintId, complaintIds));
  // Debriefs are staff notes about a hard interaction with this person: the text goes, the count stays.
  await tx.update(debriefs).set({ body: removed }).where(inArray(debriefs.complaintId, complaintIds));
  await tx.delete(attachments).where(inArray(attachments.complaintId, complaintIds));
  // The emails that made these complaints and messages: the original goes, the record that one was taken stays.
  await tx
    .update(inboundEmails)
    .set({ raw: Buffer.alloc(0), fromAddress: null, subject: removed, reason: null })
    .where(inArray(inboundEmails.complaintId, complaintIds));
  await tx
    .update(trackingLinks)
    .set({ revokedAt: now })
    .where(and(inArray(trackingLinks.complaintId, complaintIds), isNull(trackingLinks.revokedAt)));

  // Emails not sent yet are cancelled; every email about these cases loses its text, and the
  // customer's address is removed (a sent one keeps a placeholder, which the table requires).
  await tx
    .update(outboxMessages)
    .set({ status: "skipped", skipReason: "Personal data erased", leaseUntil: null, updatedAt: now })
    .where(and(inArray(outboxMessages.complaintId, complaintIds), inArray(outboxMessages.status, ["pending", "sending", "failed"])));
  await tx
    .update(outboxMessages)
    .set({
      toAddress: sql`case when ${outboxMessages.staffUserId} is not null then ${outboxMessages.toAddress} when ${outboxMessages.status} = 'skipped' then null else ${ERASED_ADDRESS} end`,
      subject: removed,
      textBody: removed,
      htmlBody: `<p>${removed.replace("'", "&#39;")}</p>`,
      lastError: null,
      updatedAt: now,
    })
    .where(inArray(outboxMessages.complaintId, complaintIds));
}

/** Replaces a customer's name and contact details; the row stays so their cases still count together. */
export async function eraseCustomerRecords(tx: Tx, customerIds: string[], now: Date): Promise<void> {
  if (customerIds.length === 0) return;
  // Their emails that could not be taken (lib/mail/attempts.ts) are on no case, but name their
  // address and subject: matched by address before it goes. The count and error stay for the owner.
  await tx
    .update(inboundAttempts)
    .set({ fromAddress: null, subject: ERASED_TEXT })
    .where(sql`lower(${inboundAttempts.fromAddress}) in (select ${customers.emailNormalized} from ${customers} where ${inArray(customers.id, customerIds)})`);
  await tx
    .update(customers)
    .set({
      name: ERASED_CUSTOMER_NAME,
      email: null,
      emailNormalized: null,
      phone: null,
      phoneNormalized: null,
      erasedAt: sql`coalesce(${customers.erasedAt}, ${now.toISOString()}::timestamptz)`,
      updatedAt: now,
    })
    .where(inArray(customers.id, customerIds));
}
