"use client";

import { useActionState } from "react";
import { FormAnswer } from "@/components/form-answer";
import { Alert, SubmitButton, TextField } from "@/components/ui";
import { idleState } from "@/lib/forms/action-state";
import { minutesPhrase } from "@/lib/security/minutes";
import { lostLinkAction } from "../actions";

export function LostLinkForm() {
  const [state, formAction] = useActionState(lostLinkAction, idleState);
  const errors = state.fieldErrors;
  return (
    <form key={state.attempt} action={formAction} noValidate className="space-y-4">
      {state.retryAfterSeconds ? (
        <Alert tone="warning" title="Too many attempts">
          We have had several requests for new links from your connection, so we have paused them for a little while. Please try again
          in {minutesPhrase(state.retryAfterSeconds)}. Your details are still filled in below.
        </Alert>
      ) : (
        <FormAnswer state={state} quietWithFieldErrors />
      )}
      <TextField
        id="email"
        name="email"
        type="email"
        autoComplete="email"
        label="Your email address"
        hint="The one you gave when you sent your complaint."
        required
        defaultValue={state.values.email}
        error={errors.email}
        autoFocus={Boolean(errors.email)}
      />
      <TextField
        id="reference"
        name="reference"
        label="Complaint reference"
        hint="It looks like CR-7KQ4-M9TA."
        required
        autoCapitalize="characters"
        spellCheck={false}
        defaultValue={state.values.reference}
        error={errors.reference}
        autoFocus={!errors.email && Boolean(errors.reference)}
      />
      <SubmitButton pendingLabel="Checking…">Email me a new link</SubmitButton>
    </form>
  );
}
