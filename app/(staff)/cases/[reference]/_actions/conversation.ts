"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { requireStaff } from "@/lib/auth/session";
import { CaseRuleError } from "@/lib/cases/errors";
import { logCall, sendCallSummary } from "@/lib/cases/actions/call";
import { BlameLanguageError } from "@/lib/cases/actions/conversation-common";
import { addNote } from "@/lib/cases/actions/note";
import { sendReply, suggestWording } from "@/lib/cases/actions/reply";
import { restateComplaint } from "@/lib/cases/actions/restate";
import type { Actor } from "@/lib/cases/update-case";
import { noticeState, refusedState, type ActionState } from "@/lib/forms/action-state";
import { typedValues } from "@/lib/forms/run-form-action";
import { runCaseForm } from "./run-case-form";

/**
 * The conversation side of a case: replies, notes, calls, call summaries and restatements. Each
 * action re-loads the signed-in staff member, hands the form to one domain function (which
 * validates, checks the account and writes in one transaction) and refreshes the case page.
 */

/** The posted form: its fields (the case id and version included), and the restatement's rows. */
type Form = { values: Record<string, string>; issues: string[] };

function readForm(formData: FormData): Form {
  const { issues: _rows, intent: _pressed, ...values } = typedValues(formData);
  return { values, issues: formData.getAll("issues").map(String) };
}

async function run(formData: FormData, work: (actor: Actor, form: Form) => Promise<string | ActionState>): Promise<ActionState> {
  return runCaseForm(
    formData,
    "case conversation",
    async () => {
      const user = await requireStaff("agent");
      return work({ id: user.id, role: user.role }, readForm(formData));
    },
    {
      rows: "issues",
      refuse: (error, typed) =>
        error instanceof BlameLanguageError
          ? refusedState(error.message, { ...typed, flags: error.flags, checkedText: error.checkedText ?? typed.values.text ?? "" })
          : undefined,
    },
  );
}

/** The case id and version always come fresh from the page, never from an earlier answer. */
function keepTyped(values: Record<string, string>): Record<string, string> {
  const { complaintId: _id, expectedVersion: _version, intent: _pressed, ...rest } = values;
  return rest;
}

const checkbox = (value: string | undefined) => value === "on" || value === "true";

/** "Use this wording": swaps a flagged sentence for the suggestion and checks again; sends nothing. */
async function reword(form: Form, intent: string): Promise<ActionState | null> {
  const match = /^suggest:(\d+)$/.exec(intent);
  if (!match) return null;
  const { text, flags } = await suggestWording(await getDb(), form.values.complaintId ?? "", form.values.text ?? "", Number(match[1]));
  return noticeState(
    flags.length
      ? "Suggested wording used. Other passages still need a look."
      : "Suggested wording used. Read the message through, adjust it if needed, then send.",
    { values: { ...keepTyped(form.values), text, sendAnyway: "" }, flags, checkedText: text },
  );
}

/** What a message to the customer sends: its text, the time spent, the version, and a blame-check override. */
function message(v: Record<string, string>) {
  const { complaintId = "", text = "", minutesSpent = "", expectedVersion = "", overrideReason } = v;
  return { complaintId, text, minutesSpent, expectedVersion, sendAnyway: checkbox(v.sendAnyway), overrideReason };
}

export async function sendReplyAction(_: ActionState, formData: FormData): Promise<ActionState> {
  return run(formData, async (actor, form) => {
    const reworded = await reword(form, String(formData.get("intent") ?? ""));
    if (reworded) return reworded;
    const kind = form.values.kind === "apology" ? "apology" : "reply";
    await sendReply(await getDb(), actor, { ...message(form.values), kind });
    return kind === "apology" ? "Apology sent to the customer." : "Reply sent to the customer.";
  });
}

export async function sendCallSummaryAction(_: ActionState, formData: FormData): Promise<ActionState> {
  return run(formData, async (actor, form) => {
    const reworded = await reword(form, String(formData.get("intent") ?? ""));
    if (reworded) return reworded;
    await sendCallSummary(await getDb(), actor, { ...message(form.values), callEventId: form.values.callEventId ?? "" });
    return "Call summary sent to the customer.";
  });
}

export async function addNoteAction(_: ActionState, formData: FormData): Promise<ActionState> {
  return run(formData, async (actor, { values: v }) => {
    await addNote(await getDb(), actor, { complaintId: v.complaintId ?? "", text: v.text ?? "", minutesSpent: v.minutesSpent ?? "" });
    return "Internal note added.";
  });
}

export async function logCallAction(_: ActionState, formData: FormData): Promise<ActionState> {
  const state = await run(formData, async (actor, { values: v }) => {
    const { complaint, callEventId } = await logCall(await getDb(), actor, {
      complaintId: v.complaintId ?? "",
      direction: (v.direction ?? "") as "inbound",
      durationMinutes: v.durationMinutes ?? "",
      summary: v.summary ?? "",
    });
    // Straight on to the written follow-up, drafted from this call (works without JavaScript too).
    redirect(`/cases/${encodeURIComponent(complaint.reference)}?compose=call-summary&call=${callEventId}#composer`);
  });
  return state;
}

export async function restateAction(_: ActionState, formData: FormData): Promise<ActionState> {
  return run(formData, async (actor, form) => {
    const v = form.values;
    if (formData.get("intent") === "more-rows") {
      const rows = Math.min(10, Math.max(form.issues.length, 5) + 3);
      return noticeState("More rows added.", { values: keepTyped(v), rows: padRows(form.issues, rows) });
    }
    try {
      await restateComplaint(await getDb(), actor, { ...message(v), issues: form.issues, intro: v.intro || undefined });
    } catch (error) {
      if (error instanceof CaseRuleError) remapIssueErrors(error.fieldErrors, form.issues);
      throw error;
    }
    return "Restatement sent. The customer can confirm or correct it on their case page.";
  });
}

function padRows(rows: string[], count: number): string[] {
  return [...rows, ...Array.from({ length: Math.max(0, count - rows.length) }, () => "")];
}

/** The domain numbers issues after dropping blank rows; the form numbers its rows. */
function remapIssueErrors(fieldErrors: Record<string, string>, rows: string[]): void {
  const filled = rows.flatMap((row, i) => (row.trim() ? [i] : []));
  for (const key of Object.keys(fieldErrors)) {
    const m = /^issues\.(\d+)$/.exec(key);
    if (!m) continue;
    const row = filled[Number(m[1])];
    const message = fieldErrors[key]!;
    delete fieldErrors[key];
    if (row !== undefined) fieldErrors[`issues.${row}`] = message;
  }
}
