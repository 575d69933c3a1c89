"use client";

import { useActionState } from "react";
import { Alert, SubmitButton, TextField } from "@/components/ui";
import { minutesPhrase } from "@/lib/security/minutes";
import { lostLinkAction, type LostLinkState } from "../actions";

const initial: LostLinkState = { fieldErrors: {}, email: "", reference: "", attempt: 0 };

export function LostLinkForm() {
  const [state, formAction] = useActionState(lostLinkAction, initial);
  const errors = state.fieldErrors;
  return (
    <form key={state.attempt} action={formAction} noValidate className="space-y-4">
      {state.retryAfterSeconds ? (
        <Alert tone="warning" title="Too many attempts">
          We have had several requests for new links from your connection, so we have paused them for a little while. Please try again
          in {minutesPhrase(state.retryAfterSeconds)}. Your details are still filled in below.
        </Alert>
      ) : null}
      <TextField
        id="email"
        name="email"
        type="email"
        autoComplete="email"
        label="Your email address"
        hint="The one you gave when you sent your complaint."
        required
        defaultValue={state.email}
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
        defaultValue={state.reference}
        error={errors.reference}
        autoFocus={!errors.email && Boolean(errors.reference)}
      />
      <SubmitButton pendingLabel="Checking…">Email me a new link</SubmitButton>
    </form>
  );
}
