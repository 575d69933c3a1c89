"use client";

import { useActionState } from "react";
import { SubmitButton, TextArea } from "@/components/ui";
import { addMessageAction, type MessageFormState } from "../actions";

const initialState: MessageFormState = { error: null, body: "", attempt: 0 };

/** Adds the customer's message to their case; works without JavaScript too. */
export function MessageForm({ token }: { token: string }) {
  const [state, formAction] = useActionState(addMessageAction.bind(null, token), initialState);
  return (
    <form key={state.attempt} action={formAction} noValidate className="space-y-3">
      <TextArea
        id="body"
        name="body"
        label="Add a message"
        required
        rows={4}
        maxLength={5_000}
        hint="Answer our questions, add information, or tell us if something has changed. Our team sees it on your case."
        defaultValue={state.body}
        error={state.error ?? undefined}
        autoFocus={state.error !== null}
      />
      <SubmitButton pendingLabel="Sending…">Send message</SubmitButton>
    </form>
  );
}
