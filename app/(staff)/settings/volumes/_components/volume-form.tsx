"use client";

import { useActionState } from "react";
import { FormAnswer } from "@/components/form-answer";
import { SelectField, SubmitButton, TextField } from "@/components/ui";
import { idleState } from "@/lib/forms/action-state";
import { saveVolumeAction } from "../actions";

/** One process and month at a time; saving a month again replaces its units. */
export function VolumeForm({ processes, defaultMonth }: { processes: { value: string; label: string }[]; defaultMonth: string }) {
  const [state, formAction] = useActionState(saveVolumeAction, idleState);
  const errors = state.fieldErrors;
  return (
    <form key={state.attempt} action={formAction} className="space-y-4" noValidate>
      <FormAnswer state={state} />
      <div className="grid gap-4 md:grid-cols-3">
        <SelectField id="volume-process" name="processId" label="Process" required options={processes} placeholder="Choose a process" defaultValue={state.values.processId ?? ""} error={errors.processId} />
        <TextField id="volume-month" name="month" label="Month" hint="YYYY-MM" type="month" required defaultValue={state.values.month ?? defaultMonth} error={errors.month} />
        <TextField id="volume-units" name="units" label="Units of work" hint="Orders, visits, jobs… in that month." type="number" inputMode="numeric" min={1} step={1} required defaultValue={state.values.units ?? ""} error={errors.units} />
      </div>
      <SubmitButton>Save volume</SubmitButton>
    </form>
  );
}
