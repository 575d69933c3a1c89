"use client";

import { useActionState } from "react";
import { Alert, SelectField, SubmitButton, TextField } from "@/components/ui";
import { ROLE_LABELS, STAFF_ROLES } from "@/lib/auth/roles";
import { MIN_PASSWORD_LENGTH } from "@/lib/staff/schemas";
import { createStaffAction, type StaffFormState } from "../actions";

const ROLE_OPTIONS = STAFF_ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));

export function CreateStaffForm() {
  const [state, formAction] = useActionState<StaffFormState, FormData>(createStaffAction, {});
  const errors = state.fieldErrors ?? {};
  // After a success the form starts empty again; after a refusal it keeps what was typed.
  const formKey = state.ok ?? JSON.stringify(state.values ?? {});
  return (
    <form key={formKey} action={formAction} className="space-y-4" noValidate>
      {state.ok ? <Alert tone="success">{state.ok}</Alert> : null}
      {state.error && !Object.keys(errors).length ? <Alert tone="error">{state.error}</Alert> : null}
      <TextField id="new-name" name="name" label="Name" required autoComplete="off" defaultValue={state.values?.name} error={errors.name} />
      <TextField
        id="new-email"
        name="email"
        label="Email"
        type="email"
        required
        autoComplete="off"
        defaultValue={state.values?.email}
        error={errors.email}
      />
      <SelectField id="new-role" name="role" label="Role" required options={ROLE_OPTIONS} defaultValue={state.values?.role || "agent"} error={errors.role} />
      <TextField
        id="new-password"
        name="password"
        label="Initial password"
        type="password"
        required
        autoComplete="new-password"
        minLength={MIN_PASSWORD_LENGTH}
        hint={`At least ${MIN_PASSWORD_LENGTH} characters. A short phrase is easier to remember than symbols.`}
        error={errors.password}
      />
      <SubmitButton pendingLabel="Creating…">Create account</SubmitButton>
    </form>
  );
}
