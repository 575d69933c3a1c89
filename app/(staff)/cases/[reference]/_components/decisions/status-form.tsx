"use client";

import { Alert, buttonClasses, TextArea } from "@/components/ui";
import { fieldState } from "@/lib/forms/action-state";
import { changeStatusAction } from "../../_actions/decisions";
import { CaseFields, CaseForm, MinutesField } from "../case-form";

export type TransitionOption = {
  to: string;
  label: string;
  reopen: boolean;
  /** Why the move would be refused now (a hint: the server decides when it is clicked). */
  blockedBecause: string | null;
};

/**
 * One button per move the state machine allows from here, with an optional internal note. Closing
 * before the follow-up is done (allowed once the customer agreed) is warned about, and its note is
 * the reason, which the server requires.
 */
export function StatusForm({
  complaintId,
  version,
  options,
  closingWithoutFollowUp = false,
}: {
  complaintId: string;
  version: number;
  options: TransitionOption[];
  closingWithoutFollowUp?: boolean;
}) {
  const reopens = options.some((o) => o.reopen);
  const hint = closingWithoutFollowUp
    ? "Internal. To close without a follow-up, say why here."
    : reopens
      ? "Internal. To reopen, say why here."
      : "Internal: colleagues see it, the customer does not.";
  return (
    <CaseForm action={changeStatusAction} label="Change status">
      {(state) => (
        <>
          <CaseFields complaintId={complaintId} version={version} />
          {closingWithoutFollowUp ? (
            <Alert tone="warning" title="The follow-up has not been done yet">
              Closing now means nobody checks that the fix worked for the customer. Record the follow-up first, or give the reason for
              closing without it in the note.
            </Alert>
          ) : null}
          <TextArea
            id="status-note"
            {...fieldState(state, "note")}
            label="Note"
            hint={hint}
            rows={2}
            className="min-h-16"
            maxLength={2000}
          />
          <MinutesField id="status-minutes" state={state} fallback={1} />
          <div className="flex flex-wrap gap-2">
            {options.map((option, i) => (
              <button
                key={option.to}
                type="submit"
                name="to"
                value={option.to}
                className={buttonClasses(i === 0 && !option.blockedBecause ? "primary" : "secondary", "sm")}
              >
                {option.label}
              </button>
            ))}
          </div>
          {options
            .filter((o) => o.blockedBecause)
            .map((o) => (
              <p key={o.to} className="text-xs text-slate-600">
                {o.label}: {o.blockedBecause}
              </p>
            ))}
        </>
      )}
    </CaseForm>
  );
}
