"use client";

import { useActionState } from "react";
import { answerAction, type AnswerFormState } from "../actions";

const initial: AnswerFormState = { error: null, text: "", attempt: 0 };

/** One answer form's state; each form on the page has its own, so errors appear beside the right one. */
export function useAnswer(token: string) {
  return useActionState(answerAction.bind(null, token), initial);
}
