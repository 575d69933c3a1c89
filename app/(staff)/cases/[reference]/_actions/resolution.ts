"use server";

import { getDb } from "@/db/client";
import { requireStaff } from "@/lib/auth/session";
import { FORM_OUTAGE_MESSAGE } from "@/lib/resilience/outage";
import { CaseConflictError, CaseRuleError, ForbiddenError, NotFoundError } from "@/lib/cases/errors";
import { recordAgreement, recordSatisfaction } from "@/lib/cases/actions/agreement";
import { BlameLanguageError } from "@/lib/cases/actions/conversation-common";
import { recordFollowUp, scheduleFollowUp } from "@/lib/cases/actions/follow-up";
import { addGoodwill } from "@/lib/cases/actions/goodwill";
import { formatCents } from "@/lib/cases/actions/money";
import { keepPromise, makePromise } from "@/lib/cases/actions/promise";
import { askCustomerToAgree, proposeResolution } from "@/lib/cases/actions/resolution";
import type { Actor } from "@/lib/cases/update-case";
import type { ResolutionFormState } from "../_components/resolution/form-state";
import { runCaseAction } from "./run-case-action";

/**
 * The resolution side of a case. Each action is one domain function that validates the input,
 * checks the role and writes in one transaction, run by runCaseAction (who is asking, refusals
 * the form shows, the page refreshed after every answer, the form kept as typed in an outage).
 */
async function run(
  previous: ResolutionFormState,
  formData: FormData,
  work: (actor: Actor, input: Record<string, string>) => Promise<string>): Promise<ResolutionFormState> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !key.startsWith("$")) values[key] = value;
  }
  const { complaintId: _id, expectedVersion: _version, ...typed } = values;
  const refusal = () => ({ ok: false, fieldErrors: {}, values: typed, flags: [], stamp: Date.now() });
  return runCaseAction({
    label: "case resolution",
    signedIn: () => requireStaff("agent"),
    work: async (actor): Promise<ResolutionFormState> => ({ ok: true, message: await work(actor, values), fieldErrors: {}, values: {}, flags: [], stamp: Date.now() }),
    refuse: (error) => refused(error, previous, refusal()),
    whenDown: () => ({ ...refusal(), message: FORM_OUTAGE_MESSAGE, flags: previous.flags }),
  });
}

/** A refusal the person can act on; anything unexpected (an outage too) is rethrown. */
function refused(error: unknown, previous: ResolutionFormState, refusal: Omit<ResolutionFormState, "message">): ResolutionFormState {
  if (error instanceof BlameLanguageError) {
    const flags = error.flags.map((f) => ({ match: f.match, explanation: f.explanation, suggestion: f.suggestion }));
    return { ...refusal, message: error.message, flags };
  }
  if (error instanceof CaseRuleError) {
    // Keep showing the flags while the sender gives the reason for sending anyway.
    const flags = error.fieldErrors.overrideReason ? previous.flags : [];
    return { ...refusal, message: error.message, fieldErrors: error.fieldErrors, flags };
  }
  if (error instanceof CaseConflictError || error instanceof ForbiddenError || error instanceof NotFoundError) {
    return { ...refusal, message: error.message };
  }
  throw error;
}

export async function proposeResolutionAction(previous: ResolutionFormState, formData: FormData): Promise<ResolutionFormState> {
  return run(previous, formData, async (actor, input) => {
    const updated = await proposeResolution(await getDb(), actor, input);
    return updated.status === "resolution_proposed" ? "Resolution plan recorded. Next: ask the customer to agree." : "Resolution plan recorded.";
  });
}

export async function askAgreementAction(previous: ResolutionFormState, formData: FormData): Promise<ResolutionFormState> {
  return run(previous, formData, async (actor, input) => {
    await askCustomerToAgree(await getDb(), actor, input);
    return "Sent to the customer. The case now waits for their answer.";
  });
}

export async function addGoodwillAction(previous: ResolutionFormState, formData: FormData): Promise<ResolutionFormState> {
  return run(previous, formData, async (actor, input) => {
    const updated = await addGoodwill(await getDb(), actor, input);
    return `Goodwill extra recorded (total on this case ${formatCents(updated.goodwillCostCents ?? 0)}).`;
  });
}

export async function makePromiseAction(previous: ResolutionFormState, formData: FormData): Promise<ResolutionFormState> {
  return run(previous, formData, async (actor, input) => {
    await makePromise(await getDb(), actor, input);
    return "Promise recorded. The customer can see it on their tracking page.";
  });
}

export async function keepPromiseAction(previous: ResolutionFormState, formData: FormData): Promise<ResolutionFormState> {
  return run(previous, formData, async (actor, input) => {
    await keepPromise(await getDb(), actor, input);
    return "Promise marked kept.";
  });
}

export async function scheduleFollowUpAction(previous: ResolutionFormState, formData: FormData): Promise<ResolutionFormState> {
  return run(previous, formData, async (actor, input) => {
    await scheduleFollowUp(await getDb(), actor, input);
    return "Follow-up scheduled.";
  });
}

export async function recordFollowUpAction(previous: ResolutionFormState, formData: FormData): Promise<ResolutionFormState> {
  return run(previous, formData, async (actor, input) => {
    await recordFollowUp(await getDb(), actor, input);
    return "Follow-up recorded. The case can be closed from the status section.";
  });
}

export async function recordAgreementAction(previous: ResolutionFormState, formData: FormData): Promise<ResolutionFormState> {
  return run(previous, formData, async (actor, input) => {
    const updated = await recordAgreement(await getDb(), actor, input);
    if (updated.customerAgreement === "agreed") return "Recorded: the customer agreed.";
    return updated.status === "investigating" ? "Recorded: the customer disagreed. The case is back to investigating." : "Recorded: the customer disagreed.";
  });
}

export async function recordSatisfactionAction(previous: ResolutionFormState, formData: FormData): Promise<ResolutionFormState> {
  return run(previous, formData, async (actor, input) => {
    const updated = await recordSatisfaction(await getDb(), actor, input);
    return `Satisfaction recorded: ${updated.satisfaction} out of 5.`;
  });
}
