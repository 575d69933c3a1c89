import "server-only";
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { complaints, customers, emailTemplates, outboxMessages, staffUsers, trackingLinks } from "@/db/schema";
import type { OutboxKind } from "@/db/schema/outbox";
import { generateTrackingToken, hashTrackingToken } from "@/lib/complaints/reference";
import { env } from "@/lib/env";
import { formatWeekdayDateTime } from "@/lib/format/dates";
import { getBusinessSettings } from "@/lib/settings/business";
import { newReplyToken, replyAddress } from "@/lib/mail/reply-address";
import { contactByPhoneOnly } from "./contact";
import { DEFAULT_TEMPLATES, renderTemplate, type TemplateText } from "./templates";

/**
 * Writing emails into the outbox. Call these INSIDE the transaction that records the event the
 * email is about: if that transaction rolls back, the email was never queued; if it commits, the
 * email will be delivered (see worker.ts). See lib/outbox/index.ts for how to use them.
 */

type Common = {
  complaintId: string;
  /** Same key, same email: a retried action does not queue it twice. Default: a fresh key. */
  dedupeKey?: string;
  /** Base of the links in the email; default APP_URL. */
  baseUrl?: string;
  now?: Date;
};

export type CustomerEmailInput = Common &
  (
    | { kind: "acknowledgement"; trackingUrl: string }
    | { kind: "call_summary"; summary: string }
    | { kind: "staff_reply"; message: string }
    | { kind: "resolution_proposed"; message?: string }
    | { kind: "follow_up"; message?: string }
    | { kind: "closure"; message?: string }
    | { kind: "tracking_link"; trackingUrl: string }
  );

export type EnqueueResult = { id: string; status: "pending" | "skipped"; duplicate: boolean };

const RESOLUTION_WORDS: Record<string, string> = {
  repair: "a repair",
  redo: "doing the work again",
  replace: "a replacement",
  refund: "a refund",
  credit: "a credit",
  explanation: "an explanation",
  referral: "a referral",
  none: "no further action",
};

/** Queues an email to the complaint's customer, or a `skipped` row when they gave no email address. */
export async function enqueueCustomerEmail(tx: Tx, input: CustomerEmailInput): Promise<EnqueueResult> {
  const now = input.now ?? new Date();
  const [row] = await tx
    .select({
      reference: complaints.reference,
      firstResponseDueAt: complaints.firstResponseDueAt,
      resolutionType: complaints.resolutionType,
      resolutionDescription: complaints.resolutionDescription,
      customerName: customers.name,
      email: customers.email,
      erasedAt: customers.erasedAt,
      replyToken: complaints.replyToken,
    })
    .from(complaints)
    .innerJoin(customers, eq(customers.id, complaints.customerId))
    .where(eq(complaints.id, input.complaintId))
    .limit(1);
  if (!row) throw new Error(`No complaint ${input.complaintId} to email about`);
  const business = await businessOf(tx);
  const dedupeKey = input.dedupeKey ?? `${input.kind}:${input.complaintId}:${randomUUID()}`;
  const earlier = input.dedupeKey ? await findByDedupeKey(tx, dedupeKey) : null;
  if (earlier) return earlier;

  if (contactByPhoneOnly(row)) {
    return insertMessage(tx, {
      kind: input.kind,
      complaintId: input.complaintId,
      toAddress: null,
      rendered: { subject: `(not sent) ${input.kind} for ${row.reference}`, text: "", html: "" },
      status: "skipped",
      skipReason: row.erasedAt ? "The customer's personal data was erased" : "The customer gave no email address: contact them by phone",
      dedupeKey,
      now,
    });
  }

  const trackingUrl = "trackingUrl" in input ? input.trackingUrl : await mintTrackingUrl(tx, input.complaintId, input.baseUrl, now);
  const values: Record<string, string> = {
    businessName: business.name,
    customerName: row.customerName,
    reference: row.reference,
    trackingUrl,
    firstResponseBy: row.firstResponseDueAt ? formatWeekdayDateTime(row.firstResponseDueAt, business.timeZone) : "",
    summary: "summary" in input ? input.summary : "",
    message: "message" in input ? (input.message ?? "") : "",
    resolutionType: row.resolutionType ? (RESOLUTION_WORDS[row.resolutionType] ?? row.resolutionType) : "",
    resolutionDescription: row.resolutionDescription ?? "",
  };
  const template = await templateFor(tx, input.kind);
  return insertMessage(tx, {
    kind: input.kind,
    complaintId: input.complaintId,
    toAddress: row.email!,
    replyTo: await caseReplyAddress(tx, input.complaintId, row.replyToken),
    rendered: renderTemplate(template, values, business.name),
    status: "pending",
    dedupeKey,
    now,
  });
}

export type StaffEmailInput = {
  staffUserId: string;
  kind: "staff_alert" | "staff_digest" | "security_alert";
  complaintId?: string;
  values: Record<string, string>;
  dedupeKey?: string;
  now?: Date;
  /** Staff emails are only queued when mail can actually go out; tests pass true. */
  mailConfigured?: boolean;
};

/**
 * Queues an email to a staff member. Nothing is queued while SMTP is not configured: staff see
 * the same facts in the workspace (What's due, the queue), so the outbox is not filled with
 * internal mail nobody will receive.
 */
export async function enqueueStaffEmail(tx: Tx, input: StaffEmailInput): Promise<EnqueueResult | null> {
  if (!(input.mailConfigured ?? Boolean(env.SMTP_URL))) return null;
  const [staff] = await tx
    .select({ name: staffUsers.name, email: staffUsers.email, active: staffUsers.active })
    .from(staffUsers)
    .where(eq(staffUsers.id, input.staffUserId))
    .limit(1);
  if (!staff?.active) return null;
  const business = await businessOf(tx);
  const values = { businessName: business.name, staffName: staff.name.split(" ")[0] ?? staff.name, ...input.values };
  return insertMessage(tx, {
    kind: input.kind,
    complaintId: input.complaintId ?? null,
    staffUserId: input.staffUserId,
    toAddress: staff.email,
    rendered: renderTemplate(await templateFor(tx, input.kind), values, business.name),
    status: "pending",
    dedupeKey: input.dedupeKey ?? `${input.kind}:${input.staffUserId}:${randomUUID()}`,
    now: input.now ?? new Date(),
  });
}

/**
 * The case's reply address (MAIL_REPLY_TO plus the case's token), giving the case its token on
 * its first email. Null without MAIL_REPLY_TO: replies are then matched by their threading headers.
 */
async function caseReplyAddress(tx: Tx, complaintId: string, existing: string | null): Promise<string | null> {
  if (!env.MAIL_REPLY_TO) return null;
  let token = existing;
  if (!token) {
    token = newReplyToken();
    await tx.update(complaints).set({ replyToken: token }).where(eq(complaints.id, complaintId));
  }
  return replyAddress(env.MAIL_REPLY_TO, token);
}

/** The address links in emails start with. */
export function emailBaseUrl(baseUrl?: string): string {
  return (baseUrl ?? env.APP_URL ?? "http://localhost:3000").replace(/\/+$/, "");
}

/**
 * A new tracking link for this email (only its hash is stored). The original token exists only
 * at filing, so later emails each carry a token of their own; all open the same case.
 */
async function mintTrackingUrl(tx: Tx, complaintId: string, baseUrl: string | undefined, now: Date): Promise<string> {
  const token = generateTrackingToken();
  await tx.insert(trackingLinks).values({ complaintId, tokenHash: hashTrackingToken(token), createdAt: now });
  return `${emailBaseUrl(baseUrl)}/track/${token}`;
}

async function businessOf(tx: Tx): Promise<{ name: string; timeZone: string }> {
  const { businessName, timeZone } = await getBusinessSettings(tx);
  return { name: businessName, timeZone };
}

export async function templateFor(tx: Pick<Tx, "select">, kind: OutboxKind): Promise<TemplateText> {
  const [row] = await tx.select({ subject: emailTemplates.subject, body: emailTemplates.body }).from(emailTemplates).where(eq(emailTemplates.kind, kind)).limit(1);
  return row ?? DEFAULT_TEMPLATES[kind];
}

type NewMessage = {
  kind: OutboxKind;
  complaintId: string | null;
  staffUserId?: string;
  toAddress: string | null;
  replyTo?: string | null;
  rendered: { subject: string; text: string; html: string };
  status: "pending" | "skipped";
  skipReason?: string;
  dedupeKey: string;
  now: Date;
};

/** Inserts once per dedupe key; a second call with the same key returns the first row. */
async function insertMessage(tx: Tx, m: NewMessage): Promise<EnqueueResult> {
  const [inserted] = await tx
    .insert(outboxMessages)
    .values({
      kind: m.kind,
      complaintId: m.complaintId,
      staffUserId: m.staffUserId ?? null,
      toAddress: m.toAddress,
      replyTo: m.replyTo ?? null,
      subject: m.rendered.subject,
      textBody: m.rendered.text,
      htmlBody: m.rendered.html,
      status: m.status,
      skipReason: m.skipReason ?? null,
      dedupeKey: m.dedupeKey,
      nextAttemptAt: m.now,
      createdAt: m.now,
      updatedAt: m.now,
    })
    .onConflictDoNothing({ target: outboxMessages.dedupeKey })
    .returning({ id: outboxMessages.id, status: outboxMessages.status });
  if (inserted) return { id: inserted.id, status: inserted.status as EnqueueResult["status"], duplicate: false };
  return (await findByDedupeKey(tx, m.dedupeKey))!;
}

async function findByDedupeKey(tx: Tx, dedupeKey: string): Promise<EnqueueResult | null> {
  const [existing] = await tx
    .select({ id: outboxMessages.id, status: outboxMessages.status })
    .from(outboxMessages)
    .where(eq(outboxMessages.dedupeKey, dedupeKey))
    .limit(1);
  if (!existing) return null;
  return { id: existing.id, status: existing.status === "skipped" ? "skipped" : "pending", duplicate: true };
}
