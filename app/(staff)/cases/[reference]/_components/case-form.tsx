"use client";

import { createContext, Fragment, useActionState, useCallback, useContext, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { createPortal } from "react-dom";
import { FieldError, Alert, Toast } from "@/components/ui";
import { idleState, type ActionState, type FormAction } from "@/lib/forms/action-state";

/**
 * Every form of the case page: the decisions, the resolution card and the composer. One server
 * action each (run by lib/forms/run-form-action.ts), one answer shape (ActionState):
 * - a refusal shows inside the form, with the fields as typed, and opens the form's section if the
 *   page refreshed it shut (a colleague claimed the case a moment earlier);
 * - a notice (a swapped wording, more rows) shows inside the form too;
 * - a success shows a toast at the end of the page, since the form's section may close or go away
 *   once the decision is made (a kept promise, an ended escalation, a confirmed fault take their
 *   form off the page in the same refresh that answers it); `foldOnDone` closes the section so the
 *   card shows the result. The toast belongs to the page (CaseAnnouncer), told of the answer as it
 *   arrives, before the refreshed page can unmount the form.
 * The fields remount after every answer, so they carry the case's new version and the values sent back.
 * Without JavaScript the server answers a success with a fresh page and a banner instead.
 */
export function CaseForm({
  action,
  label,
  className = "space-y-3",
  foldOnDone = false,
  children,
  footer,
}: {
  action: FormAction;
  /** Accessible name of the form. */
  label: string;
  className?: string;
  foldOnDone?: boolean;
  children: (state: ActionState) => React.ReactNode;
  /** Below the answer: the form's buttons, when they do not depend on the answer. */
  footer?: React.ReactNode;
}) {
  const announcer = useContext(AnnounceContext);
  const announcing = useCallback<FormAction>(
    async (previous, formData) => {
      const next = await action(previous, formData);
      if (next.outcome === "done" && next.message) announcer?.hold(next);
      return next;
    },
    [action, announcer],
  );
  // The server action itself on the server and while hydrating: that is what makes the form post
  // without JavaScript. In the browser, the wrapper that hands a success to the page's announcer.
  const [state, formAction] = useActionState(useIsBrowser() && announcer ? announcing : action, idleState);
  useEffect(() => {
    if (state.outcome === "done") announcer?.flush();
  }, [state, announcer]);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    const section = formRef.current?.closest("details");
    if (!section) return;
    if (state.outcome === "refused" && !section.open) section.open = true;
    if (state.outcome === "done" && foldOnDone) section.removeAttribute("open");
  }, [state, foldOnDone]);
  return (
    <>
      <form ref={formRef} action={formAction} aria-label={label} className={className}>
        <Fragment key={state.attempt}>{children(state)}</Fragment>
        {state.outcome === "refused" && state.message ? <Alert tone="error">{state.message}</Alert> : null}
        {state.outcome === "notice" && state.message ? <Alert tone="info">{state.message}</Alert> : null}
        {footer}
      </form>
      {!announcer && state.outcome === "done" && state.message ? <Confirmation key={state.attempt} message={state.message} /> : null}
    </>
  );
}

/** True once hydrated in a browser; false on the server and while hydrating. */
function useIsBrowser(): boolean {
  return useSyncExternalStore(
    subscribeNever,
    () => true,
    () => false,
  );
}
const subscribeNever = () => () => {};

type Announcer = { hold: (answer: ActionState) => void; flush: () => void };
const AnnounceContext = createContext<Announcer | null>(null);

/**
 * The case page's confirmations. A CaseForm hands its success over as the answer arrives (`hold`),
 * since the refreshed page that comes with it may take the form away (a kept promise's button);
 * the toast shows once that page is drawn (`flush`: the page's new content, or the form's own
 * answer, whichever commits), so what it confirms is already on screen.
 */
export function CaseAnnouncer({ children }: { children: React.ReactNode }) {
  const [done, setDone] = useState<ActionState | null>(null);
  const held = useRef<ActionState | null>(null);
  const flush = useCallback(() => {
    if (!held.current) return;
    setDone(held.current);
    held.current = null;
  }, []);
  const announcer = useMemo<Announcer>(() => ({ hold: (answer) => void (held.current = answer), flush }), [flush]);
  useEffect(flush, [children, flush]);
  return (
    <AnnounceContext.Provider value={announcer}>
      {children}
      {done ? <Confirmation key={done.attempt} message={done.message} /> : null}
    </AnnounceContext.Provider>
  );
}

/** The success toast, rendered at the end of the page so it outlives the form's section. */
function Confirmation({ message }: { message: string }) {
  const toast = <Toast message={message} />;
  return typeof document === "undefined" ? toast : createPortal(toast, document.body);
}

/** The case id and the version the person is looking at, sent with every case form. */
export function CaseFields({ complaintId, version }: { complaintId: string; version?: number }) {
  return (
    <>
      <input type="hidden" name="complaintId" value={complaintId} />
      {version !== undefined ? <input type="hidden" name="expectedVersion" value={version} /> : null}
    </>
  );
}

/** Minutes spent on the action, so time per case and per customer adds up. */
export function MinutesField({ id, state, fallback, required = false }: { id: string; state: ActionState; fallback: number; required?: boolean }) {
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
        required={required}
        defaultValue={state.values.minutesSpent ?? String(fallback)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className="w-20 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900"
      />
      <FieldError id={`${id}-error`}>{error}</FieldError>
    </div>
  );
}
