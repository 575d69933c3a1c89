"use client";

import { useActionState } from "react";
import { Alert, SubmitButton, TextField } from "@/components/ui";
import { MIN_PASSWORD_LENGTH } from "@/lib/staff/schemas";
import { changePasswordAction, type AccountFormState } from "../actions";

export function ChangePasswordForm() {
  const [state, formAction] = useActionState<AccountFormState, FormData>(changePasswordAction, {});
  const errors = state.fieldErrors ?? {};
  return (
    // A new key after every answer empties the fields: passwords are never put back.
    <form key={JSON.stringify(state)} action={formAction} className="space-y-4" noValidate>
      {state.ok ? <Alert tone="success">{state.ok}</Alert> : null}
      {state.error && !Object.keys(errors).length ? <Alert tone="error">{state.error}</Alert> : null}
      <TextField id="current-password" name="current" label="Current password" type="password" required autoComplete="current-password" error={errors.current} />
      <TextField
        id="next-password"
        name="next"
        label="New password"
        type="password"
        required
        autoComplete="new-password"
        minLength={MIN_PASSWORD_LENGTH}
        hint={`At least ${MIN_PASSWORD_LENGTH} characters. A short phrase is easier to remember than symbols.`}
        error={errors.next}
      />
      <TextField id="confirm-password" name="confirm" label="Type the new password again" type="password" required autoComplete="new-password" error={errors.confirm} />
      <SubmitButton pendingLabel="Changing…">Change password</SubmitButton>
    </form>
  );
}
