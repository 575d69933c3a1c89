"use client";

import { SubmitButton, TextArea } from "@/components/ui";
import { judgeAction } from "../../_actions/decisions";
import { CaseFields, CaseForm, MinutesField } from "../case-form";

const CHOICES = [
  { value: "reasonable", label: "Reasonable" },
  { value: "partly", label: "Partly reasonable" },
  { value: "unreasonable", label: "Unreasonable" },
] as const;

/** Whether what the customer asks for is fair, and why. */
export function JudgeForm({
  complaintId,
  version,
  judgement,
  reason,
}: {
  complaintId: string;
  version: number;
  judgement: string | null;
  reason: string | null;
}) {
  return (
    <CaseForm action={judgeAction} label="Judge the request">
      {(state) => {
        const chosen = state.values.judgement ?? judgement ?? "";
        const error = state.fieldErrors.judgement;
        return (
          <>
            <CaseFields complaintId={complaintId} version={version} />
            <fieldset aria-describedby={error ? "judge-error" : undefined}>
              <legend className="text-sm font-medium text-slate-800">
                The customer&apos;s request is<span className="text-red-700"> *</span>
              </legend>
              <div className="mt-1 space-y-1">
                {CHOICES.map((c) => (
                  <label key={c.value} className="flex items-center gap-2 text-sm text-slate-800">
                    <input type="radio" name="judgement" value={c.value} defaultChecked={chosen === c.value} className="h-4 w-4 accent-brand-700" />
                    {c.label}
                  </label>
                ))}
              </div>
              {error ? (
                <p id="judge-error" className="mt-1 text-sm font-medium text-red-700">
                  {error}
                </p>
              ) : null}
            </fieldset>
            <TextArea
              id="judge-reason"
              name="reason"
              label="Reason"
              required
              rows={3}
              className="min-h-20"
              maxLength={1000}
              hint="What makes it fair or not? Colleagues and analytics read this."
              defaultValue={state.values.reason ?? reason ?? ""}
              error={state.fieldErrors.reason}
            />
            <MinutesField id="judge-minutes" state={state} fallback={3} />
            <SubmitButton variant="secondary" pendingLabel="Saving…">
              {judgement ? "Record new judgement" : "Record judgement"}
            </SubmitButton>
          </>
        );
      }}
    </CaseForm>
  );
}
