import "server-only";
import { createHash } from "node:crypto";
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { isUniqueViolation } from "@/db/errors";
import { businessSettings, complaintEvents, complaints, processes } from "@/db/schema";
import { saveAttachments } from "@/lib/attachments/store";
import { checkAttachments, type UploadLike, type ValidAttachment } from "@/lib/attachments/validate";
import { findOrCreateCustomer } from "@/lib/customers/dedupe";
import { normalizeEmail, normalizePhone } from "@/lib/customers/normalize";
import { LIMITS } from "@/lib/security/limits";
import { consume, type RateLimitRule } from "@/lib/security/rate-limit";
import { emailBaseUrl, enqueueCustomerEmail } from "@/lib/outbox/enqueue";
import { isHoneypotFilled, parseIntake, type IntakeFieldErrors, type IntakeInput } from "./intake-schema";
import { generateReference, generateTrackingToken, hashTrackingToken } from "./reference";
import { trackingUrl } from "./tracking";

/** How a complaint reached the business when a member of staff takes it down for the customer. */
export const STAFF_INTAKE_CHANNELS = ["phone", "email", "letter", "in_person", "social"] as const;
export type StaffIntakeChannel = (typeof STAFF_INTAKE_CHANNELS)[number];

/** How far back a member of staff may date a complaint they record. */
export const MAX_BACKDATE_DAYS = 30;
/** A received time this close to now is "now": no reason is asked for. */
const BACKDATE_GRACE_MS = 10 * 60_000;

/**
 * The received time a member of staff gives: not in the future, at most 30 days back, and a reason
 * whenever it is earlier than now. Returns the message to show, or null when it is acceptable.
 */
export function checkReceivedAt(receivedAt: Date, now: Date, backdateReason: string | undefined): string | null {
  if (Number.isNaN(receivedAt.getTime())) return "Enter the date and time the complaint was received.";
  if (receivedAt.getTime() > now.getTime() + BACKDATE_GRACE_MS) return "The received time cannot be in the future.";
  if (now.getTime() - receivedAt.getTime() > MAX_BACKDATE_DAYS * 86_400_000) {
    return `The received time can be at most ${MAX_BACKDATE_DAYS} days ago.`;
  }
  if (now.getTime() - receivedAt.getTime() > BACKDATE_GRACE_MS && !backdateReason?.trim()) {
    return "Say why the complaint is recorded with an earlier received time.";
  }
  return null;
}

/** The received time given by staff was refused (future, too far back, or backdated without a reason). */
export class ReceivedAtRejectedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ReceivedAtRejectedError";
  }
}

/** A member of staff taking a complaint down for the customer (phone, letter, in person…). */
export type TakenBy = { staffId: string; receivedAt?: Date; backdateReason?: string };

export type FileComplaintOptions = {
  channel: "web" | "api" | "email" | StaffIntakeChannel;
  /** Set when staff record the complaint: the filed event is theirs, and the received time may be earlier. */
  takenBy?: TakenBy;
  attachments?: ValidAttachment[];
  /** For tests; defaults to the current time. */
  now?: Date;
  /** Base of the tracking link in the acknowledgement email; defaults to APP_URL. */
  baseUrl?: string;
  /**
   * Runs inside the filing transaction once the complaint is written (an email's "taken" record,
   * lib/mail/ingest.ts): if it throws, nothing is filed.
   */
  within?: (tx: Tx, filed: { complaintId: string; reference: string }) => Promise<void>;
};

export type FileComplaintResult =
  | { reference: string; trackingToken: string; replay?: false }
  /** The idempotency key was seen before with this same complaint: the first one's reference. Its token is not recoverable (only a hash is kept). */
  | { reference: string; trackingToken: null; replay: true };

/**
 * The idempotency key was used before for a different complaint: nothing was stored. The other
 * complaint's reference is not given: it may be someone else's (a guessable key such as an order number).
 */
export class IdempotencyKeyReusedError extends Error {
  constructor() {
    super("This idempotency key was already used for a different complaint");
    this.name = "IdempotencyKeyReusedError";
  }
}

/**
 * What an idempotency key is bound to: the complaint as validated (so a retry that differs only in
 * whitespace or key order is still the same complaint), its files, and the channel. Keys are sorted,
 * so the hash does not depend on the order fields were sent in.
 */
export function idempotencyBodyHash(input: IntakeInput, channel: FileComplaintOptions["channel"], attachments: readonly ValidAttachment[] = []): string {
  const { idempotencyKey: _key, ...fields } = input;
  const canonical = JSON.stringify({
    channel,
    fields: Object.fromEntries(Object.entries(fields).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    files: attachments.map((file) => file.sha256),
  });
  return createHash("sha256").update(canonical).digest("hex");
}

/** Input that passed the schema but not a check needing the database (e.g. an archived process). */
export class IntakeRejectedError extends Error {
  constructor(readonly fieldErrors: IntakeFieldErrors) {
    super(Object.values(fieldErrors).join("; "));
    this.name = "IntakeRejectedError";
  }
}

const REFERENCE_ATTEMPTS = 5;

/**
 * Files a validated complaint in one transaction: the customer (found or created), the complaint
 * with its reference and tracking-token hash, the `filed` event in the customer's words, and any
 * attachments with their events. Returns the tracking token: the only time it exists in clear.
 */
export async function fileComplaint(db: Db, input: IntakeInput, options: FileComplaintOptions): Promise<FileComplaintResult> {
  const bodyHash = input.idempotencyKey ? idempotencyBodyHash(input, options.channel, options.attachments) : null;
  if (input.idempotencyKey) {
    const existing = await findByIdempotencyKey(db, input.idempotencyKey, bodyHash!);
    if (existing) return existing;
  }
  const now = options.now ?? new Date();
  const receivedAt = options.takenBy?.receivedAt ?? now;
  if (options.takenBy) {
    const problem = checkReceivedAt(receivedAt, now, options.takenBy.backdateReason);
    if (problem) throw new ReceivedAtRejectedError(problem);
  }
  try {
    return await db.transaction(async (tx) => {
      if (input.processId) await assertProcessOpen(tx, input.processId);
      const [settings] = await tx.select({ hours: businessSettings.firstResponseHours }).from(businessSettings).limit(1);
      const customer = await findOrCreateCustomer(tx, input);
      const trackingToken = generateTrackingToken();
      const { id, reference } = await insertComplaint(tx, {
        trackingTokenHash: hashTrackingToken(trackingToken),
        customerId: customer.id,
        processId: input.processId,
        channel: options.channel,
        orderReference: input.orderReference,
        occurredOn: input.occurredOn,
        description: input.description,
        desiredOutcome: input.desiredOutcome,
        idempotencyKey: input.idempotencyKey,
        idempotencyBodyHash: bodyHash,
        // The first-response clock runs from when the customer complained, not when it was typed in.
        receivedAt,
        lastActivityAt: now,
        firstResponseDueAt: new Date(receivedAt.getTime() + (settings?.hours ?? 24) * 3600_000),
        createdAt: now,
        updatedAt: now,
      });
      await tx.insert(complaintEvents).values({
        complaintId: id,
        type: "filed",
        visibility: "customer",
        actorKind: options.takenBy ? "staff" : "customer",
        actorId: options.takenBy?.staffId ?? null,
        body: input.description,
        data: options.takenBy
          ? { channel: options.channel, takenDown: true, ...(options.takenBy.backdateReason?.trim() ? { backdateReason: options.takenBy.backdateReason.trim() } : {}) }
          : { channel: options.channel },
        createdAt: now,
      });
      await saveAttachments(tx, id, options.attachments ?? [], now);
      // The acknowledgement email commits with the complaint (the token exists in clear only here).
      await enqueueCustomerEmail(tx, {
        complaintId: id,
        kind: "acknowledgement",
        trackingUrl: trackingUrl(emailBaseUrl(options.baseUrl), trackingToken),
        dedupeKey: `acknowledgement:${id}`,
        now,
      });
      await options.within?.(tx, { complaintId: id, reference });
      return { reference, trackingToken };
    });
  } catch (error) {
    // Two submissions with the same key at once: the loser reports the winner's complaint.
    if (input.idempotencyKey && isUniqueViolation(error, "complaints_idempotency_key")) {
      const existing = await findByIdempotencyKey(db, input.idempotencyKey, bodyHash!);
      if (existing) return existing;
    }
    throw error;
  }
}

export type SubmitOutcome =
  | { kind: "filed"; reference: string; trackingToken: string }
  | { kind: "duplicate"; reference: string }
  /** The idempotency key was already used for a different complaint: nothing was stored. */
  | { kind: "key_reused" }
  | { kind: "invalid"; fieldErrors: IntakeFieldErrors }
  /** The web form's honeypot caught a bot: nothing was stored, but the answer looks like success. */
  | { kind: "discarded"; reference: string; trackingToken: string }
  /** Over a rate limit (lib/security/limits.ts): nothing was stored; allowed again after that many seconds. */
  | { kind: "throttled"; retryAfterSeconds: number };

/**
 * Rate limits for one submission. The contact-address limit (LIMITS.intakeContact) always applies
 * when this is given; the per-IP one when `clientIp` is (the API counts its own before reading the body).
 */
export type IntakeRateLimits = { clientIp?: string; ipRule?: RateLimitRule; now?: Date };

/**
 * The whole intake path shared by the web form and the API: validate fields and files together
 * (so the customer sees every problem at once), then file. Bots filling the web form's hidden
 * field get a convincing fake success; the API has no hidden field, so it never answers success
 * for something it did not store (its handler refuses fields it does not know).
 * With `limits`, every submission counts against the sender's IP address first, and a valid one
 * against its email address and phone number (hashed) before it is filed.
 */
export async function submitComplaint(
  db: Db,
  raw: unknown,
  uploads: UploadLike[],
  channel: FileComplaintOptions["channel"],
  limits?: IntakeRateLimits,
  filing: Pick<FileComplaintOptions, "within" | "baseUrl"> = {},
): Promise<SubmitOutcome> {
  const now = limits?.now ?? new Date();
  if (limits?.clientIp !== undefined) {
    const perIp = await consume(db, limits.ipRule ?? LIMITS.intakeIp, limits.clientIp, now);
    if (!perIp.allowed) return { kind: "throttled", retryAfterSeconds: perIp.retryAfterSeconds };
  }
  if (channel === "web" && isHoneypotFilled(raw)) return { kind: "discarded", reference: generateReference(), trackingToken: generateTrackingToken() };
  const parsed = parseIntake(raw);
  const files = await checkAttachments(uploads);
  if (parsed.kind === "invalid" || !files.ok) {
    const fieldErrors = parsed.kind === "invalid" ? { ...parsed.fieldErrors } : {};
    if (!files.ok) fieldErrors.attachments = files.error;
    return { kind: "invalid", fieldErrors };
  }
  if (limits) {
    const retryAfterSeconds = await consumeContactLimits(db, parsed.data, now);
    if (retryAfterSeconds > 0) return { kind: "throttled", retryAfterSeconds };
  }
  try {
    const result = await fileComplaint(db, parsed.data, { ...filing, channel, attachments: files.files, now: limits?.now });
    if (result.replay) return { kind: "duplicate", reference: result.reference };
    return { kind: "filed", reference: result.reference, trackingToken: result.trackingToken };
  } catch (error) {
    if (error instanceof IntakeRejectedError) return { kind: "invalid", fieldErrors: error.fieldErrors };
    if (error instanceof IdempotencyKeyReusedError) return { kind: "key_reused" };
    throw error;
  }
}

/** Counts one complaint against each contact address given; the longest wait if any is over its limit, else 0. */
async function consumeContactLimits(db: Db, input: IntakeInput, now: Date): Promise<number> {
  const email = normalizeEmail(input.email);
  const phone = normalizePhone(input.phone);
  const contacts = [email ? `email:${email}` : null, phone ? `phone:${phone}` : null].filter((k) => k !== null);
  let wait = 0;
  for (const key of contacts) {
    const result = await consume(db, LIMITS.intakeContact, key, now);
    if (!result.allowed) wait = Math.max(wait, result.retryAfterSeconds);
  }
  return wait;
}

/** The parts of the business a customer can choose from (archived ones are hidden), in the owner's order. */
export async function listIntakeProcesses(db: Db): Promise<Array<{ id: string; name: string; description: string | null }>> {
  return db
    .select({ id: processes.id, name: processes.name, description: processes.description })
    .from(processes)
    .where(isNull(processes.archivedAt))
    .orderBy(asc(processes.sortOrder), asc(processes.name));
}

/** The earlier use of this key, if any, as a replay when it filed the same complaint; throws when it filed another. */
async function findByIdempotencyKey(db: Db | Tx, key: string, bodyHash: string): Promise<FileComplaintResult | null> {
  const [row] = await db
    .select({ reference: complaints.reference, bodyHash: complaints.idempotencyBodyHash })
    .from(complaints)
    .where(eq(complaints.idempotencyKey, key))
    .limit(1);
  if (!row) return null;
  // A key stored before bodies were hashed (null) cannot be shown to match: refused as reused
  // rather than risk answering for someone else's complaint.
  if (row.bodyHash !== bodyHash) throw new IdempotencyKeyReusedError();
  return { reference: row.reference, trackingToken: null, replay: true };
}

async function assertProcessOpen(tx: Tx, processId: string): Promise<void> {
  const [row] = await tx
    .select({ id: processes.id })
    .from(processes)
    .where(and(eq(processes.id, processId), isNull(processes.archivedAt)))
    .limit(1);
  if (!row) throw new IntakeRejectedError({ processId: "Please choose one of the listed areas, or “Not sure”" });
}

type NewComplaint = Omit<typeof complaints.$inferInsert, "reference">;

/** Inserts with a fresh reference, trying another on the rare collision (in a savepoint, so the transaction survives). */
async function insertComplaint(tx: Tx, values: NewComplaint): Promise<{ id: string; reference: string }> {
  for (let attempt = 1; ; attempt++) {
    const reference = generateReference();
    try {
      const [row] = await tx.transaction((sp) =>
        sp.insert(complaints).values({ ...values, reference }).returning({ id: complaints.id, reference: complaints.reference }),
      );
      return row!;
    } catch (error) {
      if (attempt >= REFERENCE_ATTEMPTS || !isUniqueViolation(error, "complaints_reference_key")) throw error;
    }
  }
}
