import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { complaints, type Complaint } from "@/db/schema";
import { applySuggestion } from "@/lib/messages/apply-suggestion";
import { checkBlameLanguage, type BlameFlag } from "@/lib/messages/blame-check";
import { enqueueCustomerEmail } from "@/lib/outbox";
import { NotFoundError } from "../errors";
import { updateCase, type Actor } from "../update-case";
import { assertOpenForCustomerText, blameOverrideFields, customerTextSchema, faultConfirmedAsService, guardCustomerText } from "./conversation-common";
import { minutesSpent, parseInput } from "./input";

export const REPLY_KINDS = ["reply", "apology"] as const;

export const replySchema = z.object({
  complaintId: z.uuid("Unknown case."),
  kind: z.enum(REPLY_KINDS, "Choose whether this is a reply or an apology."),
  text: customerTextSchema("message"),
  minutesSpent: minutesSpent(5),
  expectedVersion: z.coerce.number().int().positive(),
  ...blameOverrideFields,
});
export type ReplyInput = z.input<typeof replySchema>;

/**
 * A message to the customer: a reply, or an apology (counted apart, since apologising well is
 * part of the practice). The blame-language check runs first; see guardCustomerText.
 *
 * Replies check the case version: a second agent answering the same customer without having seen
 * the first answer is the collision helpdesks warn about, so they get a conflict and the fresh
 * timeline (their text stays in the form).
 */
export async function sendReply(db: Db, actor: Actor, raw: ReplyInput): Promise<Complaint> {
  const input = parseInput(replySchema, raw, typeof raw.text === "string" ? raw.text.trim().length : undefined);
  return updateCase(db, { complaintId: input.complaintId, actor, expectedVersion: input.expectedVersion }, async (tx, current) => {
    assertOpenForCustomerText(current);
    const blameOverride = guardCustomerText(input.text, current, input);
    await enqueueCustomerEmail(tx, { complaintId: current.id, kind: "staff_reply", message: input.text });
    return {
      events: [
        {
          type: input.kind === "apology" ? "apology" : "message",
          visibility: "customer",
          body: input.text,
          data: blameOverride ? { blameOverride } : {},
          minutesSpent: input.minutesSpent,
        },
      ],
    };
  });
}

/**
 * "Use this wording": replaces the sentence holding flag `index` with its suggestion and checks
 * the result again, with the same rules sending would apply. Writes nothing.
 */
export async function suggestWording(db: Db, complaintId: string, text: string, index: number): Promise<{ text: string; flags: BlameFlag[] }> {
  const id = z.uuid().safeParse(complaintId);
  if (!id.success) throw new NotFoundError();
  const [complaint] = await db
    .select({ faultConfirmedAt: complaints.faultConfirmedAt, faultAttribution: complaints.faultAttribution })
    .from(complaints)
    .where(eq(complaints.id, id.data))
    .limit(1);
  if (!complaint) throw new NotFoundError();
  const options = { faultConfirmedAsService: faultConfirmedAsService(complaint) };
  const flag = checkBlameLanguage(text, options)[index];
  const rewritten = flag ? applySuggestion(text, flag) : text;
  return { text: rewritten, flags: checkBlameLanguage(rewritten, options) };
}
