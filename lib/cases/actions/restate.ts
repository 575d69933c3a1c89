import "server-only";
import { z } from "zod";
import type { Db } from "@/db/client";
import type { Complaint } from "@/db/schema";
import { enqueueCustomerEmail } from "@/lib/outbox";
import { updateCase, type Actor } from "../update-case";
import { assertOpenForCustomerText, blameOverrideFields, guardCustomerText } from "./conversation-common";
import { minutesSpent, parseInput } from "./input";

const issueSchema = z.string().trim().min(3, "Each issue needs at least 3 characters.").max(300, "Keep each issue under 300 characters.");

export const restateSchema = z.object({
  complaintId: z.uuid("Unknown case."),
  // Blank rows are dropped before counting: the form offers more rows than most cases need.
  issues: z
    .array(z.string())
    .transform((rows) => rows.map((r) => r.trim()).filter(Boolean))
    .pipe(z.array(issueSchema).min(1, "List at least one issue as you understood it.").max(10, "List at most 10 issues; combine related ones.")),
  intro: z.string().trim().max(1000, "Keep the introduction under 1,000 characters.").optional(),
  minutesSpent: minutesSpent(5),
  expectedVersion: z.coerce.number().int().positive(),
  ...blameOverrideFields,
});
export type RestateInput = z.input<typeof restateSchema>;

/** The restatement as the customer reads it: "If we have understood correctly, …" and the list. */
export function restatementText(issues: string[], intro?: string): string {
  // Always a numbered list, even for one issue: the customer's words stay exactly as staff wrote them.
  const lead = `If we have understood correctly, your complaint is about:\n${issues.map((issue, i) => `${i + 1}. ${issue}`).join("\n")}`;
  const ask = "Please confirm this is right, or tell us what we have missed or got wrong, on your case page.";
  return [intro?.trim(), lead, ask].filter(Boolean).join("\n\n");
}

/**
 * Restates the complaint as staff understood it, for the customer to confirm or correct on the
 * tracking page (restatement_confirmed / restatement_corrected events, recorded there).
 */
export async function restateComplaint(db: Db, actor: Actor, raw: RestateInput): Promise<Complaint> {
  const input = parseInput(restateSchema, raw);
  const body = restatementText(input.issues, input.intro);
  return updateCase(db, { complaintId: input.complaintId, actor, expectedVersion: input.expectedVersion }, async (tx, current) => {
    assertOpenForCustomerText(current);
    const blameOverride = guardCustomerText(body, current, input);
    await enqueueCustomerEmail(tx, { complaintId: current.id, kind: "staff_reply", message: body });
    return {
      events: [
        {
          type: "restated",
          visibility: "customer",
          body,
          data: { issues: input.issues, ...(blameOverride ? { blameOverride } : {}) },
          minutesSpent: input.minutesSpent,
        },
      ],
    };
  });
}

