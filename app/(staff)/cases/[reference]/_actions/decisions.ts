"use server";

import { getDb } from "@/db/client";
import { requireStaff } from "@/lib/auth/session";
import { assessSeverity } from "@/lib/cases/actions/assess";
import { assignCase } from "@/lib/cases/actions/assign";
import { confirmFault } from "@/lib/cases/actions/confirm-fault";
import { addDebrief } from "@/lib/cases/actions/debrief";
import { deEscalateCase, escalateCase } from "@/lib/cases/actions/escalate";
import { judgeRequest } from "@/lib/cases/actions/judge";
import { setRootCause } from "@/lib/cases/actions/root-cause";
import { changeStatus } from "@/lib/cases/actions/status";
import { approveFlaggedApology, reviewFault } from "@/lib/cases/actions/supervisor-review";
import { FAULT_LABELS } from "@/lib/settings/labels";
import { STATUS_LABELS } from "@/lib/labels";
import type { Actor } from "@/lib/cases/update-case";
import type { ActionState } from "@/lib/forms/action-state";
import { typedValues } from "@/lib/forms/run-form-action";
import { runCaseForm } from "./run-case-form";

/**
 * The decision side of a case. Each action is one domain function that validates the input,
 * checks the role and the account, and writes in one transaction (lib/cases/update-case.ts),
 * run by runFormAction: refusals the form shows, the page refreshed after every answer, the form
 * kept as typed in an outage.
 */
async function run(formData: FormData, work: (actor: Actor, input: Record<string, string>) => Promise<string>): Promise<ActionState> {
  return runCaseForm(formData, "case decision", async () => {
    // Every signed-in staff member gets this far; the domain functions refuse what their role
    // does not allow, with a message the form can show.
    const user = await requireStaff("agent");
    return work({ id: user.id, role: user.role }, typedValues(formData));
  });
}

export async function changeStatusAction(_: ActionState, formData: FormData): Promise<ActionState> {
  return run(formData, async (actor, input) => {
    const updated = await changeStatus(await getDb(), actor, input);
    return `Case is now ${STATUS_LABELS[updated.status].toLowerCase()}.`;
  });
}

export async function assessAction(_: ActionState, formData: FormData): Promise<ActionState> {
  return run(formData, async (actor, input) => {
    const updated = await assessSeverity(await getDb(), actor, input);
    return `Assessed as ${updated.severity} severity.`;
  });
}

export async function assignAction(_: ActionState, formData: FormData): Promise<ActionState> {
  return run(formData, async (actor, input) => {
    const updated = await assignCase(await getDb(), actor, input);
    return updated.assigneeId === actor.id ? "The case is yours now." : "Case reassigned.";
  });
}

export async function judgeAction(_: ActionState, formData: FormData): Promise<ActionState> {
  return run(formData, async (actor, input) => {
    await judgeRequest(await getDb(), actor, input);
    return "Judgement recorded.";
  });
}

export async function rootCauseAction(_: ActionState, formData: FormData): Promise<ActionState> {
  return run(formData, async (actor, input) => {
    const { confirmationCleared } = await setRootCause(await getDb(), actor, input);
    return confirmationCleared
      ? "Root cause saved. The fault changed, so the supervisor's confirmation was withdrawn."
      : "Root cause saved.";
  });
}

export async function escalateAction(_: ActionState, formData: FormData): Promise<ActionState> {
  return run(formData, async (actor, input) => {
    await escalateCase(await getDb(), actor, input);
    return "Escalated to the supervisors.";
  });
}

export async function deEscalateAction(_: ActionState, formData: FormData): Promise<ActionState> {
  return run(formData, async (actor, input) => {
    await deEscalateCase(await getDb(), actor, input);
    return "Escalation ended.";
  });
}

export async function confirmFaultAction(_: ActionState, formData: FormData): Promise<ActionState> {
  return run(formData, async (actor, input) => {
    await confirmFault(await getDb(), actor, input);
    return "Fault confirmed.";
  });
}

export async function debriefAction(_: ActionState, formData: FormData): Promise<ActionState> {
  return run(formData, async (actor, input) => {
    await addDebrief(await getDb(), actor, input);
    return "Debrief saved. Only you and the supervisors can read it.";
  });
}

export async function reviewFaultAction(_: ActionState, formData: FormData): Promise<ActionState> {
  return run(formData, async (actor, input) => {
    const updated = await reviewFault(await getDb(), actor, input);
    return updated.faultAttribution
      ? `Fault attribution changed to ${FAULT_LABELS[updated.faultAttribution]} and confirmed. Replies are now checked against it.`
      : "Fault attribution rejected. It has to be set again under Root cause; nobody may admit fault meanwhile.";
  });
}

export async function approveApologyAction(_: ActionState, formData: FormData): Promise<ActionState> {
  return run(formData, async (actor, input) => {
    await approveFlaggedApology(await getDb(), actor, input);
    return "Apology approved. The checklist now counts it as apologising.";
  });
}
