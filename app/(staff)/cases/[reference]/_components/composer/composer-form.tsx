"use client";

import { Fragment, useActionState } from "react";
import { createPortal, useFormStatus } from "react-dom";
import { Alert, Toast, cx } from "@/components/ui";
import { sendClasses } from "./audience";
import { initialComposerState, type ComposerAction, type ComposerState } from "./form-state";

/**
 * A composer form bound to one server action. Refusals show inline with the text as typed;
 * successes show a toast and an empty form. Works without JavaScript: the page re-renders with
 * the action's answer.
 */
export function ComposerForm({
  action,
  label,
  children,
}: {
  action: ComposerAction;
  label: string;
  children: (state: ComposerState) => React.ReactNode;
}) {
  const [state, formAction] = useActionState(action, initialComposerState);
  return (
    <>
      <form action={formAction} aria-label={label} className="space-y-4">
        {/* The form's default button: Enter in a field sends, rather than pressing the first of
            the other buttons ("Use this wording", "More rows"). Hidden from sight and from tabbing. */}
        <button type="submit" name="intent" value="send" tabIndex={-1} aria-hidden className="sr-only">
          Send
        </button>
        {state.outcome === "error" && state.message ? <Alert tone="error">{state.message}</Alert> : null}
        {state.outcome === "notice" && state.message ? <Alert tone="info">{state.message}</Alert> : null}
        {/* Fresh fields after every answer: the values sent back and the case's new version. */}
        <Fragment key={state.stamp}>{children(state)}</Fragment>
      </form>
      {state.outcome === "sent" ? <Confirmation key={state.stamp} message={state.message} /> : null}
    </>
  );
}

/** Rendered at the end of the page, so it shows even if the form's tab changes afterwards. */
function Confirmation({ message }: { message: string }) {
  const toast = <Toast message={message} />;
  return typeof document === "undefined" ? toast : createPortal(toast, document.body);
}

export function CaseFields({ complaintId, version }: { complaintId: string; version?: number }) {
  return (
    <>
      <input type="hidden" name="complaintId" value={complaintId} />
      {version !== undefined ? <input type="hidden" name="expectedVersion" value={version} /> : null}
    </>
  );
}

/** Minutes spent on this action, so time per case and per customer adds up. */
export function MinutesField({ id, state, fallback }: { id: string; state: ComposerState; fallback: number }) {
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
        required
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

/**
 * The form's send button, styled by audience. `intent` tells the action what was pressed (the
 * blame review adds other buttons to the same form).
 */
export function SendButton({ audience, children }: { audience: "customer" | "internal"; children: React.ReactNode }) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      name="intent"
      value="send"
      disabled={pending}
      className={cx(
        "inline-flex items-center justify-center rounded-md px-4 py-2 text-sm font-semibold transition-colors disabled:cursor-not-allowed disabled:opacity-60",
        sendClasses[audience],
      )}
    >
      {pending ? "Saving…" : children}
    </button>
  );
}
