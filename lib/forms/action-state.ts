/**
 * The one answer every form's server action gives, for `useActionState`. Client-safe: no server
 * imports, so a form component can import the type and the idle state.
 */

import type { BlameFlag } from "@/lib/messages/blame-check";

/** A passage the blame-language check flagged; offsets point into `ActionState.checkedText`. */
export type FlaggedPassage = Pick<BlameFlag, "kind" | "match" | "start" | "end" | "explanation" | "suggestion">;

export type ActionState = {
  /**
   * idle: not sent yet; done: saved (the message confirms it); refused: nothing was saved, the
   * message says why; notice: nothing was saved and nothing is wrong (e.g. a wording was swapped).
   */
  outcome: "idle" | "done" | "refused" | "notice";
  message: string;
  /** Refusal messages by field name, shown beside the field. */
  fieldErrors: Record<string, string>;
  /** What the person typed, so a refused form comes back filled in. Never a password. */
  values: Record<string, string>;
  /** Repeated rows of one field (a restatement's issues), kept apart from `values`. */
  rows: string[];
  /** Wording the blame-language check flagged, and the text it checked. */
  flags: FlaggedPassage[];
  checkedText: string;
  /** Refused because this sender asked too often: seconds until they may ask again. */
  retryAfterSeconds?: number;
  /** Refused through no fault of the person: the database was unreachable, or (forms with an apology) anything else failed. */
  failure?: "outage" | "error";
  /** Files chosen in a refused post: browsers drop them when a form comes back, so the form asks for them again. */
  filesChosen?: number;
  /** The record an answer in place names (a complaint's reference, when no page is redirected to). */
  reference?: string;
  /**
   * Changes on every answer: a form's fields keyed on it remount with `values` and the page's
   * fresh data (a case's new version), and a toast keyed on it shows again.
   */
  attempt: number;
};

export const idleState: ActionState = { outcome: "idle", message: "", fieldErrors: {}, values: {}, rows: [], flags: [], checkedText: "", attempt: 0 };

/** A saved change, confirmed with `message`. */
export function doneState(message: string): ActionState {
  return { ...idleState, outcome: "done", message, attempt: Date.now() };
}

/** Nothing saved: `message` says why; the form comes back with `values` (and whatever else is given). */
export function refusedState(message: string, rest: Partial<Omit<ActionState, "outcome" | "message" | "attempt">> = {}): ActionState {
  return { ...idleState, ...rest, outcome: "refused", message, attempt: Date.now() };
}

/** Nothing saved and nothing wrong: the form comes back changed (a swapped wording, more rows). */
export function noticeState(message: string, rest: Partial<Omit<ActionState, "outcome" | "message" | "attempt">> = {}): ActionState {
  return { ...idleState, ...rest, outcome: "notice", message, attempt: Date.now() };
}

/** A field of a form that comes back: its name, what was typed in it, and its refusal (`<TextField {...fieldState(state, "text")} />`). */
export function fieldState(state: ActionState, name: string): { name: string; defaultValue: string; error: string | undefined } {
  return { name, defaultValue: state.values[name] ?? "", error: state.fieldErrors[name] };
}

/** The signature of every form action. */
export type FormAction = (previous: ActionState, formData: FormData) => Promise<ActionState>;
