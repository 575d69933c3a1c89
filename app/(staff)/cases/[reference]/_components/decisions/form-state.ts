import { CaseConflictError, CaseRuleError, ForbiddenError, NotFoundError } from "@/lib/cases/errors";

/** What a decision form shows after its server action ran. */
export type DecisionState = {
  ok: boolean;
  message: string;
  fieldErrors: Record<string, string>;
  /** What the user typed, so a refused form comes back filled in. */
  values: Record<string, string>;
  /** Changes on every answer: the form remounts (fresh case version) and the toast shows again. */
  stamp: number;
};

export type DecisionAction = (previous: DecisionState, formData: FormData) => Promise<DecisionState>;

export const initialDecisionState: DecisionState = { ok: false, message: "", fieldErrors: {}, values: {}, stamp: 0 };

/** The form's text fields, minus the case id and version (those always come fresh from the page). */
export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && key !== "complaintId" && key !== "expectedVersion" && !key.startsWith("$")) values[key] = value;
  }
  return values;
}

export function succeeded(message: string): DecisionState {
  return { ok: true, message, fieldErrors: {}, values: {}, stamp: Date.now() };
}

/** A refusal the person can act on; anything unexpected is rethrown to the error page. */
export function refused(error: unknown, values: Record<string, string>): DecisionState {
  if (error instanceof CaseRuleError) return { ok: false, message: error.message, fieldErrors: error.fieldErrors, values, stamp: Date.now() };
  if (error instanceof CaseConflictError || error instanceof ForbiddenError || error instanceof NotFoundError) {
    return { ok: false, message: error.message, fieldErrors: {}, values, stamp: Date.now() };
  }
  throw error;
}
