import "server-only";
import { z } from "zod";
import type { Complaint } from "@/db/schema";
import { checkBlameLanguage, type BlameFlag, type BlameKind } from "@/lib/messages/blame-check";
import { CaseRuleError } from "../errors";

/**
 * Rules for what the customer will read (reply, call summary, restatement, resolution, promise,
 * goodwill): the text's length and the blame-language guard.
 */

export const customerTextSchema = (what: string) =>
  z
    .string()
    .trim()
    .min(1, `Write the ${what} before sending.`)
    .max(5000, `Keep the ${what} under 5,000 characters; it is ${"{length}"} now.`);

/** "Send anyway" fields: a reason is what makes an override accountable. */
export const blameOverrideFields = {
  sendAnyway: z.coerce.boolean().default(false),
  overrideReason: z.string().trim().max(500, "Keep the reason under 500 characters.").optional(),
};

/** Refused because the text admits fault or blames someone; carries the flags to show the sender. */
export class BlameLanguageError extends CaseRuleError {
  constructor(
    readonly flags: BlameFlag[],
    /** The text the flags' offsets point into (for a restatement: the composed message). */
    readonly checkedText?: string,
  ) {
    super(
      flags.length === 1
        ? "This message may admit fault too early, blame someone (the customer included) or fall short of a real apology. Please check the highlighted words."
        : `This message has ${flags.length} passages that may admit fault too early, blame someone (the customer included) or fall short of a real apology. Please check the highlighted words.`,
    );
    this.name = "BlameLanguageError";
  }
}

export type BlameOverride = { reason: string; flags: BlameKind[] };

/** Fault may be admitted once a supervisor has confirmed it as the service's. */
export function faultConfirmedAsService(complaint: Pick<Complaint, "faultConfirmedAt" | "faultAttribution">): boolean {
  return complaint.faultConfirmedAt != null && complaint.faultAttribution === "service";
}

/**
 * Runs the blame-language check on a customer-visible text. Flags refuse the send unless the
 * sender chose "Send anyway" with a reason; the override is returned to be kept in the event data.
 */
export function guardCustomerText(
  text: string,
  complaint: Pick<Complaint, "faultConfirmedAt" | "faultAttribution">,
  override: { sendAnyway?: boolean; overrideReason?: string },
): BlameOverride | undefined {
  const flags = checkBlameLanguage(text, { faultConfirmedAsService: faultConfirmedAsService(complaint) });
  if (flags.length === 0) return undefined;
  if (!override.sendAnyway) throw new BlameLanguageError(flags, text);
  const reason = override.overrideReason?.trim() ?? "";
  if (reason.length < 10) {
    throw new CaseRuleError("Say why this wording should be sent anyway (at least 10 characters).", {
      overrideReason: "Say why this wording should be sent anyway (at least 10 characters).",
    });
  }
  return { reason, flags: [...new Set(flags.map((f) => f.kind))] };
}

/** A closed case is finished: writing to the customer starts with reopening it. */
export function assertOpenForCustomerText(complaint: Pick<Complaint, "status">): void {
  if (complaint.status === "closed") {
    throw new CaseRuleError("This case is closed. Reopen it before writing to the customer.");
  }
}
