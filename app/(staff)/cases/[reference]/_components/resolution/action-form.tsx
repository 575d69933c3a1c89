"use client";

import { SubmitButton } from "@/components/ui";
import type { ActionState, FormAction } from "@/lib/forms/action-state";
import { CaseForm } from "../case-form";

/**
 * A resolution card form: a case form (../case-form.tsx) with its submit button, which folds its
 * section away once done so the card shows the result, and offers "Send it as written" when the
 * blame check held the customer-facing text back.
 */
export function ActionForm({
  action,
  label,
  submit,
  pending = "Saving…",
  variant = "primary",
  className = "space-y-3",
  children,
}: {
  action: FormAction;
  /** Accessible name of the form. */
  label: string;
  submit: string;
  pending?: string;
  variant?: "primary" | "secondary";
  className?: string;
  children: (state: ActionState) => React.ReactNode;
}) {
  return (
    <CaseForm
      action={action}
      label={label}
      className={className}
      foldOnDone
      footer={
        <SubmitButton pendingLabel={pending} variant={variant}>
          {submit}
        </SubmitButton>
      }
    >
      {(state) => (
        <>
          {children(state)}
          {state.flags.length > 0 ? <BlameOverride state={state} /> : null}
        </>
      )}
    </CaseForm>
  );
}

/** The flagged wording, with the way to send it anyway: a tick plus a reason, kept on the event. */
function BlameOverride({ state }: { state: ActionState }) {
  return (
    <div className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
      <p className="font-semibold">Check this wording before the customer reads it</p>
      <ul className="list-disc space-y-1 pl-5">
        {state.flags.map((flag, i) => (
          <li key={i}>
            <q className="font-medium">{flag.match}</q>: {flag.explanation} <span className="text-amber-900">Try: {flag.suggestion}</span>
          </li>
        ))}
      </ul>
      <label className="flex items-center gap-2">
        <input type="checkbox" name="sendAnyway" value="on" className="h-4 w-4" />
        Send it as written
      </label>
      <label className="block">
        <span className="text-sm">Why this wording is right (required to send anyway)</span>
        <input
          name="overrideReason"
          defaultValue={state.values.overrideReason ?? ""}
          className="mt-1 block w-full rounded-md border border-amber-400 bg-white px-3 py-1.5 text-sm text-slate-900"
        />
      </label>
      {state.fieldErrors.overrideReason ? <p className="font-medium text-red-700">{state.fieldErrors.overrideReason}</p> : null}
    </div>
  );
}
