"use client";

import { useActionState } from "react";
import { FormAnswer } from "@/components/form-answer";
import { NewPasswordField } from "@/components/new-password-field";
import { SelectField, SubmitButton, TextField } from "@/components/ui";
import { ROLE_LABELS, STAFF_ROLES } from "@/lib/auth/roles";
import { idleState } from "@/lib/forms/action-state";
import { createStaffAction } from "../actions";

const ROLE_OPTIONS = STAFF_ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));

export function CreateStaffForm() {
  const [state, formAction] = useActionState(createStaffAction, idleState);
  const errors = state.fieldErrors;
  // After a success the form starts empty again; after a refusal it keeps what was typed.
  return (
    <form key={state.attempt} action={formAction} className="space-y-4" noValidate>
      <FormAnswer state={state} quietWithFieldErrors />
      <TextField id="new-name" name="name" label="Name" required autoComplete="off" defaultValue={state.values.name} error={errors.name} />
      <TextField
        id="new-email"
        name="email"
        label="Email"
        type="email"
        required
        autoComplete="off"
        defaultValue={state.values.email}
        error={errors.email}
      />
      <SelectField id="new-role" name="role" label="Role" required options={ROLE_OPTIONS} defaultValue={state.values.role || "agent"} error={errors.role} />
      <NewPasswordField id="new-password" name="password" label="Initial password" error={errors.password} />
      <SubmitButton pendingLabel="Creating…">Create account</SubmitButton>
    </form>
  );
}
