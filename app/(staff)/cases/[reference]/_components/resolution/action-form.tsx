"use client";

import { Fragment, useActionState, useEffect, useRef } from "react";
import { createPortal } from "react-dom";
import { Alert, SubmitButton, Toast } from "@/components/ui";
import { initialResolutionState, type ResolutionAction, type ResolutionFormState } from "./form-state";

/**
 * A form bound to one resolution action. Refusals show inline with the fields as typed; a success
 * shows a short toast, and the fields remount so they carry the case's new version.
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
  action: ResolutionAction;
  /** Accessible name of the form. */
  label: string;
  submit: string;
  pending?: string;
  variant?: "primary" | "secondary";
  className?: string;
  children: (state: ResolutionFormState) => React.ReactNode;
}) {
  const [state, formAction] = useActionState(action, initialResolutionState);
  const formRef = useRef<HTMLFormElement>(null);
  // Done: fold the form's section away so the card shows the result, not a used form.
  useEffect(() => {
    if (state.ok) formRef.current?.closest("details")?.removeAttribute("open");
  }, [state]);
  return (
    <>
      <form ref={formRef} action={formAction} aria-label={label} className={className}>
        <Fragment key={state.stamp}>
          {children(state)}
          {state.flags.length > 0 ? <BlameOverride state={state} /> : null}
        </Fragment>
        {!state.ok && state.message ? <Alert tone="error">{state.message}</Alert> : null}
        <SubmitButton pendingLabel={pending} variant={variant}>
          {submit}
        </SubmitButton>
      </form>
      {state.ok && state.message ? <Confirmation key={state.stamp} message={state.message} /> : null}
    </>
  );
}

/** Rendered at the end of the page, so it still shows when the form's section closes or goes away. */
function Confirmation({ message }: { message: string }) {
  const toast = <Toast message={message} />;
  return typeof document === "undefined" ? toast : createPortal(toast, document.body);
}

/** The flagged wording, with the way to send it anyway: a tick plus a reason, kept on the event. */
function BlameOverride({ state }: { state: ResolutionFormState }) {
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

/** The case id and the version the user is looking at. */
export function CaseFields({ complaintId, version }: { complaintId: string; version?: number }) {
  return (
    <>
      <input type="hidden" name="complaintId" value={complaintId} />
      {version !== undefined ? <input type="hidden" name="expectedVersion" value={version} /> : null}
    </>
  );
}

/** Minutes spent on the action, so time per case and per customer adds up. */
export function MinutesField({ id, state, fallback }: { id: string; state: ResolutionFormState; fallback: number }) {
  const error = state.fieldErrors.minutesSpent;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <label htmlFor={id} className="text-sm text-slate-700">
        Minutes spent
      </label>
      <input
        id={id}
        name="minutesSpent"
        type="number"
        inputMode="numeric"
        min={0}
        max={1440}
        defaultValue={state.values.minutesSpent ?? String(fallback)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className="w-20 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900"
      />
      {error ? (
        <p id={`${id}-error`} className="text-sm font-medium text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
