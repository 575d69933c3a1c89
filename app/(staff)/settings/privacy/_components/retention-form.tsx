"use client";

import { useActionState } from "react";
import { Alert, SubmitButton, TextField } from "@/components/ui";
import type { SettingsFormState } from "../../_components/action-state";
import { saveRetentionAction } from "../actions";

export function RetentionForm({ months, max }: { months: number | null; max: number }) {
  const [state, formAction] = useActionState<SettingsFormState, FormData>(saveRetentionAction, {});
  const values = state.values ?? { retentionMonths: months === null ? "" : String(months) };
  return (
    <form key={state.at} action={formAction} className="space-y-4" noValidate>
      {state.ok ? <Alert tone="success">{state.ok}</Alert> : null}
      {state.error ? <Alert tone="error">{state.error}</Alert> : null}
      <div className="max-w-xs">
        <TextField
          id="retentionMonths"
          label="Anonymise closed cases after (months)"
          hint={`Leave empty to keep cases until you erase them. 1 to ${max}.`}
          type="number"
          inputMode="numeric"
          min={1}
          max={max}
          defaultValue={values.retentionMonths}
          error={state.fieldErrors?.retentionMonths}
        />
      </div>
      <SubmitButton pendingLabel="Saving…">Save retention period</SubmitButton>
    </form>
  );
}
