import "server-only";
import { asc, eq, and, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Db, Tx } from "@/db/client";
import { complaintEvents, complaints, processes, promises, trackingLinks, type CASE_STATUSES } from "@/db/schema";
import { listAttachments, saveAttachments, type AttachmentSummary } from "@/lib/attachments/store";
import { checkAttachments, type UploadLike, type ValidAttachment } from "@/lib/attachments/validate";
import { CUSTOMER_STATUS_LABELS } from "@/lib/labels";
import { alertAssignee } from "./alert-assignee";
import { customerAsks, type CustomerAsks } from "./customer-asks";
import { DEFAULT_SETTINGS, getBusinessSettings, type BusinessSettings } from "@/lib/settings/business";
import { stripControlCharacters } from "./intake-schema";
import { hashTrackingToken, isWellFormedTrackingToken } from "./reference";

/**
 * What a customer sees through their private tracking link. Everything here is selected column by
 * column from customer-facing data: internal notes, severity, judgement, root cause, fault and
 * debriefs are never read, so they cannot leak into the page by accident.
 */

type CaseStatus = (typeof CASE_STATUSES)[number];

export type PublicBusinessInfo = { name: string; firstResponseHours: number; timeZone: string };

/** What customers see of the business's settings. */
function publicBusinessOf({ businessName, firstResponseHours, timeZone }: BusinessSettings): PublicBusinessInfo {
  return { name: businessName, firstResponseHours, timeZone };
}

/** What customers see before the owner has saved the business settings (or while the database is unreachable). */
export const DEFAULT_PUBLIC_BUSINESS: PublicBusinessInfo = publicBusinessOf(DEFAULT_SETTINGS);

export async function getPublicBusinessInfo(db: Db): Promise<PublicBusinessInfo> {
  return publicBusinessOf(await getBusinessSettings(db));
}

/**
 * The complaint a tracking token opens, or null. A token is either the one issued at filing
 * (complaints.tracking_token_hash) or one minted for an email (tracking_links, until revoked).
 * Malformed tokens never reach the database.
 */
export async function findComplaintIdByToken(db: Db | Tx, token: string): Promise<string | null> {
  if (!isWellFormedTrackingToken(token)) return null;
  const hash = hashTrackingToken(token);
  const [main] = await db.select({ id: complaints.id }).from(complaints).where(eq(complaints.trackingTokenHash, hash)).limit(1);
  if (main) return main.id;
  const [extra] = await db
    .select({ id: trackingLinks.complaintId })
    .from(trackingLinks)
    .where(and(eq(trackingLinks.tokenHash, hash), isNull(trackingLinks.revokedAt)))
    .limit(1);
  return extra?.id ?? null;
}

export type TimelineEntry = {
  id: number;
  type: string;
  /** Who did it, as the customer should read it: themselves, or the business (never a staff name). */
  actor: "customer" | "business";
  body: string | null;
  /** The few structured details the page may show (status reached, file name). */
  toStatus: CaseStatus | null;
  fileName: string | null;
  /** 1–5 on satisfaction_rated events. */
  rating: number | null;
  createdAt: Date;
};

export type PromiseEntry = { id: string; text: string; dueAt: Date; keptAt: Date | null; overdue: boolean };

export type TrackingView = {
  id: string;
  reference: string;
  status: CaseStatus;
  statusLabel: string;
  receivedAt: Date;
  processName: string | null;
  orderReference: string | null;
  occurredOn: string | null;
  description: string;
  desiredOutcome: string | null;
  attachments: AttachmentSummary[];
  timeline: TimelineEntry[];
  promises: PromiseEntry[];
  resolutionType: string | null;
  resolutionDescription: string | null;
  satisfaction: number | null;
  satisfactionComment: string | null;
  /** What the page asks the customer now (see customer-asks.ts). */
  asks: CustomerAsks;
};

export async function getTrackingView(db: Db, token: string, now = new Date()): Promise<TrackingView | null> {
  const complaintId = await findComplaintIdByToken(db, token);
  if (!complaintId) return null;
  const [complaint] = await db
    .select({
      id: complaints.id,
      reference: complaints.reference,
      status: complaints.status,
      receivedAt: complaints.receivedAt,
      processName: processes.name,
      orderReference: complaints.orderReference,
      occurredOn: complaints.occurredOn,
      description: complaints.description,
      desiredOutcome: complaints.desiredOutcome,
      resolutionType: complaints.resolutionType,
      resolutionDescription: complaints.resolutionDescription,
      satisfaction: complaints.satisfaction,
      satisfactionComment: complaints.satisfactionComment,
    })
    .from(complaints)
    .leftJoin(processes, eq(processes.id, complaints.processId))
    .where(eq(complaints.id, complaintId))
    .limit(1);
  if (!complaint) return null;

  const [events, promiseRows, files] = await Promise.all([
    db
      .select({
        id: complaintEvents.id,
        type: complaintEvents.type,
        actorKind: complaintEvents.actorKind,
        body: complaintEvents.body,
        data: complaintEvents.data,
        createdAt: complaintEvents.createdAt,
      })
      .from(complaintEvents)
      .where(and(eq(complaintEvents.complaintId, complaint.id), eq(complaintEvents.visibility, "customer")))
      .orderBy(asc(complaintEvents.createdAt), asc(complaintEvents.id)),
    db
      .select({ id: promises.id, text: promises.text, dueAt: promises.dueAt, keptAt: promises.keptAt })
      .from(promises)
      .where(eq(promises.complaintId, complaint.id))
      .orderBy(asc(promises.dueAt)),
    listAttachments(db, [complaint.id], "fileName"),
  ]);

  return {
    ...complaint,
    statusLabel: CUSTOMER_STATUS_LABELS[complaint.status],
    attachments: files,
    asks: customerAsks(events, complaint),
    timeline: withoutRepeatedStatuses(events.map((event) => ({
      id: event.id,
      type: event.type,
      actor: event.actorKind === "customer" ? "customer" : "business",
      body: event.body,
      toStatus: statusIn(event.data?.to),
      fileName: typeof event.data?.fileName === "string" ? event.data.fileName : null,
      rating: typeof event.data?.rating === "number" ? event.data.rating : null,
      createdAt: event.createdAt,
    }))),
    promises: promiseRows.map((p) => ({ ...p, overdue: !p.keptAt && p.dueAt.getTime() < now.getTime() })),
  };
}

/**
 * Two staff-side statuses share one customer label ("Resolution proposed" and "Awaiting customer" both
 * read "Waiting for your answer"), so a move between them would show the customer the same status
 * twice. A status line is kept only when the label the customer reads changes.
 */
export function withoutRepeatedStatuses(entries: TimelineEntry[]): TimelineEntry[] {
  let shown: string | null = null;
  return entries.filter((entry) => {
    if (entry.type !== "status_changed" || !entry.toStatus) return true;
    const label = CUSTOMER_STATUS_LABELS[entry.toStatus];
    if (label === shown) return false;
    shown = label;
    return true;
  });
}

function statusIn(value: unknown): CaseStatus | null {
  return typeof value === "string" && value in CUSTOMER_STATUS_LABELS ? (value as CaseStatus) : null;
}

export const MESSAGE_MAX = 5_000;

export const CustomerMessageSchema = z.object({
  body: z
    .string({ error: "Please write your message" })
    .transform((value) => stripControlCharacters(value).trim())
    .pipe(
      z
        .string()
        .min(1, "Please write your message")
        .max(MESSAGE_MAX, `Please keep your message under ${MESSAGE_MAX.toLocaleString("en")} characters`),
    ),
});

export type AddMessageResult =
  | { ok: true; files: number }
  | { ok: false; error: string; fieldErrors: Record<string, string> }
  | { ok: false; notFound: true };

/**
 * The customer writes on their case, with up to five photos or PDFs (the complaint form's checks,
 * lib/attachments): a customer-visible event per message and per file, and the case counts as
 * active again. The assignee is told, with the number of files.
 */
export async function addCustomerMessage(db: Db, token: string, body: unknown, uploads: UploadLike[] = []): Promise<AddMessageResult> {
  const parsed = CustomerMessageSchema.safeParse({ body });
  const files = await checkAttachments(uploads);
  if (!parsed.success || !files.ok) {
    const fieldErrors: Record<string, string> = {};
    if (!parsed.success) fieldErrors.body = parsed.error.issues[0]?.message ?? "Please write your message";
    if (!files.ok) fieldErrors.attachments = files.error;
    return { ok: false, error: fieldErrors.body ?? fieldErrors.attachments!, fieldErrors };
  }
  const complaintId = await findComplaintIdByToken(db, token);
  if (!complaintId) return { ok: false, notFound: true };
  await db.transaction((tx) => recordCustomerMessage(tx, complaintId, parsed.data.body, { files: files.files }));
  return { ok: true, files: files.files.length };
}

/**
 * A customer's message on their case, inside the caller's transaction: a customer-visible event
 * (with `data`, e.g. the email it came in) and its files, the case counts as active again, and its
 * assignee is told, with the number of files. The tracking page and replies by email
 * (lib/mail/ingest.ts) both write messages here.
 */
export async function recordCustomerMessage(
  tx: Tx,
  complaintId: string,
  body: string,
  options: { data?: Record<string, unknown>; at?: Date; files?: ValidAttachment[] } = {},
): Promise<number> {
  const { data, files = [] } = options;
  // One time for the message and its files: they come in that order on the timeline (same time, then id).
  const at = options.at ?? new Date();
  const [c] = await tx
    .select({ id: complaints.id, reference: complaints.reference, assigneeId: complaints.assigneeId })
    .from(complaints)
    .where(eq(complaints.id, complaintId));
  const [event] = await tx
    .insert(complaintEvents)
    .values({ complaintId, type: "customer_message", visibility: "customer", actorKind: "customer", body, data, createdAt: at })
    .returning({ id: complaintEvents.id });
  await saveAttachments(tx, complaintId, files, at);
  // Not a change to the case's fields, so the optimistic-concurrency version stays as it is.
  await tx.update(complaints).set({ lastActivityAt: at }).where(eq(complaints.id, complaintId));
  const attached = files.length === 0 ? "" : files.length === 1 ? " (1 file attached)" : ` (${files.length} files attached)`;
  if (c) await alertAssignee(tx, c, `The customer wrote a message${attached}`, body);
  return event!.id;
}

/** The tracking link as the customer should keep it. */
export function trackingUrl(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/+$/, "")}/track/${token}`;
}
