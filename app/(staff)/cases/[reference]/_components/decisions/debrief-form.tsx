"use client";

import { SubmitButton, TextArea } from "@/components/ui";
import { fieldState } from "@/lib/forms/action-state";
import { debriefAction } from "../../_actions/decisions";
import { CaseForm } from "../case-form";

/** A private note after a hard interaction. */
export function DebriefForm({ complaintId }: { complaintId: string }) {
  return (
    <CaseForm action={debriefAction} label="Write a debrief">
      {(state) => (
        <>
          <input type="hidden" name="complaintId" value={complaintId} />
          <TextArea
            id="debrief-body"
            {...fieldState(state, "body")}
            label="How did it go?"
            required
            rows={3}
            className="min-h-20"
            maxLength={4000}
          />
          <label className="flex items-center gap-2 text-sm text-slate-800">
            <input type="checkbox" name="hardInteraction" defaultChecked={state.values.hardInteraction === "on"} className="h-4 w-4 accent-brand-700" />
            This was a hard interaction
          </label>
          <SubmitButton variant="secondary" pendingLabel="Saving…">
            Save debrief
          </SubmitButton>
        </>
      )}
    </CaseForm>
  );
}
