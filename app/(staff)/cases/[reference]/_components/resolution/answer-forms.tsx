"use client";

import { useState } from "react";
import { FieldError, SelectField, TextArea } from "@/components/ui";
import { recordAgreementAction, recordSatisfactionAction } from "../../_actions/resolution";
import { CaseFields, MinutesField } from "../case-form";
import { ActionForm } from "./action-form";
import { type ActionState, fieldState } from "@/lib/forms/action-state";
import { RATING_LABELS } from "./labels";

/** The customer's answer to the plan, as they told staff (on a call, in the shop…). */
export function AgreementForm({ complaintId, version }: { complaintId: string; version: number }) {
  return (
    <ActionForm action={recordAgreementAction} label="Record the customer's answer" submit="Record the answer">
      {(state) => <AgreementFields complaintId={complaintId} version={version} state={state} />}
    </ActionForm>
  );
}

function AgreementFields({ complaintId, version, state }: { complaintId: string; version: number; state: ActionState }) {
  const [answer, setAnswer] = useState(state.values.agreement ?? "");
  return (
    <>
      <CaseFields complaintId={complaintId} version={version} />
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium text-slate-800">
          The customer told us they<span className="text-red-700"> *</span>
        </legend>
        <div className="flex flex-wrap gap-x-5 gap-y-1">
          {[
            ["agreed", "Agree with the plan"],
            ["disagreed", "Do not agree"],
          ].map(([value, label]) => (
            <label key={value} className="flex items-center gap-2 text-sm text-slate-800">
              <input type="radio" name="agreement" value={value} required checked={answer === value} onChange={() => setAnswer(value!)} className="h-4 w-4" />
              {label}
            </label>
          ))}
        </div>
        <FieldError>{state.fieldErrors.agreement}</FieldError>
      </fieldset>
      <TextArea
        id="agreement-reason"
        {...fieldState(state, "reason")}
        label={answer === "disagreed" ? "Why they disagree" : "Note"}
        hint={answer === "disagreed" ? "Their reasons, as they gave them. The case goes back to investigating if it was waiting for them." : undefined}
        required={answer === "disagreed"}
        maxLength={2000}
        className="min-h-20"
      />
      <MinutesField id="agreement-minutes" state={state} fallback={2} />
    </>
  );
}

/** The customer's rating, 1 to 5, and comment, as told to staff. */
export function SatisfactionForm({ complaintId, version }: { complaintId: string; version: number }) {
  return (
    <ActionForm action={recordSatisfactionAction} label="Record the customer's satisfaction" submit="Record satisfaction">
      {(state) => (
        <>
          <CaseFields complaintId={complaintId} version={version} />
          <SelectField
            id="satisfaction-rating"
            {...fieldState(state, "rating")}
            label="How happy are they with how it was put right?"
            required
            placeholder="Choose…"
            options={Object.entries(RATING_LABELS).map(([value, label]) => ({ value, label }))}
          />
          <TextArea
            id="satisfaction-comment"
            {...fieldState(state, "comment")}
            label="What they said"
            maxLength={2000}
            className="min-h-20"
          />
          <MinutesField id="satisfaction-minutes" state={state} fallback={1} />
        </>
      )}
    </ActionForm>
  );
}
