"use client";

import { useActionState } from "react";
import { FormAnswer } from "@/components/form-answer";
import { SelectField, SubmitButton, TextArea, TextField } from "@/components/ui";
import { FAULT_ATTRIBUTIONS } from "@/db/schema/enums";
import { idleState } from "@/lib/forms/action-state";
import { FAULT_LABELS, type Fault } from "@/lib/settings/labels";
import { addRootCauseAction, editRootCauseAction } from "../actions";

const FAULT_OPTIONS = FAULT_ATTRIBUTIONS.map((fault) => ({ value: fault, label: FAULT_LABELS[fault] }));

type Props = { rootCause?: { id: string; name: string; description: string | null; defaultFault: Fault } };

/** Adds a root cause, or (given one) edits its name, description and default fault. */
export function RootCauseForm({ rootCause }: Props) {
  const [state, formAction] = useActionState(rootCause ? editRootCauseAction : addRootCauseAction, idleState);
  const errors = state.fieldErrors;
  const values = {
    name: rootCause?.name ?? "",
    description: rootCause?.description ?? "",
    defaultFault: rootCause?.defaultFault ?? "undetermined",
    ...state.values,
  };
  const prefix = rootCause ? `root-cause-${rootCause.id}` : "new-root-cause";
  return (
    <form key={state.attempt} action={formAction} className="space-y-4" noValidate>
      <FormAnswer state={state} quietWithFieldErrors />
      {rootCause ? <input type="hidden" name="id" value={rootCause.id} /> : null}
      <TextField
        id={`${prefix}-name`}
        name="name"
        label="Name"
        hint={rootCause ? "Cases attributed to it show the new name." : "Why it went wrong, e.g. “Courier missed the slot”."}
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
        hint="When staff should choose it."
        maxLength={500}
        className="min-h-20"
        defaultValue={values.description}
        error={errors.description}
      />
      <SelectField
        id={`${prefix}-fault`}
        name="defaultFault"
        label="Usually whose fault"
        hint={
          rootCause
            ? "Pre-filled when staff pick this cause. Cases already attributed keep the fault they have."
            : "Pre-filled when staff pick this cause; they can change it per case."
        }
        required
        options={FAULT_OPTIONS}
        defaultValue={values.defaultFault}
        error={errors.defaultFault}
      />
      <SubmitButton pendingLabel="Saving…">{rootCause ? "Save changes" : "Add root cause"}</SubmitButton>
    </form>
  );
}
