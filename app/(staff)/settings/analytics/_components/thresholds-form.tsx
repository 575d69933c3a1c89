"use client";

import { useActionState } from "react";
import { FormAnswer } from "@/components/form-answer";
import { SubmitButton, TextField, buttonClasses } from "@/components/ui";
import type { AnalyticsThresholds } from "@/lib/analytics/thresholds";
import { idleState } from "@/lib/forms/action-state";
import { saveThresholdsAction } from "../actions";
import { displayValue, THRESHOLD_FIELDS } from "../fields";

/** Every threshold, prefilled with the value in use; the default is shown beside each. */
export function ThresholdsForm({ current, defaults }: { current: AnalyticsThresholds; defaults: AnalyticsThresholds }) {
  const [state, formAction] = useActionState(saveThresholdsAction, idleState);
  const errors = state.fieldErrors;
  return (
    <form key={state.attempt} action={formAction} className="space-y-5" noValidate>
      <FormAnswer state={state} />
      <div className="grid gap-5 md:grid-cols-2">
        {THRESHOLD_FIELDS.map((f) => (
          <TextField
            key={f.name}
            id={`threshold-${f.name}`}
            name={f.name}
            label={`${f.label} (${f.unit})`}
            hint={`${f.hint} Default: ${displayValue(f, defaults[f.name])}${f.unit === "%" ? "%" : ` ${f.unit}`}.`}
            type="number"
            inputMode="decimal"
            step={f.step}
            required
            defaultValue={state.values[f.name] ?? displayValue(f, current[f.name])}
            error={errors[f.name]}
          />
        ))}
      </div>
      <div className="flex flex-wrap gap-3">
        <SubmitButton>Save thresholds</SubmitButton>
        <button type="submit" name="reset" value="1" className={buttonClasses("secondary")}>
          Reset to defaults
        </button>
      </div>
    </form>
  );
}
