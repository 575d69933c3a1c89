"use client";

import { useActionState } from "react";
import { Alert, SubmitButton, TextField } from "@/components/ui";
import { idleState } from "@/lib/forms/action-state";
import { signInAction } from "../actions";

export function SignInForm({ callbackUrl, initialError }: { callbackUrl: string; initialError?: string }) {
  const [state, formAction] = useActionState(signInAction, initialError ? { ...idleState, outcome: "refused" as const, message: initialError } : idleState);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      {state.message ? <Alert tone="error">{state.message}</Alert> : null}
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <TextField
        id="email"
        label="Email"
        type="email"
        autoComplete="username"
        required
        // The key remounts the field so the typed email comes back after a refusal.
        key={state.attempt}
        defaultValue={state.values.email}
        error={state.fieldErrors.email}
        autoFocus
      />
      <TextField
        id="password"
        label="Password"
        type="password"
        autoComplete="current-password"
        required
        error={state.fieldErrors.password}
      />
      <SubmitButton className="w-full" pendingLabel="Signing in…">
        Sign in
      </SubmitButton>
    </form>
  );
}
