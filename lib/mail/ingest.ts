import "server-only";
import { createHash } from "node:crypto";
import { and, eq, inArray, isNotNull, or } from "drizzle-orm";
import EmailReplyParser from "email-reply-parser";
import { convert } from "html-to-text";
import { simpleParser, type ParsedMail } from "mailparser";
import type { Db, Tx } from "@/db/client";
import { complaints, inboundEmails, outboxMessages, type InboundEmailOutcome } from "@/db/schema";
import { checkAttachments, MAX_ATTACHMENTS, type UploadLike } from "@/lib/attachments/validate";
import { submitComplaint } from "@/lib/complaints/intake";
import { DESCRIPTION_MAX, PROCESS_NOT_SURE, stripControlCharacters } from "@/lib/complaints/intake-schema";
import { MESSAGE_MAX, recordCustomerMessage } from "@/lib/complaints/tracking";
import { env } from "@/lib/env";
import { log } from "@/lib/observability/log";
import { bareAddress, refuseAutomatic, senderAddress } from "./classify";
import { replyTokensIn } from "./reply-address";
import { ourIdsIn } from "./threading";

/**
 * The one way an email enters CaseRoot, whatever brought it (the IMAP reader in imap.ts, or
 * `npm run mail:ingest` for a file or standard input): read it, refuse robots and our own mail,
 * then either continue the case it replies to or file a new complaint through the web form's
 * intake (customer matching, acknowledgement, the hourly limit per sender). Every outcome writes
 * one inbound_emails row in the same transaction as what it made, so an email is taken exactly
 * when its complaint or message is committed. See docs/decisions/0012-email-in.md.
 */

/** Where the message was read: an IMAP mailbox and its UID, or null for a file or standard input. */
export type MailSource = { mailbox: string; uidValidity: number; uid: number } | null;

export type IngestResult =
  | { outcome: "complaint"; inboundId: number; complaintId: string; reference: string }
  | { outcome: "message"; inboundId: number; complaintId: string }
  | { outcome: "ignored" | "refused"; inboundId: number; reason: string }
  /** Another reader (or an earlier run) took this message already: nothing was written. */
  | { outcome: "already_taken" };

export type IngestOptions = {
  now?: Date;
  /** Addresses that are CaseRoot's own (mail from them is ignored); default MAIL_FROM and MAIL_REPLY_TO. */
  ownAddresses?: string[];
  /** Base of the tracking link in an acknowledgement; default APP_URL. */
  baseUrl?: string;
  /**
   * Tests only: runs just before the transaction would commit, with the message's key (throw to
   * simulate a crash there, or a message that always fails).
   */
  beforeCommit?: (message: { messageKey: string }) => Promise<void>;
};

/** The key a message is taken once by, besides its mailbox UID: its Message-ID, else a hash of its bytes. */
export function messageKey(mail: Pick<ParsedMail, "messageId">, raw: Buffer): string {
  const id = mail.messageId?.trim();
  if (id && id.length <= 500) return id;
  return `sha256:${createHash("sha256").update(raw).digest("hex")}`;
}

class AlreadyTaken extends Error {}

export async function ingestEmail(db: Db, raw: Buffer, source: MailSource, options: IngestOptions = {}): Promise<IngestResult> {
  const now = options.now ?? new Date();
  let mail: ParsedMail;
  try {
    mail = await simpleParser(raw, { skipHtmlToText: true, skipImageLinks: true, skipTextToHtml: true, skipTextLinks: true });
  } catch (error) {
    log.warn({ err: error, source }, "unreadable email refused");
    return record(db, raw, source, null, { outcome: "refused", reason: "The message could not be read" }, options);
  }
  const key = messageKey(mail, raw);
  if (await alreadyTaken(db, key, source)) return { outcome: "already_taken" };
  const context = { source, messageKey: key, from: senderAddress(mail), subject: mail.subject };

  const automatic = refuseAutomatic(mail, options.ownAddresses ?? ownAddresses());
  if (automatic) {
    log.info({ ...context, reason: automatic.reason }, "email ignored");
    return record(db, raw, source, mail, { outcome: "ignored", reason: automatic.reason }, options);
  }
  const sender = senderAddress(mail);
  if (!sender) {
    log.info(context, "email refused: no sender address");
    return record(db, raw, source, mail, { outcome: "refused", reason: "No sender address to answer" }, options);
  }
  const files = await keptAttachments(mail);

  const caseId = await caseRepliedTo(db, mail);
  if (caseId) {
    const body = displayReply(mail);
    if (!body) return record(db, raw, source, mail, { outcome: "refused", reason: "An empty reply" }, options);
    try {
      const inboundId = await db.transaction(async (tx) => {
        const id = await claim(tx, raw, source, mail, { outcome: "message", complaintId: caseId, reason: files.dropped }, now);
        const checked = await checkAttachments(files.uploads);
        await recordCustomerMessage(tx, caseId, body, { data: { channel: "email", inboundEmailId: id }, at: now, files: checked.ok ? checked.files : [] });
        await options.beforeCommit?.({ messageKey: key });
        return id;
      });
      log.info({ ...context, complaintId: caseId, inboundId }, "email reply added to its case");
      return { outcome: "message", inboundId, complaintId: caseId };
    } catch (error) {
      if (error instanceof AlreadyTaken) return { outcome: "already_taken" };
      throw error;
    }
  }

  let taken: { inboundId: number; complaintId: string; reference: string } | null = null;
  try {
    const submitted = await submitComplaint(
      db,
      {
        name: senderName(mail, sender),
        email: sender,
        processId: PROCESS_NOT_SURE,
        description: description(mail),
      },
      files.uploads,
      "email",
      { now },
      {
        baseUrl: options.baseUrl,
        within: async (tx, filed) => {
          const inboundId = await claim(tx, raw, source, mail, { outcome: "complaint", complaintId: filed.complaintId, reason: files.dropped }, now);
          await options.beforeCommit?.({ messageKey: key });
          taken = { inboundId, ...filed };
        },
      },
    );
    if (submitted.kind === "filed" && taken) {
      const filed = taken as { inboundId: number; complaintId: string; reference: string };
      log.info({ ...context, complaintId: filed.complaintId, inboundId: filed.inboundId }, "email filed as a new complaint");
      return { outcome: "complaint", ...filed };
    }
    const reason =
      submitted.kind === "throttled"
        ? `This sender opened too many complaints within the hour (try again in ${Math.ceil(submitted.retryAfterSeconds / 60)} min)`
        : submitted.kind === "invalid"
          ? `Not a complaint we could file: ${Object.values(submitted.fieldErrors).join("; ")}`
          : `Not filed (${submitted.kind})`;
    log.info({ ...context, reason }, "email refused");
    return record(db, raw, source, mail, { outcome: "refused", reason }, options);
  } catch (error) {
    if (error instanceof AlreadyTaken) return { outcome: "already_taken" };
    throw error;
  }
}

/** CaseRoot's own addresses: mail from them is never a customer's. */
function ownAddresses(): string[] {
  return [env.MAIL_FROM, env.MAIL_REPLY_TO].filter((a): a is string => Boolean(a)).map(bareAddress);
}

async function alreadyTaken(db: Db, key: string, source: MailSource): Promise<boolean> {
  const bySource = source
    ? and(eq(inboundEmails.mailbox, source.mailbox), eq(inboundEmails.uidValidity, source.uidValidity), eq(inboundEmails.uid, source.uid))
    : undefined;
  const [row] = await db
    .select({ id: inboundEmails.id })
    .from(inboundEmails)
    .where(bySource ? or(eq(inboundEmails.messageKey, key), bySource) : eq(inboundEmails.messageKey, key))
    .limit(1);
  return Boolean(row);
}

type Outcome = { outcome: InboundEmailOutcome; complaintId?: string; reason?: string | null };

/**
 * Writes the message's inbound_emails row, inside the transaction that stores what it made. On
 * PostgreSQL a second reader's insert of the same UID or Message-ID waits for the first
 * transaction: if it commits, this one finds the row and stops (AlreadyTaken); if it rolled back
 * (a crash), this one takes the message.
 */
async function claim(tx: Tx, raw: Buffer, source: MailSource, mail: ParsedMail | null, outcome: Outcome, now: Date): Promise<number> {
  const [row] = await tx
    .insert(inboundEmails)
    .values({
      mailbox: source?.mailbox ?? null,
      uidValidity: source?.uidValidity ?? null,
      uid: source?.uid ?? null,
      messageKey: mail ? messageKey(mail, raw) : messageKey({ messageId: undefined }, raw),
      outcome: outcome.outcome,
      reason: outcome.reason || null,
      complaintId: outcome.complaintId ?? null,
      fromAddress: mail ? senderAddress(mail) : null,
      subject: mail?.subject ? stripControlCharacters(mail.subject).slice(0, 500) : null,
      raw,
      receivedAt: now,
    })
    .onConflictDoNothing()
    .returning({ id: inboundEmails.id });
  if (!row) throw new AlreadyTaken();
  return row.id;
}

/** Records an email that made nothing (ignored or refused), once. */
async function record(
  db: Db,
  raw: Buffer,
  source: MailSource,
  mail: ParsedMail | null,
  outcome: { outcome: "ignored" | "refused"; reason: string },
  options: IngestOptions,
): Promise<IngestResult> {
  try {
    const inboundId = await db.transaction(async (tx) => {
      const id = await claim(tx, raw, source, mail, outcome, options.now ?? new Date());
      await options.beforeCommit?.({ messageKey: messageKey(mail ?? { messageId: undefined }, raw) });
      return id;
    });
    return { ...outcome, inboundId };
  } catch (error) {
    if (error instanceof AlreadyTaken) return { outcome: "already_taken" };
    throw error;
  }
}

/**
 * The case this email answers: a reply token in a recipient address (the case's Reply-To), else
 * one of our Message-IDs in In-Reply-To or References. Never the subject: anyone can type a reference.
 */
async function caseRepliedTo(db: Db, mail: ParsedMail): Promise<string | null> {
  const recipients = [
    ...[mail.to, mail.cc].flatMap((field) => (field ? (Array.isArray(field) ? field : [field]) : [])).flatMap((a) => a.value.map((v) => v.address ?? "")),
    ...mail.headerLines.filter((h) => ["delivered-to", "x-original-to", "envelope-to"].includes(h.key)).map((h) => h.line),
  ];
  const tokens = replyTokensIn(recipients);
  if (tokens.length > 0) {
    const [row] = await db.select({ id: complaints.id }).from(complaints).where(inArray(complaints.replyToken, tokens)).limit(1);
    if (row) return row.id;
  }
  const references = typeof mail.references === "string" ? [mail.references] : (mail.references ?? []);
  const ids = ourIdsIn([...(mail.inReplyTo ? mail.inReplyTo.split(/\s+/) : []), ...references.flatMap((r) => r.split(/\s+/))]);
  if (ids.outboxIds.length > 0) {
    const [row] = await db
      .select({ id: outboxMessages.complaintId })
      .from(outboxMessages)
      .where(and(inArray(outboxMessages.id, ids.outboxIds), isNotNull(outboxMessages.complaintId)))
      .limit(1);
    if (row?.id) return row.id;
  }
  if (ids.complaintIds.length > 0) {
    const [row] = await db.select({ id: complaints.id }).from(complaints).where(inArray(complaints.id, ids.complaintIds)).limit(1);
    if (row) return row.id;
  }
  return null;
}

/**
 * The text of the email: its plain-text part, or else its HTML turned into plain text (no
 * scripts, styles, images or link targets). It is stored and shown as text, never as HTML.
 */
function bodyText(mail: ParsedMail): string {
  const text = mail.text?.trim() ? mail.text : typeof mail.html === "string" ? htmlAsText(mail.html) : "";
  return stripControlCharacters(text).trim();
}

function htmlAsText(html: string): string {
  return convert(html, {
    wordwrap: false,
    selectors: [
      { selector: "img", format: "skip" },
      { selector: "a", options: { ignoreHref: true } },
    ],
  });
}

/** What the customer wrote in a reply, without the quoted history and signature (the full email stays in inbound_emails). */
export function displayReply(mail: ParsedMail): string {
  const full = bodyText(mail);
  const visible = new EmailReplyParser().read(cutOutlookHistory(full)).getVisibleText().trim();
  return clip(visible || full, MESSAGE_MAX);
}

/**
 * Outlook quotes without ">" under a header block ("From: … Sent: …", or "-----Original
 * Message-----"); email-reply-parser finds "On … wrote:" lines and ">" quotes, so that block is
 * cut here first.
 */
function cutOutlookHistory(text: string): string {
  const block = /^(-{2,}\s*Original Message\s*-{2,}|_{10,}\s*$|From: .+\n(Sent|Date): .+)/im.exec(text);
  return block ? text.slice(0, block.index) : text;
}

function description(mail: ParsedMail): string {
  const subject = stripControlCharacters(mail.subject ?? "").trim();
  const text = bodyText(mail);
  return clip(subject && !text.startsWith(subject) ? `${subject}\n\n${text}` : text || subject, DESCRIPTION_MAX);
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

function senderName(mail: ParsedMail, address: string): string {
  const name = mail.from?.value.find((a) => a.address)?.name?.trim();
  return name || address.split("@")[0] || address;
}

/**
 * The email's files that pass the form's checks (photos and PDFs, real type read from the bytes,
 * at most 10 MB, at most five); the others are named in the inbound record instead of refusing the email.
 */
async function keptAttachments(mail: ParsedMail): Promise<{ uploads: UploadLike[]; dropped: string | null }> {
  const uploads: UploadLike[] = [];
  const dropped: string[] = [];
  for (const attachment of mail.attachments) {
    const upload: UploadLike = {
      name: attachment.filename ?? `attachment-${uploads.length + dropped.length + 1}`,
      size: attachment.content.length,
      arrayBuffer: async () => attachment.content.buffer.slice(attachment.content.byteOffset, attachment.content.byteOffset + attachment.content.length) as ArrayBuffer,
    };
    const check = await checkAttachments([upload]);
    if (check.ok && check.files.length > 0 && uploads.length < MAX_ATTACHMENTS) uploads.push(upload);
    else dropped.push(check.ok ? `${upload.name}: more than ${MAX_ATTACHMENTS} files` : check.error);
  }
  return { uploads, dropped: dropped.length > 0 ? `Files not kept: ${dropped.join("; ")}` : null };
}
