"use client";

import { useActionState } from "react";
import { Alert, SubmitButton, TextArea, TextField } from "@/components/ui";
import { addProcessAction, editProcessAction } from "../actions";
import type { SettingsFormState } from "../../_components/action-state";

type Props = { process?: { id: string; name: string; description: string | null } };

/** Adds a process, or (given one) edits its name and description. */
export function ProcessForm({ process }: Props) {
  const [state, formAction] = useActionState<SettingsFormState, FormData>(process ? editProcessAction : addProcessAction, {});
  const errors = state.fieldErrors ?? {};
  const values = state.values ?? { name: process?.name ?? "", description: process?.description ?? "" };
  const prefix = process ? `process-${process.id}` : "new-process";
  return (
    <form key={state.at} action={formAction} className="space-y-4" noValidate>
      {state.error && !Object.keys(errors).length ? <Alert tone="error">{state.error}</Alert> : null}
      {process ? <input type="hidden" name="id" value={process.id} /> : null}
      <TextField
        id={`${prefix}-name`}
        name="name"
        label="Name"
        hint={process ? "Complaints filed under it show the new name." : "As customers would say it, e.g. “Delivery”."}
        required
        maxLength={80}
        autoComplete="off"
        defaultValue={values.name}
        error={errors.name}
      />
      <TextArea
        id={`${prefix}-description`}
        name="description"
        label="Description"
        hint="Helps customers and staff choose the right one."
        maxLength={500}
        className="min-h-20"
        defaultValue={values.description}
        error={errors.description}
      />
      <SubmitButton pendingLabel="Saving…">{process ? "Save changes" : "Add process"}</SubmitButton>
    </form>
  );
}
