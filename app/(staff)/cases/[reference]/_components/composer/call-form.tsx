"use client";

import { FieldError } from "@/components/ui";
import { logCallAction } from "../../_actions/conversation";
import { Audience } from "./audience";
import { CaseFields } from "../case-form";
import { ComposerForm, SendButton } from "./composer-form";
import { TextBox } from "./text-box";

/**
 * Logs a phone call (internal). The action then opens the written summary for the customer,
 * drafted from what is typed here.
 */
export function CallForm({ complaintId }: { complaintId: string }) {
  return (
    <ComposerForm action={logCallAction} label="Log a call">
      {(state) => {
        const durationError = state.fieldErrors.durationMinutes;
        const directionError = state.fieldErrors.direction;
        return (
          <>
            <Audience visible={false}>Next you will send the customer a short written summary of the call.</Audience>
            <CaseFields complaintId={complaintId} />
            <div className="flex flex-wrap gap-x-8 gap-y-3">
              <fieldset aria-describedby={directionError ? "call-direction-error" : undefined}>
                <legend className="text-sm font-medium text-slate-800">Who called</legend>
                <div className="mt-1 flex flex-wrap gap-x-5 gap-y-1 text-sm text-slate-800">
                  <label className="inline-flex items-center gap-2">
                    <input type="radio" name="direction" value="outbound" required defaultChecked={state.values.direction !== "inbound"} className="h-4 w-4" />
                    We called the customer
                  </label>
                  <label className="inline-flex items-center gap-2">
                    <input type="radio" name="direction" value="inbound" defaultChecked={state.values.direction === "inbound"} className="h-4 w-4" />
                    The customer called us
                  </label>
                </div>
                <FieldError id="call-direction-error">{directionError}</FieldError>
              </fieldset>
              <div className="space-y-1">
                <label htmlFor="call-duration" className="block text-sm font-medium text-slate-800">
                  Length of the call (minutes)
                </label>
                <input
                  id="call-duration"
                  name="durationMinutes"
                  type="number"
                  inputMode="numeric"
                  min={1}
                  max={600}
                  required
                  defaultValue={state.values.durationMinutes ?? ""}
                  aria-invalid={durationError ? true : undefined}
                  aria-describedby={durationError ? "call-duration-error" : "call-duration-hint"}
                  className="w-24 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900"
                />
                <p id="call-duration-hint" className="text-xs text-slate-600">
                  Also counted as your time on the case.
                </p>
                <FieldError id="call-duration-error">{durationError}</FieldError>
              </div>
            </div>
            <TextBox
              id="call-summary"
              name="summary"
              label="What was said"
              hint="The facts and what each side agreed to do. One point per line becomes a list in the customer's summary."
              state={state}
              rows={5}
              internal
            />
            <div className="flex justify-end">
              <SendButton audience="internal">Log the call</SendButton>
            </div>
          </>
        );
      }}
    </ComposerForm>
  );
}
