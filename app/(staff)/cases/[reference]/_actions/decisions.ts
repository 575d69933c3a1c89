"use server";

import { getDb } from "@/db/client";
import { requireStaff } from "@/lib/auth/session";
import { FORM_OUTAGE_MESSAGE } from "@/lib/resilience/outage";
import { assessSeverity } from "@/lib/cases/actions/assess";
import { assignCase } from "@/lib/cases/actions/assign";
import { confirmFault } from "@/lib/cases/actions/confirm-fault";
import { addDebrief } from "@/lib/cases/actions/debrief";
import { deEscalateCase, escalateCase } from "@/lib/cases/actions/escalate";
import { judgeRequest } from "@/lib/cases/actions/judge";
import { setRootCause } from "@/lib/cases/actions/root-cause";
import { changeStatus } from "@/lib/cases/actions/status";
import { STATUS_LABELS } from "@/lib/cases/state-machine";
import type { Actor } from "@/lib/cases/update-case";
import { formValues, refused, succeeded, type DecisionState } from "../_components/decisions/form-state";
import { runCaseAction } from "./run-case-action";

/**
 * The decision side of a case. Each action is one domain function that validates the input,
 * checks the role and writes in one transaction, run by runCaseAction (who is asking, refusals
 * the form shows, the page refreshed after every answer, the form kept as typed in an outage).
 */
async function run(
  formData: FormData,
  work: (actor: Actor, input: Record<string, string>) => Promise<string>,
): Promise<DecisionState> {
  // Every signed-in staff member gets this far; the domain functions refuse what their role
  // does not allow, with a message the form can show.
  const input = formValues(formData);
  const full = { ...input, complaintId: String(formData.get("complaintId") ?? ""), expectedVersion: String(formData.get("expectedVersion") ?? "") };
  return runCaseAction({
    label: "case decision",
    signedIn: () => requireStaff("agent"),
    work: async (actor) => succeeded(await work(actor, full)),
    refuse: (error) => refused(error, input),
    whenDown: () => ({ ok: false, message: FORM_OUTAGE_MESSAGE, fieldErrors: {}, values: input, stamp: Date.now() }),
  });
}

export async function changeStatusAction(_: DecisionState, formData: FormData): Promise<DecisionState> {
  return run(formData, async (actor, input) => {
    const updated = await changeStatus(await getDb(), actor, input);
    return `Case is now ${STATUS_LABELS[updated.status].toLowerCase()}.`;
  });
}

export async function assessAction(_: DecisionState, formData: FormData): Promise<DecisionState> {
  return run(formData, async (actor, input) => {
    const updated = await assessSeverity(await getDb(), actor, input);
    return `Assessed as ${updated.severity} severity.`;
  });
}

export async function assignAction(_: DecisionState, formData: FormData): Promise<DecisionState> {
  return run(formData, async (actor, input) => {
    const updated = await assignCase(await getDb(), actor, input);
    return updated.assigneeId === actor.id ? "The case is yours now." : "Case reassigned.";
  });
}

export async function judgeAction(_: DecisionState, formData: FormData): Promise<DecisionState> {
  return run(formData, async (actor, input) => {
    await judgeRequest(await getDb(), actor, input);
    return "Judgement recorded.";
  });
}

export async function rootCauseAction(_: DecisionState, formData: FormData): Promise<DecisionState> {
  return run(formData, async (actor, input) => {
    const { confirmationCleared } = await setRootCause(await getDb(), actor, input);
    return confirmationCleared
      ? "Root cause saved. The fault changed, so the supervisor's confirmation was withdrawn."
      : "Root cause saved.";
  });
}

export async function escalateAction(_: DecisionState, formData: FormData): Promise<DecisionState> {
  return run(formData, async (actor, input) => {
    await escalateCase(await getDb(), actor, input);
    return "Escalated to the supervisors.";
  });
}

export async function deEscalateAction(_: DecisionState, formData: FormData): Promise<DecisionState> {
  return run(formData, async (actor, input) => {
    await deEscalateCase(await getDb(), actor, input);
    return "Escalation ended.";
  });
}

export async function confirmFaultAction(_: DecisionState, formData: FormData): Promise<DecisionState> {
  return run(formData, async (actor, input) => {
    await confirmFault(await getDb(), actor, input);
    return "Fault confirmed.";
  });
}

export async function debriefAction(_: DecisionState, formData: FormData): Promise<DecisionState> {
  return run(formData, async (actor, input) => {
    await addDebrief(await getDb(), actor, input);
    return "Debrief saved. Only you and the supervisors can read it.";
  });
}
