"use client";

import { useActionState } from "react";
import { FormAnswer } from "@/components/form-answer";
import { SubmitButton, TextField } from "@/components/ui";
import { idleState } from "@/lib/forms/action-state";
import { saveRetentionAction } from "../actions";

export function RetentionForm({ months, max }: { months: number | null; max: number }) {
  const [state, formAction] = useActionState(saveRetentionAction, idleState);
  const retentionMonths = state.values.retentionMonths ?? (months === null ? "" : String(months));
  return (
    <form key={state.attempt} action={formAction} className="space-y-4" noValidate>
      <FormAnswer state={state} />
      <div className="max-w-xs">
        <TextField
          id="retentionMonths"
          label="Anonymise closed cases after (months)"
          hint={`Leave empty to keep cases until you erase them. 1 to ${max}.`}
          type="number"
          inputMode="numeric"
          min={1}
          max={max}
          defaultValue={retentionMonths}
          error={state.fieldErrors.retentionMonths}
        />
      </div>
      <SubmitButton pendingLabel="Saving…">Save retention period</SubmitButton>
    </form>
  );
}
