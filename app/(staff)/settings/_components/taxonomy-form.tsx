"use client";

import { useActionState } from "react";
import { FormAnswer } from "@/components/form-answer";
import { SubmitButton, TextArea, TextField } from "@/components/ui";
import { idleState, type FormAction } from "@/lib/forms/action-state";

type Props = {
  /** The item to edit; without one, the form adds a new item. */
  item?: { id: string; name: string; description: string | null };
  /** Prefixes the fields' ids: `${idPrefix}-${id}-name`, or `new-${idPrefix}-name`. */
  idPrefix: string;
  add: FormAction;
  edit: FormAction;
  hints: { name: string; description: string };
  addLabel: string;
  /** The item's own fields after the name and description, given the values to show and the errors. */
  extra?: (prefix: string, values: Record<string, string>, errors: Record<string, string>) => React.ReactNode;
};

/** Adds a process or root cause, or (given one) edits it. */
export function TaxonomyForm({ item, idPrefix, add, edit, hints, addLabel, extra }: Props) {
  const [state, formAction] = useActionState(item ? edit : add, idleState);
  const errors = state.fieldErrors;
  const values = { name: item?.name ?? "", description: item?.description ?? "", ...state.values };
  const prefix = item ? `${idPrefix}-${item.id}` : `new-${idPrefix}`;
  return (
    <form key={state.attempt} action={formAction} className="space-y-4" noValidate>
      <FormAnswer state={state} quietWithFieldErrors />
      {item ? <input type="hidden" name="id" value={item.id} /> : null}
      <TextField
        id={`${prefix}-name`}
        name="name"
        label="Name"
        hint={hints.name}
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
        hint={hints.description}
        maxLength={500}
        className="min-h-20"
        defaultValue={values.description}
        error={errors.description}
      />
      {extra?.(prefix, state.values, errors)}
      <SubmitButton pendingLabel="Saving…">{item ? "Save changes" : addLabel}</SubmitButton>
    </form>
  );
}
