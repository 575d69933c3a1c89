"use client";

import { SelectField, SubmitButton, TextArea } from "@/components/ui";
import { fieldState } from "@/lib/forms/action-state";
import { deEscalateAction, escalateAction } from "../../_actions/decisions";
import { CaseFields, CaseForm, MinutesField } from "../case-form";

/** Bring the supervisors in, optionally handing the case to one of them and telling the customer. */
export function EscalateForm({ complaintId, version, supervisors }: { complaintId: string; version: number; supervisors: Array<{ value: string; label: string }> }) {
  return (
    <CaseForm action={escalateAction} label="Escalate">
      {(state) => (
        <>
          <CaseFields complaintId={complaintId} version={version} />
          <TextArea
            id="esc-reason"
            {...fieldState(state, "reason")}
            label="Why escalate?"
            required
            rows={3}
            className="min-h-20"
            maxLength={1000}
            hint="Internal. The supervisors read this first."
          />
          <SelectField
            id="esc-supervisor"
            {...fieldState(state, "supervisorId")}
            label="Hand the case to"
            placeholder="Keep the current handler"
            options={supervisors}
          />
          <label className="flex items-start gap-2 text-sm text-slate-800">
            <input type="checkbox" name="tellCustomer" defaultChecked={state.values.tellCustomer === "on"} className="mt-0.5 h-4 w-4 accent-brand-700" />
            <span>Tell the customer a senior colleague is now involved</span>
          </label>
          <MinutesField id="esc-minutes" state={state} fallback={5} />
          <SubmitButton variant="secondary" pendingLabel="Escalating…">
            Escalate
          </SubmitButton>
        </>
      )}
    </CaseForm>
  );
}

/** A supervisor ends the escalation once the case is back under control. */
export function DeEscalateForm({ complaintId, version }: { complaintId: string; version: number }) {
  return (
    <CaseForm action={deEscalateAction} label="End escalation">
      {(state) => (
        <>
          <CaseFields complaintId={complaintId} version={version} />
          <TextArea
            id="deesc-note"
            {...fieldState(state, "note")}
            label="Note"
            rows={2}
            className="min-h-16"
            maxLength={1000}
          />
          <MinutesField id="deesc-minutes" state={state} fallback={2} />
          <SubmitButton variant="secondary" pendingLabel="Saving…">
            End escalation
          </SubmitButton>
        </>
      )}
    </CaseForm>
  );
}
