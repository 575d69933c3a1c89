import "server-only";
import { z } from "zod";
import type { Db, Tx } from "@/db/client";
import type { Complaint } from "@/db/schema";
import { CaseRuleError } from "../errors";
import { checkTransition, type CaseStatus } from "../state-machine";
import { statusChange } from "../transition";
import { updateCase, type Actor, type CaseChange } from "../update-case";
import { followUpOnResolve } from "./follow-up";
import { minutesSpent, parseInput } from "./input";
import { countOpenPromises } from "./promise";

/** The statuses in which the customer is answering a proposal: an agreement moves the case on from here. */
const PROPOSED = new Set<Complaint["status"]>(["resolution_proposed", "awaiting_customer"]);

/**
 * Where an agreement takes the case, so no status is left saying "waiting for your answer": to
 * resolved when nothing promised is still open and the case may be resolved (root cause, process
 * and fault set); otherwise to "carrying out the plan", which the last kept promise (or staff)
 * resolves. Resolving schedules the follow-up, as resolving by hand does. Null when the case was
 * not waiting for an answer (an agreement told to staff after resolution changes no status).
 */
export async function moveOnAgreement(
  tx: Tx,
  current: Complaint,
  actorId: string | null,
): Promise<(Required<CaseChange> & { to: CaseStatus; openPromises: number }) | null> {
  if (!PROPOSED.has(current.status)) return null;
  const facts = { customerAgreement: "agreed" as const };
  const openPromises = await countOpenPromises(tx, current.id);
  const canResolve = checkTransition(current.status, "resolved", { ...current, ...facts, followUpCompleted: false }).ok;
  const to: CaseStatus = openPromises === 0 && canResolve ? "resolved" : "carrying_out";
  const move = await statusChange(tx, current, to, { facts });
  if (to === "resolved") move.events.push(...(await followUpOnResolve(tx, current, actorId)));
  return { ...move, to, openPromises };
}

/**
 * The customer's answer to the resolution, and their satisfaction, as told to staff (usually on a
 * call). The customer can also answer on their tracking page; what staff record here is internal
 * (the customer did not write it) and marked `capturedBy: "staff"` so the two can be told apart.
 */

const base = {
  complaintId: z.uuid("Unknown case."),
  expectedVersion: z.coerce.number().int().positive(),
};

export const agreementSchema = z
  .object({
    ...base,
    agreement: z.enum(["agreed", "disagreed"], "Choose whether the customer agreed."),
    reason: z.string().trim().max(2000, "Keep this under 2,000 characters.").optional(),
    minutesSpent: minutesSpent(2),
  })
  .refine((v) => v.agreement !== "disagreed" || (v.reason ?? "").length >= 3, {
    path: ["reason"],
    message: "Say why the customer disagreed: it decides what to try next.",
  });
export type AgreementInput = z.input<typeof agreementSchema>;

/** Statuses in which a resolution exists for the customer to answer. */
const ANSWERABLE = new Set<Complaint["status"]>(["resolution_proposed", "awaiting_customer", "resolved", "follow_up_due"]);

/**
 * Records whether the customer agreed. An agreement while the customer was answering a proposal
 * moves the case on (moveOnAgreement); a disagreement while the case waits for the customer
 * sends it back to investigating (the plan needs another look). At any other point it is
 * recorded only, and reopening a resolved case stays a deliberate step in the status section.
 */
export async function recordAgreement(db: Db, actor: Actor, raw: AgreementInput | Record<string, string>): Promise<Complaint> {
  const input = parseInput(agreementSchema, raw);
  return updateCase(db, { complaintId: input.complaintId, actor, expectedVersion: input.expectedVersion }, async (tx, current) => {
    if (!current.resolutionType || !ANSWERABLE.has(current.status)) {
      throw new CaseRuleError(
        current.status === "closed"
          ? "This case is closed. Reopen it to record anything new."
          : "Record the resolution plan first: the customer agrees or disagrees with a proposed plan.",
      );
    }
    const reason = input.reason || null;
    const change: Required<CaseChange> = {
      patch: { customerAgreement: input.agreement },
      events: [
        {
          type: input.agreement === "agreed" ? "customer_agreed" : "customer_disagreed",
          visibility: "internal",
          body: reason,
          data: { capturedBy: "staff" },
          minutesSpent: input.minutesSpent,
        },
      ],
    };
    const onward = input.agreement === "agreed" ? await moveOnAgreement(tx, current, actor.id) : null;
    if (onward) {
      change.patch = { ...change.patch, ...onward.patch };
      change.events.push(...onward.events);
    }
    if (input.agreement === "disagreed" && current.status === "awaiting_customer") {
      const move = await statusChange(tx, current, "investigating", { note: "The customer disagreed with the proposed resolution." });
      change.patch = { ...change.patch, ...move.patch };
      change.events.push(...move.events);
    }
    return change;
  });
}

export const satisfactionSchema = z.object({
  ...base,
  rating: z.coerce
    .number("Choose a rating from 1 to 5.")
    .int("Choose a rating from 1 to 5.")
    .min(1, "Choose a rating from 1 to 5.")
    .max(5, "Choose a rating from 1 to 5."),
  comment: z.string().trim().max(2000, "Keep the comment under 2,000 characters.").optional(),
  minutesSpent: minutesSpent(1),
});
export type SatisfactionInput = z.input<typeof satisfactionSchema>;

/** The customer's rating, 1 to 5, with their comment in their words as staff heard them. */
export async function recordSatisfaction(db: Db, actor: Actor, raw: SatisfactionInput | Record<string, string>): Promise<Complaint> {
  const input = parseInput(satisfactionSchema, raw);
  return updateCase(db, { complaintId: input.complaintId, actor, expectedVersion: input.expectedVersion }, async (tx, current) => {
    if (current.status === "closed") throw new CaseRuleError("This case is closed. Reopen it to record anything new.");
    if (!current.resolutionType) throw new CaseRuleError("Record the resolution plan first: satisfaction is about how the complaint was put right.");
    const comment = input.comment || null;
    return {
      patch: { satisfaction: input.rating, satisfactionComment: comment },
      events: [{ type: "satisfaction_rated", visibility: "internal", body: comment, data: { rating: input.rating, capturedBy: "staff" }, minutesSpent: input.minutesSpent }],
    };
  });
}
