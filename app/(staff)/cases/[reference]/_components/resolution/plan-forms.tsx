"use client";

import { useState } from "react";
import { FieldError, SelectField, TextArea } from "@/components/ui";
import { askAgreementAction, proposeResolutionAction } from "../../_actions/resolution";
import { CaseFields, MinutesField } from "../case-form";
import { ActionForm } from "./action-form";
import { type ActionState, fieldState } from "@/lib/forms/action-state";
import { RESOLUTION_TYPE_OPTIONS, SOURCE_LABELS } from "./labels";

type Plan = { type: string; description: string; source: string } | null;

/**
 * Records or revises the plan, with the customer's own wish from intake beside it. Before the plan
 * is proposed (`canDraft`), "Propose it to the customer now" is offered, ticked: unticked, the plan
 * is a draft only staff see.
 */
export function PlanForm({
  complaintId,
  version,
  plan,
  desiredOutcome,
  canDraft,
}: {
  complaintId: string;
  version: number;
  plan: Plan;
  desiredOutcome: string | null;
  canDraft: boolean;
}) {
  return (
    <div className="grid gap-4 md:grid-cols-[minmax(0,1fr)_14rem]">
      <ActionForm action={proposeResolutionAction} label={plan ? "Revise the resolution plan" : "Propose a resolution"} submit={plan ? "Save the revised plan" : "Record the plan"}>
        {(state) => (
          <>
            <PlanFields complaintId={complaintId} version={version} plan={plan} state={state} />
            {canDraft ? <ProposeNow state={state} /> : null}
          </>
        )}
      </ActionForm>
      <aside aria-label="What the customer asked for" className="h-fit rounded-md border border-slate-200 bg-slate-50 p-3 text-sm md:order-last">
        <p className="text-xs font-semibold uppercase tracking-wide text-slate-600">The customer asked for</p>
        {desiredOutcome ? (
          <blockquote className="mt-1 whitespace-pre-wrap break-words text-slate-900">“{desiredOutcome}”</blockquote>
        ) : (
          <p className="mt-1 text-slate-600">They did not say. Ask them what would put it right.</p>
        )}
      </aside>
    </div>
  );
}

function PlanFields({ complaintId, version, plan, state }: { complaintId: string; version: number; plan: Plan; state: ActionState }) {
  const [type, setType] = useState(state.values.type ?? plan?.type ?? "");
  const hint = RESOLUTION_TYPE_OPTIONS.find((o) => o.value === type)?.hint ?? "Choose the kind of resolution to see when it fits.";
  const source = state.values.source ?? plan?.source ?? "staff";
  return (
    <>
      <CaseFields complaintId={complaintId} version={version} />
      <SelectField
        id="resolution-type"
        name="type"
        label="Kind of resolution"
        required
        placeholder="Choose…"
        options={RESOLUTION_TYPE_OPTIONS.map((o) => ({ value: o.value, label: o.label }))}
        value={type}
        onChange={(e) => setType(e.target.value)}
        hint={hint}
        error={state.fieldErrors.type}
      />
      <TextArea
        id="resolution-description"
        name="description"
        label="What we will do (the customer reads this)"
        required
        minLength={3}
        maxLength={2000}
        defaultValue={state.values.description ?? plan?.description ?? ""}
        error={state.fieldErrors.description}
      />
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium text-slate-800">Whose idea is it?</legend>
        <div className="flex flex-wrap gap-x-5 gap-y-1">
          {Object.entries(SOURCE_LABELS).map(([value, label]) => (
            <label key={value} className="flex items-center gap-2 text-sm text-slate-800">
              <input type="radio" name="source" value={value} defaultChecked={source === value} className="h-4 w-4" />
              {label}
            </label>
          ))}
        </div>
        <FieldError>{state.fieldErrors.source}</FieldError>
      </fieldset>
      <MinutesField id="resolution-minutes" state={state} fallback={10} />
    </>
  );
}

/** "Propose it to the customer now": a hidden "draft" first, so an unticked box (which posts nothing) means a draft. */
function ProposeNow({ state }: { state: ActionState }) {
  return (
    <div className="space-y-1">
      <input type="hidden" name="propose" value="draft" />
      <label className="flex items-start gap-2 text-sm font-medium text-slate-800">
        <input type="checkbox" name="propose" value="now" defaultChecked={state.values.propose !== "draft"} className="mt-0.5 h-4 w-4 accent-brand-700" />
        Propose it to the customer now
      </label>
      <p id="propose-now-hint" className="pl-6 text-xs text-slate-600">
        They see it on their tracking page and can agree or disagree; the case moves to “Resolution proposed” (a new case is
        marked as being investigated first). Untick to keep it as a draft only staff see.
      </p>
    </div>
  );
}

/** Sends the proposed plan to the customer and waits for their answer. */
export function AskAgreementForm({ complaintId, version }: { complaintId: string; version: number }) {
  return (
    <ActionForm action={askAgreementAction} label="Ask the customer to agree" submit="Ask the customer to agree" pending="Sending…">
      {(state) => (
        <>
          <CaseFields complaintId={complaintId} version={version} />
          <TextArea
            id="agreement-message"
            {...fieldState(state, "message")}
            label="A few words with the proposal"
            hint="Sent with the plan by email and shown on their tracking page."
            maxLength={2000}
            className="min-h-20"
          />
          <MinutesField id="agreement-ask-minutes" state={state} fallback={2} />
        </>
      )}
    </ActionForm>
  );
}
