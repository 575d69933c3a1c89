import "server-only";
import { z } from "zod";
import type { Db } from "@/db/client";
import type { Complaint } from "@/db/schema";
import { enqueueCustomerEmail } from "@/lib/outbox";
import { CaseRuleError } from "../errors";
import { updateCase, type Actor, type CaseEventInput } from "../update-case";
import { blameOverrideFields, guardCustomerText } from "./conversation-common";
import { minutesSpent, parseInput } from "./input";
import { formatCents, parseMoneyToCents } from "./money";

/**
 * A goodwill extra: something given beyond the resolution ("a replacement plus a month's
 * free service"), recorded apart from it so its cost can be counted per root cause.
 *
 * The event is internal, because it carries the cost. Telling the customer is a separate,
 * optional customer-visible message in the same action, in words staff choose.
 *
 * The case columns hold the running totals: goodwill_cost_cents adds up every extra on the case
 * (analytics sum it), goodwill_description lists them.
 */

export const goodwillSchema = z
  .object({
    complaintId: z.uuid("Unknown case."),
    description: z
      .string()
      .trim()
      .min(3, "Say what the extra is, in a few words.")
      .max(500, "Keep the description under 500 characters."),
    cost: z.string("Enter the cost (0 if it costs nothing)."),
    tellCustomer: z.coerce.boolean().default(false),
    customerMessage: z.string().trim().max(2000, "Keep the message under 2,000 characters.").optional(),
    minutesSpent: minutesSpent(3),
    expectedVersion: z.coerce.number().int().positive(),
    ...blameOverrideFields,
  })
  .transform((input, ctx) => {
    const money = parseMoneyToCents(input.cost);
    if (!money.ok) {
      ctx.addIssue({ code: "custom", path: ["cost"], message: money.message });
      return z.NEVER;
    }
    if (input.tellCustomer && (input.customerMessage ?? "").length < 3) {
      ctx.addIssue({ code: "custom", path: ["customerMessage"], message: "Write what the customer will read, or untick “Tell the customer”." });
      return z.NEVER;
    }
    return { ...input, costCents: money.cents };
  });
export type GoodwillInput = z.input<typeof goodwillSchema>;

export async function addGoodwill(db: Db, actor: Actor, raw: GoodwillInput | Record<string, string>): Promise<Complaint> {
  const input = parseInput(goodwillSchema, raw);
  return updateCase(db, { complaintId: input.complaintId, actor, expectedVersion: input.expectedVersion }, async (tx, current) => {
    if (current.status === "closed") throw new CaseRuleError("This case is closed. Reopen it before adding a goodwill extra.");
    const message = input.tellCustomer ? input.customerMessage! : null;
    const blameOverride = message ? guardCustomerText(message, current, input) : undefined;

    const events: CaseEventInput[] = [
      {
        type: "goodwill_added",
        visibility: "internal",
        body: `${input.description} (${formatCents(input.costCents)})`,
        data: { description: input.description, costCents: input.costCents },
        minutesSpent: input.minutesSpent,
      },
    ];
    if (message) {
      await enqueueCustomerEmail(tx, { complaintId: current.id, kind: "staff_reply", message });
      events.push({ type: "message", visibility: "customer", body: message, data: { about: "goodwill", ...(blameOverride ? { blameOverride } : {}) }, minutesSpent: 0 });
    }
    return {
      patch: {
        goodwillCostCents: (current.goodwillCostCents ?? 0) + input.costCents,
        goodwillDescription: current.goodwillDescription ? `${current.goodwillDescription}; ${input.description}` : input.description,
      },
      events,
    };
  });
}
