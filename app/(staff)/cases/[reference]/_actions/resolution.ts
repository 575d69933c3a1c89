"use server";

import { getDb } from "@/db/client";
import { requireStaff } from "@/lib/auth/session";
import { CaseRuleError } from "@/lib/cases/errors";
import { recordAgreement, recordSatisfaction } from "@/lib/cases/actions/agreement";
import { BlameLanguageError } from "@/lib/cases/actions/conversation-common";
import { recordFollowUp, scheduleFollowUp } from "@/lib/cases/actions/follow-up";
import { addGoodwill } from "@/lib/cases/actions/goodwill";
import { formatCents } from "@/lib/cases/actions/money";
import { keepPromise, makePromise } from "@/lib/cases/actions/promise";
import { askCustomerToAgree, proposeResolution } from "@/lib/cases/actions/resolution";
import { BEFORE_PROPOSAL } from "@/lib/cases/state-machine";
import type { Actor } from "@/lib/cases/update-case";
import { refusedState, type ActionState } from "@/lib/forms/action-state";
import { typedValues } from "@/lib/forms/run-form-action";
import { runCaseForm } from "./run-case-form";

/**
 * The resolution side of a case. Each action is one domain function that validates the input,
 * checks the role and the account, and writes in one transaction, run by runFormAction (see
 * run-case-form.ts). Customer-facing text held back by the blame check comes back with its flags,
 * and keeps them while the sender gives the reason for sending it anyway.
 */
async function run(previous: ActionState, formData: FormData, work: (actor: Actor, input: Record<string, string>) => Promise<string>): Promise<ActionState> {
  return runCaseForm(
    formData,
    "case resolution",
    async () => {
      const user = await requireStaff("agent");
      return work({ id: user.id, role: user.role }, typedValues(formData));
    },
    {
      refuse: (error, typed) => {
        if (error instanceof BlameLanguageError) return refusedState(error.message, { ...typed, flags: error.flags });
        if (error instanceof CaseRuleError && error.fieldErrors.overrideReason) {
          return refusedState(error.message, { ...typed, fieldErrors: error.fieldErrors, flags: previous.flags });
        }
        return undefined;
      },
    },
  );
}

export async function proposeResolutionAction(previous: ActionState, formData: FormData): Promise<ActionState> {
  return run(previous, formData, async (actor, input) => {
    const updated = await proposeResolution(await getDb(), actor, input);
    if (BEFORE_PROPOSAL.has(updated.status)) return "Resolution plan recorded as a draft. The customer does not see it until you propose it.";
    return updated.status === "resolution_proposed"
      ? "Resolution plan recorded and proposed: the customer can agree or disagree on their tracking page. Next: ask the customer to agree."
      : "Resolution plan recorded.";
  });
}

export async function askAgreementAction(previous: ActionState, formData: FormData): Promise<ActionState> {
  return run(previous, formData, async (actor, input) => {
    await askCustomerToAgree(await getDb(), actor, input);
    return "Sent to the customer. The case now waits for their answer.";
  });
}

export async function addGoodwillAction(previous: ActionState, formData: FormData): Promise<ActionState> {
  return run(previous, formData, async (actor, input) => {
    const updated = await addGoodwill(await getDb(), actor, input);
    return `Goodwill extra recorded (total on this case ${formatCents(updated.goodwillCostCents ?? 0)}).`;
  });
}

export async function makePromiseAction(previous: ActionState, formData: FormData): Promise<ActionState> {
  return run(previous, formData, async (actor, input) => {
    await makePromise(await getDb(), actor, input);
    return "Promise recorded. The customer can see it on their tracking page.";
  });
}

export async function keepPromiseAction(previous: ActionState, formData: FormData): Promise<ActionState> {
  return run(previous, formData, async (actor, input) => {
    const updated = await keepPromise(await getDb(), actor, input);
    return updated.status === "resolved" && updated.customerAgreement === "agreed"
      ? "Promise marked kept. It was the last open promise of the agreed plan, so the case is now resolved."
      : "Promise marked kept.";
  });
}

export async function scheduleFollowUpAction(previous: ActionState, formData: FormData): Promise<ActionState> {
  return run(previous, formData, async (actor, input) => {
    await scheduleFollowUp(await getDb(), actor, input);
    return "Follow-up scheduled.";
  });
}

export async function recordFollowUpAction(previous: ActionState, formData: FormData): Promise<ActionState> {
  return run(previous, formData, async (actor, input) => {
    await recordFollowUp(await getDb(), actor, input);
    return "Follow-up recorded. The case can be closed from the status section.";
  });
}

export async function recordAgreementAction(previous: ActionState, formData: FormData): Promise<ActionState> {
  return run(previous, formData, async (actor, input) => {
    const updated = await recordAgreement(await getDb(), actor, input);
    if (updated.customerAgreement === "agreed") {
      if (updated.status === "resolved") return "Recorded: the customer agreed. The case is now resolved.";
      if (updated.status === "carrying_out") return "Recorded: the customer agreed. The case is now carrying out the plan.";
      return "Recorded: the customer agreed.";
    }
    return updated.status === "investigating" ? "Recorded: the customer disagreed. The case is back to investigating." : "Recorded: the customer disagreed.";
  });
}

export async function recordSatisfactionAction(previous: ActionState, formData: FormData): Promise<ActionState> {
  return run(previous, formData, async (actor, input) => {
    const updated = await recordSatisfaction(await getDb(), actor, input);
    return `Satisfaction recorded: ${updated.satisfaction} out of 5.`;
  });
}
