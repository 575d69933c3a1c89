"use client";

import { useActionState } from "react";
import { idleState } from "@/lib/forms/action-state";
import { answerAction } from "../actions";

/**
 * One answer form's state; each form on the page has its own, so errors appear beside the right
 * one. The form says which case with a TokenField: never `answerAction.bind(...)` here (../actions.ts).
 * A sent answer lands on a fresh page, so the state's message is always why one was refused.
 */
export function useAnswer() {
  return useActionState(answerAction, idleState);
}
