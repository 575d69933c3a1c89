"use client";

import { useActionState } from "react";
import { FormAnswer } from "@/components/form-answer";
import { SelectField, SubmitButton, TextField } from "@/components/ui";
import { idleState } from "@/lib/forms/action-state";
import type { BusinessSettings } from "@/lib/settings/business";
import { saveBusinessAction } from "../actions";

/**
 * The zone list comes from the server: the browser's list can differ from Node's, and the
 * server is what validates the choice.
 */
export function BusinessForm({ settings, timeZones }: { settings: BusinessSettings; timeZones: string[] }) {
  const [state, formAction] = useActionState(saveBusinessAction, idleState);
  const errors = state.fieldErrors;
  const values = {
    businessName: settings.businessName,
    timeZone: settings.timeZone,
    firstResponseHours: String(settings.firstResponseHours),
    followUpDelayDays: String(settings.followUpDelayDays),
    ...state.values,
  };
  const zones = timeZones.includes(values.timeZone) ? timeZones : [values.timeZone, ...timeZones];
  return (
    <form key={state.attempt} action={formAction} className="space-y-4" noValidate>
      <FormAnswer state={state} />
      <TextField
        id="businessName"
        label="Business name"
        hint="Customers see it on every complaint page."
        required
        maxLength={120}
        defaultValue={values.businessName}
        error={errors.businessName}
      />
      <SelectField
        id="timeZone"
        label="Time zone"
        hint="Dates on cases and promise due dates follow this zone."
        required
        options={zones.map((zone) => ({ value: zone, label: zone.replaceAll("_", " ") }))}
        defaultValue={values.timeZone}
        error={errors.timeZone}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          id="firstResponseHours"
          label="First response within (hours)"
          hint="Until someone sets a case's severity. 1 to 720."
          type="number"
          inputMode="numeric"
          min={1}
          max={720}
          required
          defaultValue={values.firstResponseHours}
          error={errors.firstResponseHours}
        />
        <TextField
          id="followUpDelayDays"
          label="Follow up after (days)"
          hint="Days after a resolution to check the customer is happy. 0 to 90."
          type="number"
          inputMode="numeric"
          min={0}
          max={90}
          required
          defaultValue={values.followUpDelayDays}
          error={errors.followUpDelayDays}
        />
      </div>
      <SubmitButton pendingLabel="Saving…">Save business settings</SubmitButton>
    </form>
  );
}
