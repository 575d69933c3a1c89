"use client";

import { Fragment, useActionState, useEffect, useRef } from "react";
import { createPortal } from "react-dom";
import { Alert, Toast } from "@/components/ui";
import { initialDecisionState, type DecisionAction, type DecisionState } from "./form-state";

/**
 * A form bound to one decision action. Refusals show inline (with the fields as typed); successes
 * show a short toast. The fields remount after every answer so they pick up the case's new version.
 */
export function DecisionForm({
  action,
  label,
  children,
}: {
  action: DecisionAction;
  /** Accessible name of the form. */
  label: string;
  children: (state: DecisionState) => React.ReactNode;
}) {
  const [state, formAction] = useActionState(action, initialDecisionState);
  const formRef = useRef<HTMLFormElement>(null);
  const refused = !state.ok && Boolean(state.message);
  // A refusal must be seen even when the page refreshed under it and closed the form's section
  // (e.g. a colleague claimed the case a moment earlier, so "Assignee" now renders collapsed).
  useEffect(() => {
    if (!refused) return;
    const section = formRef.current?.closest("details");
    if (section && !section.open) section.open = true;
  }, [refused, state.stamp]);
  return (
    <>
      <form ref={formRef} action={formAction} aria-label={label} className="space-y-3">
        {/* Fresh fields after every answer: they pick up the case's new version and defaults. */}
        <Fragment key={state.stamp}>{children(state)}</Fragment>
        {!state.ok && state.message ? <Alert tone="error">{state.message}</Alert> : null}
      </form>
      {state.ok && state.message ? <Confirmation key={state.stamp} message={state.message} /> : null}
    </>
  );
}

/**
 * The success toast, rendered at the end of the page: a decision's section may collapse or its form
 * disappear once the decision is made, and the confirmation must still show.
 */
function Confirmation({ message }: { message: string }) {
  const toast = <Toast message={message} />;
  return typeof document === "undefined" ? toast : createPortal(toast, document.body);
}

/** The case id and the version the user is looking at, sent with every decision. */
export function CaseFields({ complaintId, version }: { complaintId: string; version: number }) {
  return (
    <>
      <input type="hidden" name="complaintId" value={complaintId} />
      <input type="hidden" name="expectedVersion" value={version} />
    </>
  );
}

/** Minutes spent on the action, so time per case and per customer adds up. */
export function MinutesField({ id, state, fallback }: { id: string; state: DecisionState; fallback: number }) {
  const error = state.fieldErrors.minutesSpent;
  return (
    <div className="flex items-center gap-2">
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
