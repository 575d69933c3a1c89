"use client";

import { useActionState } from "react";
import { FormAnswer } from "@/components/form-answer";
import { NewPasswordField } from "@/components/new-password-field";
import { SubmitButton, TextField } from "@/components/ui";
import { idleState } from "@/lib/forms/action-state";
import { changePasswordAction } from "../actions";

export function ChangePasswordForm() {
  const [state, formAction] = useActionState(changePasswordAction, idleState);
  const errors = state.fieldErrors;
  return (
    // A new key after every answer empties the fields: passwords are never put back.
    <form key={state.attempt} action={formAction} className="space-y-4" noValidate>
      <FormAnswer state={state} quietWithFieldErrors />
      <TextField id="current-password" name="current" label="Current password" type="password" required autoComplete="current-password" error={errors.current} />
      <NewPasswordField id="next-password" name="next" label="New password" error={errors.next} />
      <TextField id="confirm-password" name="confirm" label="Type the new password again" type="password" required autoComplete="new-password" error={errors.confirm} />
      <SubmitButton pendingLabel="Changing…">Change password</SubmitButton>
    </form>
  );
}
