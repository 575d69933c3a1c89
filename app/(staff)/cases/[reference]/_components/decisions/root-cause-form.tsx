"use client";

import { useState } from "react";
import { Alert, SelectField, SubmitButton } from "@/components/ui";
import { rootCauseAction } from "../../_actions/decisions";
import { CaseFields, CaseForm, MinutesField } from "../case-form";
import type { ActionState } from "@/lib/forms/action-state";

type Option = { value: string; label: string };
export type RootCauseOption = Option & { defaultFault: string };

type Props = {
  complaintId: string;
  version: number;
  current: { processId: string | null; rootCauseId: string | null; faultAttribution: string | null; responsibleStaffId: string | null };
  faultConfirmed: boolean;
  processes: Option[];
  rootCauses: RootCauseOption[];
  faults: Option[];
  staff: Option[];
};

/** Process, root cause, fault and (for a colleague's conduct) who: required before resolving. */
export function RootCauseForm(props: Props) {
  return (
    <CaseForm action={rootCauseAction} label="Set the root cause">
      {(state) => <RootCauseFields {...props} state={state} />}
    </CaseForm>
  );
}

function RootCauseFields({ complaintId, version, current, faultConfirmed, processes, rootCauses, faults, staff, state }: Props & { state: ActionState }) {
  const [causeId, setCauseId] = useState(state.values.rootCauseId ?? current.rootCauseId ?? "");
  const [fault, setFault] = useState(state.values.faultAttribution ?? current.faultAttribution ?? "");
  const cause = rootCauses.find((c) => c.value === causeId);
  const defaultFaultLabel = cause ? faults.find((f) => f.value === cause.defaultFault)?.label : undefined;

  return (
    <>
      <CaseFields complaintId={complaintId} version={version} />
      <SelectField
        id="rc-process"
        name="processId"
        label="Process"
        required
        placeholder="Choose…"
        options={processes}
        defaultValue={state.values.processId ?? current.processId ?? ""}
        error={state.fieldErrors.processId}
      />
      <SelectField
        id="rc-cause"
        name="rootCauseId"
        label="Root cause"
        required
        placeholder="Choose…"
        options={rootCauses}
        defaultValue={causeId}
        onChange={(e) => {
          setCauseId(e.target.value);
          // Preselect the fault this cause usually implies; staff can still change it.
          const picked = rootCauses.find((c) => c.value === e.target.value);
          // The selects stay uncontrolled (the form resets itself after an action), so set it directly.
          const faultSelect = e.target.form?.elements.namedItem("faultAttribution");
          if (picked && faultSelect instanceof HTMLSelectElement) {
            faultSelect.value = picked.defaultFault;
            setFault(picked.defaultFault);
          }
        }}
        error={state.fieldErrors.rootCauseId}
      />
      <SelectField
        id="rc-fault"
        name="faultAttribution"
        label="Fault"
        required
        placeholder="Choose…"
        options={faults}
        defaultValue={fault}
        onChange={(e) => setFault(e.target.value)}
        hint={defaultFaultLabel ? `Default for this cause: ${defaultFaultLabel}` : undefined}
        error={state.fieldErrors.faultAttribution}
      />
      <SelectField
        id="rc-staff"
        name="responsibleStaffId"
        label="Staff member responsible"
        placeholder="Nobody in particular"
        hint="Only when a colleague's conduct caused the complaint (fault: service). Anyone, not only the handler."
        options={staff}
        defaultValue={state.values.responsibleStaffId ?? current.responsibleStaffId ?? ""}
        error={state.fieldErrors.responsibleStaffId}
      />
      {faultConfirmed && fault !== current.faultAttribution ? (
        <Alert tone="warning">A supervisor confirmed the current fault. Saving a different fault withdraws that confirmation.</Alert>
      ) : null}
      <MinutesField id="rc-minutes" state={state} fallback={5} />
      <SubmitButton variant="secondary" pendingLabel="Saving…">
        Save root cause
      </SubmitButton>
    </>
  );
}
