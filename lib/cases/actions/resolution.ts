import "server-only";
import { z } from "zod";
import type { Db } from "@/db/client";
import type { Complaint } from "@/db/schema";
import { RESOLUTION_SOURCES, RESOLUTION_TYPES } from "@/db/schema/enums";
import { enqueueCustomerEmail } from "@/lib/outbox";
import { CaseRuleError } from "../errors";
import { BEFORE_PROPOSAL, pathTo } from "../state-machine";
import { statusChange } from "../transition";
import { updateCase, type Actor, type CaseChange } from "../update-case";
import { blameOverrideFields, guardCustomerText } from "./conversation-common";
import { minutesSpent, parseInput } from "./input";

/**
 * The resolution plan: what the business will do to put things right (repair, refund, …), in
 * words the customer reads, and whether staff proposed it or the customer asked for it.
 * Recording it proposes it ("propose it to the customer now", the default): the case walks to
 * "resolution proposed" through the state machine (a new case is investigated first, each move on
 * the timeline), and the customer can agree or disagree on their tracking page. A plan recorded as
 * a draft stays internal and the status stays put: the customer never sees a proposal they cannot
 * answer. "Ask the customer to agree" then emails it and waits for their answer.
 */

export type ResolutionType = (typeof RESOLUTION_TYPES)[number];

const versionSchema = z.coerce.number().int().positive();

export const resolutionPlanSchema = z.object({
  complaintId: z.uuid("Unknown case."),
  type: z.enum(RESOLUTION_TYPES, "Choose what kind of resolution this is."),
  description: z
    .string()
    .trim()
    .min(3, "Describe the resolution in a few words the customer will understand.")
    .max(2000, "Keep the description under 2,000 characters."),
  source: z.enum(RESOLUTION_SOURCES, "Say whether you proposed this or the customer asked for it."),
  minutesSpent: minutesSpent(10),
  expectedVersion: versionSchema,
  /**
   * "now" proposes the plan to the customer; "draft" keeps it among staff. The form posts a hidden
   * "draft" before the "now" checkbox, so the last value wins and an unticked box means a draft.
   */
  propose: z.enum(["now", "draft"]).default("now"),
  ...blameOverrideFields,
});
export type ResolutionPlanInput = z.input<typeof resolutionPlanSchema>;

/** Once a case is resolved its plan is history; changing it starts with reopening the case. */
const PLAN_LOCKED = new Set<Complaint["status"]>(["resolved", "follow_up_due", "closed"]);

/**
 * Records (or revises) the plan. Every version is its own customer-visible event, so the
 * timeline shows what was offered and when, even after a revision.
 */
export async function proposeResolution(db: Db, actor: Actor, raw: ResolutionPlanInput | Record<string, string>): Promise<Complaint> {
  const input = parseInput(resolutionPlanSchema, raw);
  return updateCase(db, { complaintId: input.complaintId, actor, expectedVersion: input.expectedVersion }, async (tx, current) => {
    if (PLAN_LOCKED.has(current.status)) {
      throw new CaseRuleError("This case is already resolved. Reopen it before changing the resolution plan.");
    }
    if (current.status === "carrying_out") {
      throw new CaseRuleError("The customer agreed to this plan and it is being carried out. Move the case back to investigating to change it.");
    }
    const blameOverride = guardCustomerText(input.description, current, input);
    const facts = { resolutionType: input.type, resolutionDescription: input.description, resolutionSource: input.source };
    const revised = current.resolutionType !== null;
    const draft = BEFORE_PROPOSAL.has(current.status) && input.propose === "draft";
    const change: Required<CaseChange> = {
      patch: facts,
      events: [
        {
          type: "resolution_proposed",
          visibility: draft ? "internal" : "customer",
          body: input.description,
          data: {
            type: input.type,
            source: input.source,
            ...(revised ? { revised: true } : {}),
            ...(draft ? { draft: true } : {}),
            ...(blameOverride ? { blameOverride } : {}),
          },
          minutesSpent: input.minutesSpent,
        },
      ],
    };
    if (BEFORE_PROPOSAL.has(current.status) && !draft) {
      // A new case is investigated first: each implied move is checked and on the timeline.
      let at: Complaint = { ...current, ...facts };
      for (const step of pathTo(current.status, "resolution_proposed")) {
        const move = await statusChange(tx, at, step, { facts });
        change.patch = { ...change.patch, ...move.patch };
        change.events.push(...move.events);
        at = { ...at, ...move.patch } as Complaint;
      }
    }
    return change;
  });
}

export const askAgreementSchema = z.object({
  complaintId: z.uuid("Unknown case."),
  message: z.string().trim().max(2000, "Keep the message under 2,000 characters.").optional(),
  minutesSpent: minutesSpent(2),
  expectedVersion: versionSchema,
  ...blameOverrideFields,
});
export type AskAgreementInput = z.input<typeof askAgreementSchema>;

/**
 * Sends the proposed plan to the customer (by email when they gave an address; it is on their
 * tracking page either way) and waits for their answer: the case becomes "awaiting customer",
 * which pauses the resolution clock.
 */
export async function askCustomerToAgree(db: Db, actor: Actor, raw: AskAgreementInput | Record<string, string>): Promise<Complaint> {
  const input = parseInput(askAgreementSchema, raw);
  return updateCase(db, { complaintId: input.complaintId, actor, expectedVersion: input.expectedVersion }, async (tx, current) => {
    if (current.status !== "resolution_proposed") {
      throw new CaseRuleError(
        current.status === "awaiting_customer"
          ? "The customer has already been asked to agree; record their answer when it comes."
          : "Record the resolution plan first; the customer is asked to agree to a proposed plan.",
      );
    }
    const message = input.message || undefined;
    const blameOverride = message ? guardCustomerText(message, current, input) : undefined;
    const move = await statusChange(tx, current, "awaiting_customer", { note: message, minutesSpent: input.minutesSpent });
    if (blameOverride) move.events[0]!.data = { ...move.events[0]!.data, blameOverride };
    await enqueueCustomerEmail(tx, { complaintId: current.id, kind: "resolution_proposed", message });
    return move;
  });
}
