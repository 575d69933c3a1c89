"use client";

import { useActionState } from "react";
import { FormAnswer } from "@/components/form-answer";
import { SelectField, SubmitButton, TextArea, TextField } from "@/components/ui";
import { idleState } from "@/lib/forms/action-state";
import { editActionAction, openActionAction } from "../actions";

type Option = { id: string; name: string };

export type ActionFormValues = {
  title: string;
  description: string;
  ownerId: string;
  dueOn: string;
  rootCauseId: string;
  processId: string;
};

export type ActionFormOptions = { staff: Option[]; rootCauses: Option[]; processes: Option[] };

/** Complaints offered for linking, each ticked unless the person unticks it. */
export type OfferedComplaint = { id: string; reference: string; received: string };

const toOptions = (rows: Option[]) => rows.map((r) => ({ value: r.id, label: r.name }));

/**
 * Opening (or, with `id`, editing) a corrective action: what will change, who owns it, by when,
 * what it targets and, when opening, which complaints are behind it. A plain form: works without
 * JavaScript; a refused post comes back as typed, with the complaints as they were ticked.
 */
export function ActionForm({
  id,
  defaults,
  options,
  offered = [],
}: {
  id?: string;
  defaults: ActionFormValues;
  options: ActionFormOptions;
  offered?: OfferedComplaint[];
}) {
  const [state, formAction] = useActionState(id ? editActionAction : openActionAction, idleState);
  const errors = state.fieldErrors;
  const values = { ...defaults, ...state.values };
  const ticked = new Set(state.attempt === 0 ? offered.map((c) => c.id) : state.rows);
  return (
    <form key={state.attempt} action={formAction} className="space-y-4" noValidate>
      <FormAnswer state={state} quietWithFieldErrors={false} />
      {id ? <input type="hidden" name="id" value={id} /> : null}
      <TextField id="title" label="What will change" hint="In a few words: “Second delivery van on Saturdays”." required maxLength={200} defaultValue={values.title} error={errors.title} />
      <TextArea id="description" label="Details" hint="How, and what it should fix." maxLength={5000} defaultValue={values.description} error={errors.description} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField id="ownerId" label="Owner" hint="The staff member who sees it in What's due." required options={toOptions(options.staff)} placeholder="Choose…" defaultValue={values.ownerId} error={errors.ownerId} />
        <TextField id="dueOn" label="Due on" type="date" required defaultValue={values.dueOn} error={errors.dueOn} />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          id="rootCauseId"
          label="Root cause it fixes"
          hint="The cause, the process, or both."
          options={toOptions(options.rootCauses)}
          placeholder="No particular cause"
          defaultValue={values.rootCauseId}
          error={errors.rootCauseId}
        />
        <SelectField id="processId" label="Process it fixes" options={toOptions(options.processes)} placeholder="No particular process" defaultValue={values.processId} error={errors.processId} />
      </div>
      {id ? null : (
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-slate-800">Complaints behind it</legend>
          {offered.length === 0 ? (
            <p className="text-sm text-slate-600">None yet. You can link complaints by reference once the action is open.</p>
          ) : (
            <>
              <p className="text-sm text-slate-600">Untick any that do not belong. You can link more by reference later.</p>
              {errors.complaintIds ? <p className="text-sm font-medium text-red-700">{errors.complaintIds}</p> : null}
              <ul className="grid max-h-72 gap-1 overflow-y-auto rounded-md border border-slate-200 bg-white p-2 sm:grid-cols-2 lg:grid-cols-3">
                {offered.map((c) => (
                  <li key={c.id}>
                    <label className="flex items-center gap-2 rounded px-1 py-0.5 text-sm hover:bg-slate-50">
                      <input type="checkbox" name="complaintIds" value={c.id} defaultChecked={ticked.has(c.id)} className="h-4 w-4" />
                      <span className="font-mono text-slate-900">{c.reference}</span>
                      <span className="text-slate-600">{c.received}</span>
                    </label>
                  </li>
                ))}
              </ul>
            </>
          )}
        </fieldset>
      )}
      <SubmitButton pendingLabel="Saving…">{id ? "Save changes" : "Open the corrective action"}</SubmitButton>
    </form>
  );
}
