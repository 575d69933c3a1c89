"use client";

import { useActionState } from "react";
import { answerAction, type AnswerFormState } from "../actions";

const initial: AnswerFormState = { error: null, text: "", attempt: 0 };

/**
 * One answer form's state; each form on the page has its own, so errors appear beside the right
 * one. The form says which case with a TokenField: never `answerAction.bind(...)` here (../actions.ts).
 */
export function useAnswer() {
  return useActionState(answerAction, initial);
}
