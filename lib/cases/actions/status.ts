import "server-only";
import { z } from "zod";
import type { Db } from "@/db/client";
import { CASE_STATUSES, type Complaint } from "@/db/schema";
import { enqueueCustomerEmail } from "@/lib/outbox";
import { CaseRuleError } from "../errors";
import { isReopen } from "../state-machine";
import { hasDoneFollowUp, statusChange } from "../transition";
import { updateCase, type Actor } from "../update-case";
import { followUpOnResolve } from "./follow-up";
import { caseRef, minutesSpent, optionalText, parseInput, type FormInput } from "./input";

export const statusInputSchema = z.object({
  ...caseRef,
  to: z.enum(CASE_STATUSES, { error: "Choose the status to move the case to." }),
  /** Internal note about the move; required when reopening, or closing before the follow-up (it is the reason). */
  note: optionalText(2000, "The note"),
  minutesSpent: minutesSpent(1),
});
export type StatusInput = z.input<typeof statusInputSchema>;

/**
 * Moves a case along the state machine (resolve, close and reopen included). The move itself is a
 * customer-visible timeline event; the note is kept as a separate internal event, because a
 * reason for reopening or resolving is written for colleagues, not for the customer.
 * Closing queues the closure email in the same transaction. Closing before anyone followed up with
 * the customer (allowed once they agreed with the resolution) needs a reason, kept on the timeline.
 */
export async function changeStatus(db: Db, actor: Actor, input: StatusInput | FormInput): Promise<Complaint> {
  const data = parseInput(statusInputSchema, input);
  return updateCase(db, { complaintId: data.complaintId, actor, expectedVersion: data.expectedVersion }, async (tx, current) => {
    if (isReopen(current.status, data.to) && (data.note?.length ?? 0) < 3) {
      throw new CaseRuleError("Say why the case is being reopened.", { note: "Give the reason for reopening (at least 3 characters)." });
    }
    const change = await statusChange(tx, current, data.to, { minutesSpent: data.minutesSpent });
    const withoutFollowUp = data.to === "closed" && !(await hasDoneFollowUp(tx, current.id));
    if (withoutFollowUp && (data.note?.length ?? 0) < 3) {
      throw new CaseRuleError("The follow-up with the customer has not been done yet. Say why the case is being closed without it.", {
        note: "Give the reason for closing without a follow-up (at least 3 characters).",
      });
    }
    if (data.note) {
      const about = withoutFollowUp ? { withoutFollowUp: true } : {};
      change.events.push({ type: "note", visibility: "internal", body: data.note, data: { about: "status", to: data.to, ...about }, minutesSpent: 0 });
    }
    // Resolving schedules the follow-up (business_settings.follow_up_delay_days later); see follow-up.ts.
    if (data.to === "resolved") change.events.push(...(await followUpOnResolve(tx, current, actor.id)));
    if (data.to === "closed") {
      // One closure email per closing, even if the action is retried.
      await enqueueCustomerEmail(tx, { complaintId: current.id, kind: "closure", dedupeKey: `closure:${current.id}:${current.reopenedCount}` });
    }
    return change;
  });
}
