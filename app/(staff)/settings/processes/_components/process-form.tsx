"use client";

import { useActionState } from "react";
import { FormAnswer } from "@/components/form-answer";
import { SubmitButton, TextArea, TextField } from "@/components/ui";
import { idleState } from "@/lib/forms/action-state";
import { addProcessAction, editProcessAction } from "../actions";

type Props = { process?: { id: string; name: string; description: string | null } };

/** Adds a process, or (given one) edits its name and description. */
export function ProcessForm({ process }: Props) {
  const [state, formAction] = useActionState(process ? editProcessAction : addProcessAction, idleState);
  const errors = state.fieldErrors;
  const values = { name: process?.name ?? "", description: process?.description ?? "", ...state.values };
  const prefix = process ? `process-${process.id}` : "new-process";
  return (
    <form key={state.attempt} action={formAction} className="space-y-4" noValidate>
      <FormAnswer state={state} quietWithFieldErrors />
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
