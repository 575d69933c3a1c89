"use client";

import { SelectField, SubmitButton, TextArea } from "@/components/ui";
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
            name="reason"
            label="Why escalate?"
            required
            rows={3}
            className="min-h-20"
            maxLength={1000}
            hint="Internal. The supervisors read this first."
            defaultValue={state.values.reason ?? ""}
            error={state.fieldErrors.reason}
          />
          <SelectField
            id="esc-supervisor"
            name="supervisorId"
            label="Hand the case to"
            placeholder="Keep the current handler"
            options={supervisors}
            defaultValue={state.values.supervisorId ?? ""}
            error={state.fieldErrors.supervisorId}
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
            name="note"
            label="Note"
            rows={2}
            className="min-h-16"
            maxLength={1000}
            defaultValue={state.values.note ?? ""}
            error={state.fieldErrors.note}
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
