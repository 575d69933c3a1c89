"use client";

import { TextArea, TextField } from "@/components/ui";
import { fieldState } from "@/lib/forms/action-state";
import { recordFollowUpAction, scheduleFollowUpAction } from "../../_actions/resolution";
import { CaseFields, MinutesField } from "../case-form";
import { ActionForm } from "./action-form";

/** Schedules a follow-up for a date, or moves the open one. */
export function ScheduleFollowUpForm({ complaintId, today, rescheduling }: { complaintId: string; today: string; rescheduling: boolean }) {
  return (
    <ActionForm action={scheduleFollowUpAction} label={rescheduling ? "Move the follow-up" : "Schedule a follow-up"} submit={rescheduling ? "Move the follow-up" : "Schedule"} variant="secondary">
      {(state) => (
        <>
          <CaseFields complaintId={complaintId} />
          <TextField
            id="follow-up-date"
            {...fieldState(state, "dueDate")}
            type="date"
            label="Follow up on"
            hint="It falls due at 09:00 that day."
            required
            min={today}
          />
          <MinutesField id="follow-up-schedule-minutes" state={state} fallback={1} />
        </>
      )}
    </ActionForm>
  );
}

/** What the customer said when we checked in (or that they did not answer). */
export function RecordFollowUpForm({ complaintId }: { complaintId: string }) {
  return (
    <ActionForm action={recordFollowUpAction} label="Record the follow-up" submit="Record the follow-up">
      {(state) => (
        <>
          <CaseFields complaintId={complaintId} />
          <TextArea
            id="follow-up-outcome"
            {...fieldState(state, "outcome")}
            label="How it went"
            hint="What the customer told you, or that you could not reach them. Internal."
            required
            minLength={3}
            maxLength={2000}
            className="min-h-20"
          />
          <MinutesField id="follow-up-minutes" state={state} fallback={5} />
        </>
      )}
    </ActionForm>
  );
}
