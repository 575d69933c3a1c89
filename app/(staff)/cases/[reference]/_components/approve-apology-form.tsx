"use client";

import { SubmitButton } from "@/components/ui";
import { approveApologyAction } from "../_actions/decisions";
import { CaseFields, CaseForm } from "./case-form";

/**
 * Supervisors only, on a flagged apology in the timeline: approve it, so it counts as apologising.
 * Once approved it says so in place of the button (and stays mounted, so the confirmation shows).
 */
export function ApproveApologyForm({ complaintId, version, apologyEventId, approved }: { complaintId: string; version: number; apologyEventId: number; approved: string | null }) {
  return (
    <CaseForm action={approveApologyAction} label="Approve this apology" className="mt-2 flex flex-wrap items-center gap-3">
      {() =>
        approved ? (
          <p className="text-sm font-medium text-emerald-800">{approved}</p>
        ) : (
          <>
            <CaseFields complaintId={complaintId} version={version} />
            <input type="hidden" name="apologyEventId" value={apologyEventId} />
            <span className="text-sm text-slate-700">Not counted as an apology yet.</span>
            <SubmitButton variant="secondary" pendingLabel="Approving…">
              Approve this apology
            </SubmitButton>
          </>
        )
      }
    </CaseForm>
  );
}
