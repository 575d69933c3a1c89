"use client";

import { useActionState } from "react";
import { FormAnswer } from "@/components/form-answer";
import { SubmitButton, TextArea, TextField } from "@/components/ui";
import { fieldState, type FormAction, idleState } from "@/lib/forms/action-state";
import { cancelActionAction, linkComplaintsAction, markDoneAction, reopenActionAction, unlinkComplaintsAction } from "../actions";

/** Marking the change made: what was changed, and the day it took effect (today unless said). */
export function DoneForm({ id, today }: { id: string; today: string }) {
  const [state, formAction] = useActionState(markDoneAction, idleState);
  const errors = state.fieldErrors;
  return (
    <form key={state.attempt} action={formAction} className="space-y-3" noValidate aria-label="Mark done">
      <FormAnswer state={state} />
      <input type="hidden" name="id" value={id} />
      <TextArea id="doneNote" label="What was changed" required maxLength={5000} defaultValue={state.values.doneNote ?? ""} error={errors.doneNote} />
      <TextField
        id="doneOn"
        label="Took effect on"
        hint="The before/after comparison splits here. Leave as today if it took effect today."
        type="date"
        max={today}
        defaultValue={state.values.doneOn ?? today}
        error={errors.doneAt ?? errors.doneOn}
      />
      <SubmitButton pendingLabel="Saving…">Mark done</SubmitButton>
    </form>
  );
}

/** Cancelling, or reopening: both need a reason, which goes on the trail. */
export function ReasonForm({ id, kind }: { id: string; kind: "cancel" | "reopen" }) {
  const action: FormAction = kind === "cancel" ? cancelActionAction : reopenActionAction;
  const [state, formAction] = useActionState(action, idleState);
  const fieldId = `${kind}-reason`;
  return (
    <form key={state.attempt} action={formAction} className="space-y-3" noValidate aria-label={kind === "cancel" ? "Cancel the action" : "Reopen the action"}>
      <FormAnswer state={state} quietWithFieldErrors />
      <input type="hidden" name="id" value={id} />
      <TextArea
        id={fieldId}
        {...fieldState(state, "reason")}
        label={kind === "cancel" ? "Why it is cancelled" : "Why it is reopened"}
        required
        maxLength={2000}
        className="min-h-20"
      />
      <SubmitButton variant={kind === "cancel" ? "danger" : "secondary"} pendingLabel="Saving…">
        {kind === "cancel" ? "Cancel this action" : "Reopen this action"}
      </SubmitButton>
    </form>
  );
}

/** Adding complaints by reference. */
export function LinkForm({ id }: { id: string }) {
  const [state, formAction] = useActionState(linkComplaintsAction, idleState);
  return (
    <form key={state.attempt} action={formAction} className="space-y-3" noValidate aria-label="Link complaints">
      <FormAnswer state={state} quietWithFieldErrors />
      <input type="hidden" name="id" value={id} />
      <TextField
        id="references"
        label="Link complaints by reference"
        hint="One or more references, separated by spaces or commas."
        required
        defaultValue={state.values.references ?? ""}
        error={state.fieldErrors.references}
        autoComplete="off"
      />
      <SubmitButton variant="secondary" pendingLabel="Linking…">
        Link
      </SubmitButton>
    </form>
  );
}

/** The linked complaints, each with a box to untick it from the action. */
export function UnlinkForm({ id, complaints }: { id: string; complaints: { id: string; reference: string; received: string; status: string }[] }) {
  const [state, formAction] = useActionState(unlinkComplaintsAction, idleState);
  return (
    <form key={state.attempt} action={formAction} className="space-y-3" noValidate aria-label="Unlink complaints">
      <FormAnswer state={state} />
      <input type="hidden" name="id" value={id} />
      <fieldset>
        <legend className="sr-only">Linked complaints</legend>
        <ul className="grid max-h-80 gap-1 overflow-y-auto sm:grid-cols-2">
          {complaints.map((c) => (
            <li key={c.id} className="flex items-center gap-2 text-sm">
              <input type="checkbox" id={`unlink-${c.id}`} name="complaintIds" value={c.id} className="h-4 w-4" />
              <label htmlFor={`unlink-${c.id}`} className="sr-only">
                Unlink {c.reference}
              </label>
              <a href={`/cases/${c.reference}`} className="font-mono font-medium text-brand-700 underline underline-offset-2">
                {c.reference}
              </a>
              <span className="text-slate-600">
                {c.received} · {c.status}
              </span>
            </li>
          ))}
        </ul>
      </fieldset>
      <SubmitButton variant="secondary" pendingLabel="Unlinking…">
        Unlink the ticked complaints
      </SubmitButton>
    </form>
  );
}
