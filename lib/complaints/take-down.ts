import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { complaints, customers } from "@/db/schema";
import { checkAttachments, type UploadLike } from "@/lib/attachments/validate";
import { Refusal } from "@/lib/forms/refusal";
import { contactByPhoneOnly } from "@/lib/outbox/contact";
import { recordAudit } from "@/lib/privacy/audit";
import { getBusinessTimeZone } from "@/lib/settings/business";
import { localDate, localDateTimeToInstant } from "@/lib/time/zone";
import {
  checkReceivedAt,
  fileComplaint,
  IntakeRejectedError,
  ReceivedAtRejectedError,
  STAFF_INTAKE_CHANNELS,
  type StaffIntakeChannel,
} from "./intake";
import { parseIntake } from "./intake-schema";
import { BACKDATE_REASON_MAX, NEW_CUSTOMER, type TakeDownForm } from "./take-down-fields";

export { NEW_CUSTOMER, type TakeDownForm };

/**
 * A complaint a member of staff takes down for the customer (the New complaint page): on the
 * phone, from a letter or an email, at the counter. The customer is one already on record
 * ("Same person") or new contact details; either way the complaint is filed through the one
 * intake path (fileComplaint), so the same checks, de-duplication and acknowledgement apply.
 */

/**
 * The public form's messages speak to the customer ("tell us your name"); here staff read them.
 * Only the ones that would read wrongly are reworded.
 */
const STAFF_WORDING: Record<string, string> = {
  "Please tell us your name": "Enter the customer's name",
  "Please give an email address or a phone number so we can reach you": "Enter the customer's email address or phone number",
  "We can only email you if you give an email address": "Email needs an email address above",
  "We can only phone you if you give a phone number": "Phone needs a phone number above",
  "Please tell us what went wrong": "Write down what went wrong, in the customer's words",
  "Please tell us a little more: at least 20 characters": "Write a little more: at least 20 characters",
  "Please choose what your complaint is about, or “Not sure”": "Choose the process, or “Not sure”",
  "Please choose one of the listed areas, or “Not sure”": "Choose one of the listed processes, or “Not sure”",
};
const staffWording = (errors: Record<string, string | undefined>) =>
  Object.fromEntries(Object.entries(errors).filter((e): e is [string, string] => Boolean(e[1])).map(([field, message]) => [field, STAFF_WORDING[message] ?? message]));

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Who is recording it. */
export type TakeDownActor = { id: string };

export type TakenDown = { reference: string; replay: boolean };

/**
 * Checks every field at once (so staff see every problem together), then files the complaint as
 * taken down by `actor`, with an audit entry in the same transaction. Refuses with a message per
 * field and stores nothing when anything is wrong. The received date and time are read in the
 * business's time zone; both empty means now, a time alone means earlier today.
 */
export async function recordComplaintForCustomer(
  db: Db,
  actor: TakeDownActor,
  form: TakeDownForm,
  uploads: UploadLike[],
  options: { now?: Date; baseUrl?: string } = {},
): Promise<TakenDown> {
  const now = options.now ?? new Date();
  const errors: Record<string, string> = {};

  const channel = (STAFF_INTAKE_CHANNELS as readonly string[]).includes(form.channel) ? (form.channel as StaffIntakeChannel) : null;
  if (!channel) errors.channel = "Choose how the complaint reached you";

  const received = await receivedAtOf(db, form, now);
  Object.assign(errors, received.errors);
  const backdateReason = form.backdateReason.trim();
  if (backdateReason.length > BACKDATE_REASON_MAX) errors.backdateReason = `Keep the reason under ${BACKDATE_REASON_MAX} characters`;

  const existing = form.customerId && form.customerId !== NEW_CUSTOMER ? await customerOnRecord(db, form.customerId) : null;
  if (form.customerId && form.customerId !== NEW_CUSTOMER && !existing) {
    errors.customerId = "That customer is no longer on record: search again, or enter their details as someone new";
  }
  const contact = existing
    ? { name: existing.name, email: existing.email ?? "", phone: existing.phone ?? "", preferredContact: existing.preferredContact }
    : { name: form.name, email: form.email, phone: form.phone, preferredContact: form.preferredContact };
  const parsed = parseIntake({
    ...contact,
    processId: form.processId,
    description: form.description,
    desiredOutcome: form.desiredOutcome,
    idempotencyKey: form.idempotencyKey,
  });
  if (parsed.kind === "invalid") {
    const { name, email, phone, preferredContact, ...complaintErrors } = parsed.fieldErrors;
    Object.assign(errors, staffWording(complaintErrors));
    const contactError = name ?? email ?? phone ?? preferredContact;
    // Details on record that intake would not take now (an old import's phone): the choice is
    // what is wrong, not fields staff did not fill in.
    if (existing && contactError) errors.customerId ??= "This customer's details on record are incomplete: enter them as someone new";
    else if (!existing) Object.assign(errors, staffWording({ name, email, phone, preferredContact }));
  }
  const files = await checkAttachments(uploads);
  if (!files.ok) errors.attachments = files.error;

  if (Object.keys(errors).length > 0 || parsed.kind === "invalid" || !files.ok || !channel) {
    throw new Refusal("Please check the form before saving.", errors);
  }

  try {
    const result = await fileComplaint(db, parsed.data, {
      channel,
      takenBy: { staffId: actor.id, ...(received.at ? { receivedAt: received.at } : {}), ...(backdateReason ? { backdateReason } : {}) },
      attachments: files.files,
      now,
      baseUrl: options.baseUrl,
      within: (tx, filed) =>
        recordAudit(tx, {
          staffId: actor.id,
          action: "complaint.taken_down",
          subjectType: "complaint",
          subjectId: filed.complaintId,
          // No personal data in the audit log (lib/privacy/audit.ts): the reference says enough.
          // Backdated: earlier than now by more than the grace a reason is asked for.
          detail: { reference: filed.reference, channel, backdated: Boolean(received.at && checkReceivedAt(received.at, now, undefined)), existingCustomer: Boolean(existing) },
          at: now,
        }),
    });
    return { reference: result.reference, replay: Boolean(result.replay) };
  } catch (error) {
    if (error instanceof ReceivedAtRejectedError) throw new Refusal("Please check the form before saving.", { [receivedAtField(received.at ?? now, now, form)]: error.message });
    if (error instanceof IntakeRejectedError) throw new Refusal("Please check the form before saving.", staffWording(error.fieldErrors));
    throw error;
  }
}

/**
 * The received time staff gave, or none for now, with the field a problem belongs to: the date or
 * time when it cannot be read, is in the future or too far back; the reason when only that is missing.
 */
async function receivedAtOf(db: Db, form: TakeDownForm, now: Date): Promise<{ at?: Date; errors: Record<string, string> }> {
  const date = form.receivedDate.trim();
  const time = form.receivedTime.trim();
  if (!date && !time) return { errors: {} };
  if (date && !time) return { errors: { receivedTime: "Enter the time it was received too (an estimate is fine)" } };
  const timeZone = await getBusinessTimeZone(db);
  const local = localDateTimeToInstant(date || localDate(now, timeZone), time, timeZone);
  if (!local.ok) return { errors: { [/time/i.test(local.message) && !/date/i.test(local.message) ? "receivedTime" : "receivedDate"]: local.message } };
  const problem = checkReceivedAt(local.instant, now, form.backdateReason);
  return { at: local.instant, errors: problem ? { [receivedAtField(local.instant, now, form)]: problem } : {} };
}

/** A received time refused only for want of a reason is the reason's problem; otherwise the date's. */
function receivedAtField(at: Date, now: Date, form: TakeDownForm): "receivedDate" | "receivedTime" | "backdateReason" {
  if (checkReceivedAt(at, now, "given") === null) return "backdateReason";
  return form.receivedDate.trim() ? "receivedDate" : "receivedTime";
}

async function customerOnRecord(db: Db, id: string) {
  if (!UUID.test(id)) return null;
  const [row] = await db
    .select({ name: customers.name, email: customers.email, phone: customers.phone, preferredContact: customers.preferredContact })
    .from(customers)
    .where(and(eq(customers.id, id), isNull(customers.erasedAt)))
    .limit(1);
  return row ?? null;
}

export type TakenDownSummary = { reference: string; customerName: string; channel: string; callToConfirm: boolean };

/** What the page shows once a complaint is saved: the reference to read out, and whether to call to confirm. */
export async function takenDownSummary(db: Db, reference: string): Promise<TakenDownSummary | null> {
  const [row] = await db
    .select({ reference: complaints.reference, channel: complaints.channel, name: customers.name, email: customers.email, erasedAt: customers.erasedAt })
    .from(complaints)
    .innerJoin(customers, eq(customers.id, complaints.customerId))
    .where(eq(complaints.reference, reference))
    .limit(1);
  if (!row) return null;
  return { reference: row.reference, customerName: row.name, channel: row.channel, callToConfirm: contactByPhoneOnly(row) };
}
