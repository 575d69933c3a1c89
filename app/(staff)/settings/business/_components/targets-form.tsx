"use client";

import { useActionState } from "react";
import { FormAnswer } from "@/components/form-answer";
import { SubmitButton, cx } from "@/components/ui";
import { SEVERITIES } from "@/db/schema/enums";
import { idleState } from "@/lib/forms/action-state";
import { SEVERITY_LABELS } from "@/lib/labels";
import type { SeverityTargets } from "@/lib/settings/business";
import { saveTargetsAction } from "../actions";


function NumberCell({ name, label, defaultValue, error, max }: { name: string; label: string; defaultValue: string; error?: string; max: number }) {
  const id = `target-${name.replace(".", "-")}`;
  return (
    <td className="px-3 py-2 align-top">
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <input
        id={id}
        name={name}
        type="number"
        inputMode="numeric"
        min={1}
        max={max}
        required
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className={cx(
          "block w-24 rounded-md border bg-white px-3 py-2 text-sm text-slate-900 shadow-sm focus:border-brand-600",
          error ? "border-red-600" : "border-slate-300",
        )}
      />
      {error ? (
        <p id={`${id}-error`} className="mt-1 max-w-40 text-sm font-medium text-red-700">
          {error}
        </p>
      ) : null}
    </td>
  );
}

/** First-response and resolution targets per severity, edited as one table and saved together. */
export function TargetsForm({ targets }: { targets: SeverityTargets }) {
  const [state, formAction] = useActionState(saveTargetsAction, idleState);
  const errors = state.fieldErrors;
  const value = (name: string, saved: number) => state.values[name] ?? String(saved);
  return (
    <form key={state.attempt} action={formAction} className="space-y-4" noValidate>
      <FormAnswer state={state} />
      <div className="overflow-x-auto">
        <table className="min-w-full text-sm">
          <caption className="sr-only">Response targets by severity</caption>
          <thead>
            <tr className="border-b border-slate-200 text-left">
              <th scope="col" className="px-3 py-2 font-semibold text-slate-700">
                Severity
              </th>
              <th scope="col" className="px-3 py-2 font-semibold text-slate-700">
                First response <span className="font-normal text-slate-600">(hours)</span>
              </th>
              <th scope="col" className="px-3 py-2 font-semibold text-slate-700">
                Resolution <span className="font-normal text-slate-600">(days)</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {SEVERITIES.map((severity) => (
              <tr key={severity}>
                <th scope="row" className="px-3 py-2 pt-4 text-left align-top font-medium text-slate-900">
                  {SEVERITY_LABELS[severity]}
                </th>
                <NumberCell
                  name={`${severity}.firstResponseHours`}
                  label={`${SEVERITY_LABELS[severity]} severity: first response within (hours)`}
                  defaultValue={value(`${severity}.firstResponseHours`, targets[severity].firstResponseHours)}
                  error={errors[`${severity}.firstResponseHours`]}
                  max={720}
                />
                <NumberCell
                  name={`${severity}.resolutionDays`}
                  label={`${SEVERITY_LABELS[severity]} severity: resolve within (days)`}
                  defaultValue={value(`${severity}.resolutionDays`, targets[severity].resolutionDays)}
                  error={errors[`${severity}.resolutionDays`]}
                  max={365}
                />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <SubmitButton pendingLabel="Saving…">Save response targets</SubmitButton>
    </form>
  );
}
