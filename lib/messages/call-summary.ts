import { formatWeekdayDate } from "@/lib/format/dates";
import { localDate } from "@/lib/time/zone";

/**
 * The written follow-up after a phone call: a call carries tone that email loses, so every call is
 * followed by a short letter stating what was said, as the record both sides can refer to. This
 * drafts it from the summary staff typed when logging the call; staff edit it before sending.
 * Pure, so the composer and tests can use it anywhere.
 */

export type CallSummaryDraftInput = {
  customerName: string;
  staffName: string;
  businessName: string;
  /** What was said, as staff wrote it when logging the call. */
  summary: string;
  /** When the call took place. */
  date: Date;
  /** The business's time zone: "today" and the date are read the way staff and customer read them. */
  timeZone?: string;
  now?: Date;
};

export function draftCallSummary(input: CallSummaryDraftInput): string {
  const timeZone = input.timeZone ?? "UTC";
  const when = localDate(input.date, timeZone) === localDate(input.now ?? new Date(), timeZone) ? "today" : `on ${formatWeekdayDate(input.date, timeZone)}`;
  const greeting = input.customerName.trim() ? `Dear ${input.customerName.trim()},` : "Hello,";
  return [
    greeting,
    `Further to our conversation ${when}, here is a summary of what we discussed:`,
    asPoints(input.summary),
    "If anything here does not match your understanding, please reply on your case page and we will put it right.",
    `Kind regards,\n${input.staffName.trim()}\n${input.businessName.trim()}`,
  ].join("\n\n");
}

/** Keeps staff's own lines; a single paragraph stays a paragraph, several lines become points. */
function asPoints(summary: string): string {
  const lines = summary
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  if (lines.length <= 1) return lines[0] ?? "";
  return lines.map((line) => (/^[-*•]\s*/.test(line) ? line.replace(/^[-*•]\s*/, "- ") : `- ${line}`)).join("\n");
}

/**
 * The summary as the call-summary email needs it: the email template already greets the customer,
 * says "further to our conversation" and asks them to say if anything is wrong, so those
 * paragraphs of the letter are left out there. Staff's own wording in between is kept as written.
 */
export function callSummaryForEmail(letter: string): string {
  const paragraphs = letter.split(/\n\s*\n/).map((p) => p.trim());
  const kept = paragraphs.filter(
    (p, i) =>
      p &&
      !(i === 0 && /^(?:dear|hello|hi)\b[^\n]*,?$/i.test(p)) &&
      !/^further to our (?:conversation|call)\b[^\n]*:$/i.test(p) &&
      !/^if anything here does not match your understanding\b/i.test(p),
  );
  return kept.join("\n\n") || letter.trim();
}
