"use client";

import { TextField } from "@/components/ui";
import { fieldState } from "@/lib/forms/action-state";
import { keepPromiseAction, makePromiseAction } from "../../_actions/resolution";
import { CaseFields, MinutesField } from "../case-form";
import { ActionForm } from "./action-form";

/** A new promise: what, and by when in the business's time zone (no time = end of that day). */
export function PromiseForm({ complaintId, version, today, timeZone }: { complaintId: string; version: number; today: string; timeZone: string }) {
  return (
    <ActionForm action={makePromiseAction} label="Make a promise" submit="Record the promise">
      {(state) => (
        <>
          <CaseFields complaintId={complaintId} version={version} />
          <TextField
            id="promise-text"
            {...fieldState(state, "text")}
            label="What we promised"
            hint="In the words you used with the customer; they will see it."
            required
            minLength={3}
            maxLength={500}
          />
          <div className="grid gap-3 sm:grid-cols-2">
            <TextField
              id="promise-date"
              {...fieldState(state, "dueDate")}
              type="date"
              label="By (date)"
              required
              min={today}
            />
            <TextField
              id="promise-time"
              {...fieldState(state, "dueTime")}
              type="time"
              label="Time"
              hint={`${timeZone} time. Empty means the end of that day.`}
            />
          </div>
          <MinutesField id="promise-minutes" state={state} fallback={2} />
        </>
      )}
    </ActionForm>
  );
}

/** "Mark kept" on one promise; late is fine and is recorded as late. */
export function KeepPromiseForm({ complaintId, promiseId, text, late }: { complaintId: string; promiseId: string; text: string; late: boolean }) {
  return (
    <ActionForm
      action={keepPromiseAction}
      label={`Mark kept: ${text}`}
      submit={late ? "Mark kept (late)" : "Mark kept"}
      variant="secondary"
      className="flex flex-wrap items-center gap-2"
    >
      {(state) => (
        <>
          <CaseFields complaintId={complaintId} />
          <input type="hidden" name="promiseId" value={promiseId} />
          <MinutesField id={`keep-minutes-${promiseId}`} state={state} fallback={1} />
        </>
      )}
    </ActionForm>
  );
}
