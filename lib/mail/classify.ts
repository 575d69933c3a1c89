import type { ParsedMail } from "mailparser";
import { isOurMessageId } from "./threading";

/**
 * Mail that must not become a complaint or a message: automatic replies (RFC 3834's
 * Auto-Submitted, the older Precedence and X-Autoreply headers, the subjects of mail programs that
 * set none), bounces (delivery-status reports, a null sender, the mailer daemon), mailing-list
 * mail (List-* headers) and CaseRoot's own mail coming back. Answering any of these could start a
 * loop of emails between two robots. Pure: decided from the headers alone.
 */

export type Refusal = { reason: string };

const AUTO_SUBJECT = /^\s*(automatic reply|auto(matic)?[- ]?reply|out of (the )?office|autosvar|abwesenheitsnotiz|r[ée]ponse automatique|absence)\b/i;
const BOUNCE_SENDER = /^(mailer-daemon|postmaster)@/i;
const LIST_HEADERS = ["list-id", "list-unsubscribe", "list-post", "list-help", "list-subscribe", "list-owner", "list-archive"];

/** The raw value of a header (first occurrence), unfolded; undefined when absent. */
export function headerValue(mail: ParsedMail, name: string): string | undefined {
  const line = mail.headerLines.find((h) => h.key === name)?.line;
  if (line === undefined) return undefined;
  return line.slice(line.indexOf(":") + 1).replace(/\r?\n[ \t]+/g, " ").trim();
}

export function senderAddress(mail: ParsedMail): string | null {
  const address = mail.from?.value.find((a) => a.address)?.address?.trim();
  return address ? address.toLowerCase() : null;
}

/** The bare address of "Name <address>" or "address", lower-cased. */
export function bareAddress(value: string): string {
  const angled = /<([^>]+)>/.exec(value);
  return (angled ? angled[1]! : value).trim().toLowerCase();
}

/** Whether `address` is one of `own`, or a plus-address of one (complaints+token@ for complaints@). */
function isOwnAddress(address: string, own: readonly string[]): boolean {
  const [local = "", domain = ""] = address.split("@");
  const base = `${local.split("+")[0]}@${domain}`;
  return own.some((o) => o === address || o === base);
}

/** Why this message is not for CaseRoot to act on, or null when it is. */
export function refuseAutomatic(mail: ParsedMail, ownAddresses: readonly string[]): Refusal | null {
  const autoSubmitted = headerValue(mail, "auto-submitted")?.toLowerCase();
  if (autoSubmitted && autoSubmitted !== "no") return { reason: `Automatic message (Auto-Submitted: ${autoSubmitted})` };
  const precedence = headerValue(mail, "precedence")?.toLowerCase();
  if (precedence && /^(bulk|junk|list|auto_reply)$/.test(precedence)) return { reason: `Bulk or automatic message (Precedence: ${precedence})` };
  if (headerValue(mail, "x-autoreply") !== undefined || headerValue(mail, "x-autorespond") !== undefined) return { reason: "Automatic reply (X-Autoreply)" };
  const contentType = headerValue(mail, "content-type")?.toLowerCase() ?? "";
  if (contentType.startsWith("multipart/report")) return { reason: "Delivery or read report (bounce)" };
  const returnPath = headerValue(mail, "return-path");
  if (returnPath !== undefined && /^<\s*>$/.test(returnPath)) return { reason: "Bounce or automatic message (empty Return-Path)" };
  const list = LIST_HEADERS.find((h) => headerValue(mail, h) !== undefined);
  if (list) return { reason: `Mailing-list mail (${list})` };
  const sender = senderAddress(mail);
  if (sender && BOUNCE_SENDER.test(sender)) return { reason: `Bounce (from ${sender})` };
  if (sender && isOwnAddress(sender, ownAddresses)) return { reason: `Sent from CaseRoot's own address (${sender})` };
  if (isOurMessageId(mail.messageId)) return { reason: "One of CaseRoot's own emails" };
  if (AUTO_SUBJECT.test(mail.subject ?? "")) return { reason: `Automatic reply (subject “${mail.subject}”)` };
  return null;
}
