"use client";

import { SelectField, SubmitButton } from "@/components/ui";
import { fieldState } from "@/lib/forms/action-state";
import { assignAction } from "../../_actions/decisions";
import { CaseFields, CaseForm } from "../case-form";

type Props = {
  complaintId: string;
  version: number;
  viewerId: string;
  assignee: { id: string; name: string } | null;
  staff: Array<{ value: string; label: string }>;
};

/** Claim the case, take it over from a colleague, or give it to someone. */
export function AssignForms({ complaintId, version, viewerId, assignee, staff }: Props) {
  const mine = assignee?.id === viewerId;
  const others = staff.filter((s) => s.value !== assignee?.id);
  return (
    <div className="space-y-4">
      {/* Stays mounted after claiming, so its confirmation can still show. */}
      <CaseForm action={assignAction} label="Claim this case">
        {() =>
          mine ? (
            <p className="text-sm text-slate-700">You handle this case.</p>
          ) : (
            <>
              <CaseFields complaintId={complaintId} version={version} />
              <input type="hidden" name="assigneeId" value={viewerId} />
              <SubmitButton pendingLabel="Claiming…">{assignee ? `Take over from ${assignee.name}` : "Claim this case"}</SubmitButton>
            </>
          )
        }
      </CaseForm>
      <CaseForm action={assignAction} label="Assign to a colleague">
        {(state) => (
          <>
            <CaseFields complaintId={complaintId} version={version} />
            <SelectField
              id="assign-to"
              {...fieldState(state, "assigneeId")}
              label="Assign to"
              required
              placeholder="Choose a colleague…"
              options={others}
            />
            <SubmitButton variant="secondary" pendingLabel="Assigning…">
              Assign
            </SubmitButton>
          </>
        )}
      </CaseForm>
    </div>
  );
}
