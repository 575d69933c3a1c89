"use client";

import { SubmitButton } from "@/components/ui";
import { confirmFaultAction } from "../../_actions/decisions";
import { CaseFields, CaseForm, MinutesField } from "../case-form";

/** Supervisors only: confirm the fault attribution, which allows admitting a service fault. */
export function ConfirmFaultForm({ complaintId, version, faultLabel }: { complaintId: string; version: number; faultLabel: string }) {
  return (
    <CaseForm action={confirmFaultAction} label="Confirm fault">
      {(state) => (
        <>
          <CaseFields complaintId={complaintId} version={version} />
          <MinutesField id="fault-minutes" state={state} fallback={5} />
          <SubmitButton pendingLabel="Confirming…">Confirm fault: {faultLabel}</SubmitButton>
        </>
      )}
    </CaseForm>
  );
}
