"use client";

import { SelectField, SubmitButton } from "@/components/ui";
import { assessAction } from "../../_actions/decisions";
import { CaseFields, CaseForm, MinutesField } from "../case-form";

export type SeverityOption = { value: string; label: string };

/** The initial assessment: how serious it is, which sets the reply deadline. */
export function AssessmentForm({
  complaintId,
  version,
  severity,
  options,
}: {
  complaintId: string;
  version: number;
  severity: string | null;
  options: SeverityOption[];
}) {
  return (
    <CaseForm action={assessAction} label="Assess severity">
      {(state) => (
        <>
          <CaseFields complaintId={complaintId} version={version} />
          <SelectField
            id="assess-severity"
            name="severity"
            label="Severity"
            required
            options={options}
            placeholder={severity ? undefined : "Choose…"}
            defaultValue={state.values.severity ?? severity ?? ""}
            error={state.fieldErrors.severity}
          />
          <MinutesField id="assess-minutes" state={state} fallback={3} />
          <SubmitButton variant="secondary" pendingLabel="Saving…">
            {severity ? "Change severity" : "Save assessment"}
          </SubmitButton>
        </>
      )}
    </CaseForm>
  );
}
