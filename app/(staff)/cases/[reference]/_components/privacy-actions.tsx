"use client";

import { useActionState, useState } from "react";
import { Alert, Button, SubmitButton, TextField, buttonClasses } from "@/components/ui";
import { fieldState, idleState } from "@/lib/forms/action-state";
import { eraseCustomerAction } from "../_actions/privacy";

/**
 * The owner's privacy tools on the customer panel: download everything held about the customer,
 * and erase their personal data after typing ERASE or the case reference. Only rendered for
 * owners; the route and the action check the role again on the server.
 */
export function PrivacyActions({ customerId, reference, erased }: { customerId: string; reference: string; erased: boolean }) {
  const [state, formAction] = useActionState(eraseCustomerAction, idleState);
  const [confirming, setConfirming] = useState(false);
  const done = state.outcome === "done";
  const open = confirming && !done;

  return (
    <div className="space-y-3 border-t border-slate-200 pt-3">
      <h3 className="text-xs font-medium uppercase tracking-wide text-slate-600">Their data</h3>
      {done ? <Alert tone="success">{state.message}</Alert> : null}
      <div className="flex flex-wrap gap-2">
        <a href={`/api/customers/${customerId}/export`} download={`customer-${customerId}.json`} className={buttonClasses("secondary", "sm")}>
          Export data
        </a>
        {erased || open ? null : (
          <Button variant="secondary" size="sm" className="text-red-800" onClick={() => setConfirming(true)}>
            Erase personal data
          </Button>
        )}
      </div>
      {open ? (
        <form key={state.attempt} action={formAction} className="space-y-3 rounded-md border border-red-200 bg-red-50/60 p-3" aria-label="Erase personal data">
          <p className="text-sm text-slate-900">
            <strong>This cannot be undone.</strong> Their name, contact details and words on every one of their cases are removed, their files
            deleted and their tracking links stop working. Case figures (status, process, root cause, times, rating) stay for analytics.
          </p>
          {state.outcome === "refused" && !state.fieldErrors.confirmation ? <Alert tone="error">{state.message}</Alert> : null}
          <input type="hidden" name="reference" value={reference} />
          <TextField
            id="erase-confirmation"
            {...fieldState(state, "confirmation")}
            label={`Type ERASE or ${reference} to confirm`}
            required
            autoComplete="off"
            spellCheck={false}
            autoFocus
          />
          <div className="flex flex-wrap gap-2">
            <SubmitButton variant="danger" pendingLabel="Erasing…">
              Erase permanently
            </SubmitButton>
            <Button variant="ghost" onClick={() => setConfirming(false)}>
              Cancel
            </Button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
