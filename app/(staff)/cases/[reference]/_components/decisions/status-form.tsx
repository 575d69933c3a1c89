"use client";

import { buttonClasses, TextArea } from "@/components/ui";
import { changeStatusAction } from "../../_actions/decisions";
import { CaseFields, CaseForm, MinutesField } from "../case-form";

export type TransitionOption = {
  to: string;
  label: string;
  reopen: boolean;
  /** Why the move would be refused now (a hint: the server decides when it is clicked). */
  blockedBecause: string | null;
};

/** One button per move the state machine allows from here, with an optional internal note. */
export function StatusForm({ complaintId, version, options }: { complaintId: string; version: number; options: TransitionOption[] }) {
  const reopens = options.some((o) => o.reopen);
  return (
    <CaseForm action={changeStatusAction} label="Change status">
      {(state) => (
        <>
          <CaseFields complaintId={complaintId} version={version} />
          <TextArea
            id="status-note"
            name="note"
            label="Note"
            hint={reopens ? "Internal. To reopen, say why here." : "Internal: colleagues see it, the customer does not."}
            rows={2}
            className="min-h-16"
            maxLength={2000}
            defaultValue={state.values.note ?? ""}
            error={state.fieldErrors.note}
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
