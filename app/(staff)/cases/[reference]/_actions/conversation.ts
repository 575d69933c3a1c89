"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { requireStaff } from "@/lib/auth/session";
import { FORM_OUTAGE_MESSAGE } from "@/lib/resilience/outage";
import { CaseConflictError, CaseRuleError, ForbiddenError, NotFoundError } from "@/lib/cases/errors";
import { logCall, sendCallSummary } from "@/lib/cases/actions/call";
import { BlameLanguageError } from "@/lib/cases/actions/conversation-common";
import { addNote } from "@/lib/cases/actions/note";
import { sendReply, suggestWording } from "@/lib/cases/actions/reply";
import { restateComplaint } from "@/lib/cases/actions/restate";
import type { Actor } from "@/lib/cases/update-case";
import type { ComposerState } from "../_components/composer/form-state";
import { runCaseAction } from "./run-case-action";

/**
 * The conversation side of a case: replies, notes, calls, call summaries and restatements. Each
 * action re-loads the signed-in staff member, hands the form to one domain function (which
 * validates, checks the account and writes in one transaction) and refreshes the case page.
 */

type Form = { values: Record<string, string>; issues: string[] };

function readForm(formData: FormData): Form {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && key !== "issues" && key !== "intent" && !key.startsWith("$")) values[key] = value;
  }
  return { values, issues: formData.getAll("issues").map(String) };
}

function answer(state: Omit<ComposerState, "stamp" | "fieldErrors" | "flags" | "checkedText"> & Partial<ComposerState>): ComposerState {
  return { fieldErrors: {}, flags: [], checkedText: "", ...state, stamp: Date.now() };
}

function sent(message: string): ComposerState {
  return answer({ outcome: "sent", message, values: {}, issues: [] });
}

/** A refusal the person can act on; anything unexpected (an outage too) is rethrown. */
function refused(error: unknown, form: Form): ComposerState {
  const kept = { values: keepTyped(form.values), issues: form.issues };
  if (error instanceof BlameLanguageError) {
    const checkedText = form.values.text ?? "";
    return answer({ outcome: "error", message: error.message, flags: error.flags, checkedText: error.checkedText ?? checkedText, ...kept });
  }
  if (error instanceof CaseRuleError) return answer({ outcome: "error", message: error.message, fieldErrors: error.fieldErrors, ...kept });
  if (error instanceof CaseConflictError || error instanceof ForbiddenError || error instanceof NotFoundError) {
    return answer({ outcome: "error", message: error.message, ...kept });
  }
  throw error;
}

/** The case id and version always come fresh from the page, never from an earlier answer. */
function keepTyped(values: Record<string, string>): Record<string, string> {
  const { complaintId: _id, expectedVersion: _version, ...rest } = values;
  return rest;
}

async function run(formData: FormData, work: (actor: Actor, form: Form) => Promise<ComposerState>): Promise<ComposerState> {
  const form = readForm(formData);
  return runCaseAction({
    label: "case conversation",
    signedIn: () => requireStaff("agent"),
    work: (actor) => work(actor, form),
    refuse: (error) => refused(error, form),
    whenDown: () => answer({ outcome: "error", message: FORM_OUTAGE_MESSAGE, values: keepTyped(form.values), issues: form.issues }),
  });
}

const checkbox = (value: string | undefined) => value === "on" || value === "true";

/** "Use this wording": swaps a flagged sentence for the suggestion and checks again; sends nothing. */
async function reword(form: Form, intent: string): Promise<ComposerState | null> {
  const match = /^suggest:(\d+)$/.exec(intent);
  if (!match) return null;
  const { text, flags } = await suggestWording(await getDb(), form.values.complaintId ?? "", form.values.text ?? "", Number(match[1]));
  return answer({
    outcome: "notice",
    message: flags.length
      ? "Suggested wording used. Other passages still need a look."
      : "Suggested wording used. Read the message through, adjust it if needed, then send.",
    values: { ...keepTyped(form.values), text, sendAnyway: "" },
    issues: [],
    flags,
    checkedText: text,
  });
}

export async function sendReplyAction(_: ComposerState, formData: FormData): Promise<ComposerState> {
  return run(formData, async (actor, form) => {
    const reworded = await reword(form, String(formData.get("intent") ?? ""));
    if (reworded) return reworded;
    const v = form.values;
    await sendReply(await getDb(), actor, {
      complaintId: v.complaintId ?? "",
      kind: v.kind === "apology" ? "apology" : "reply",
      text: v.text ?? "",
      minutesSpent: v.minutesSpent ?? "",
      expectedVersion: v.expectedVersion ?? "",
      sendAnyway: checkbox(v.sendAnyway),
      overrideReason: v.overrideReason,
    });
    return sent(v.kind === "apology" ? "Apology sent to the customer." : "Reply sent to the customer.");
  });
}

export async function sendCallSummaryAction(_: ComposerState, formData: FormData): Promise<ComposerState> {
  return run(formData, async (actor, form) => {
    const reworded = await reword(form, String(formData.get("intent") ?? ""));
    if (reworded) return reworded;
    const v = form.values;
    await sendCallSummary(await getDb(), actor, {
      complaintId: v.complaintId ?? "",
      callEventId: v.callEventId ?? "",
      text: v.text ?? "",
      minutesSpent: v.minutesSpent ?? "",
      expectedVersion: v.expectedVersion ?? "",
      sendAnyway: checkbox(v.sendAnyway),
      overrideReason: v.overrideReason,
    });
    return sent("Call summary sent to the customer.");
  });
}

export async function addNoteAction(_: ComposerState, formData: FormData): Promise<ComposerState> {
  return run(formData, async (actor, { values: v }) => {
    await addNote(await getDb(), actor, { complaintId: v.complaintId ?? "", text: v.text ?? "", minutesSpent: v.minutesSpent ?? "" });
    return sent("Internal note added.");
  });
}

export async function logCallAction(_: ComposerState, formData: FormData): Promise<ComposerState> {
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

export async function restateAction(_: ComposerState, formData: FormData): Promise<ComposerState> {
  return run(formData, async (actor, form) => {
    const v = form.values;
    if (formData.get("intent") === "more-rows") {
      const rows = Math.min(10, Math.max(form.issues.length, 5) + 3);
      return answer({ outcome: "notice", message: "More rows added.", values: keepTyped(v), issues: padRows(form.issues, rows) });
    }
    try {
      await restateComplaint(await getDb(), actor, {
        complaintId: v.complaintId ?? "",
        issues: form.issues,
        intro: v.intro || undefined,
        minutesSpent: v.minutesSpent ?? "",
        expectedVersion: v.expectedVersion ?? "",
        sendAnyway: checkbox(v.sendAnyway),
        overrideReason: v.overrideReason,
      });
    } catch (error) {
      if (error instanceof CaseRuleError) remapIssueErrors(error.fieldErrors, form.issues);
      throw error;
    }
    return sent("Restatement sent. The customer can confirm or correct it on their case page.");
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
