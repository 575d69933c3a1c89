"use client";

import { SelectField, SubmitButton, TextArea } from "@/components/ui";
import { fieldState } from "@/lib/forms/action-state";
import { reviewFaultAction } from "../../_actions/decisions";
import { CaseFields, CaseForm, MinutesField } from "../case-form";

type Option = { value: string; label: string };

/**
 * Supervisors only: change the fault attribution (the new one counts as confirmed) or reject it
 * (the agent sets it again), with a reason either way. The reason goes on the timeline.
 */
export function FaultReviewForm({
  complaintId,
  version,
  current,
  faults,
  canReject,
}: {
  complaintId: string;
  version: number;
  /** Null just after a rejection: the form stays in place (so its confirmation shows) with nothing to review. */
  current: string | null;
  faults: Option[];
  canReject: boolean;
}) {
  return (
    <CaseForm action={reviewFaultAction} label="Change or reject the fault attribution">
      {(state) => {
        if (!current) return null;
        const decision = state.values.decision ?? "change";
        return (
          <>
            <CaseFields complaintId={complaintId} version={version} />
            <fieldset className="space-y-2">
              <legend className="text-sm font-medium text-slate-800">Not right?</legend>
              <label className="flex items-center gap-2 text-sm text-slate-800">
                <input type="radio" name="decision" value="change" defaultChecked={decision === "change"} className="h-4 w-4 accent-brand-700" />
                Change it (the new attribution counts as confirmed)
              </label>
              {canReject ? (
                <label className="flex items-center gap-2 text-sm text-slate-800">
                  <input type="radio" name="decision" value="reject" defaultChecked={decision === "reject"} className="h-4 w-4 accent-brand-700" />
                  Reject it (it is cleared and set again under Root cause)
                </label>
              ) : null}
              {state.fieldErrors.decision ? <p className="text-sm font-medium text-red-700">{state.fieldErrors.decision}</p> : null}
            </fieldset>
            <SelectField
              id="fault-review-attribution"
              {...fieldState(state, "faultAttribution")}
              label="New attribution (when changing)"
              placeholder="Choose…"
              options={faults.filter((f) => f.value !== current)}
            />
            <TextArea
              id="fault-review-reason"
              {...fieldState(state, "reason")}
              label="Why (kept on the timeline)"
              required
              minLength={10}
              maxLength={2000}
              className="min-h-20"
            />
            <MinutesField id="fault-review-minutes" state={state} fallback={5} />
            <SubmitButton variant="secondary" pendingLabel="Recording…">
              Record the decision
            </SubmitButton>
          </>
        );
      }}
    </CaseForm>
  );
}
