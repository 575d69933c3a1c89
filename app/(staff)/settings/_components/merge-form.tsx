"use client";

import { useActionState } from "react";
import { FormAnswer } from "@/components/form-answer";
import { Card, SelectField, SubmitButton } from "@/components/ui";
import { idleState, type FormAction } from "@/lib/forms/action-state";
import type { TaxonomyKind } from "@/lib/settings/taxonomy-common";

export type MergeOption = { id: string; name: string; complaintCount: number; archived: boolean };

/**
 * Merges one process or root cause into another: the first's complaints are relabelled and it is
 * removed. A plain form (works without JavaScript); the confirmation is a required box, checked
 * on the server too, since the merge cannot be undone.
 */
export function MergeForm({ kind, action, options }: { kind: TaxonomyKind; action: FormAction; options: MergeOption[] }) {
  const [state, formAction] = useActionState(action, idleState);
  const errors = state.fieldErrors;
  const values = { from: "", into: "", ...state.values };
  const prefix = kind === "process" ? "merge-process" : "merge-cause";
  const label = (o: MergeOption) => `${o.name} (${o.complaintCount} ${o.complaintCount === 1 ? "complaint" : "complaints"}${o.archived ? ", archived" : ""})`;
  const choices = options.map((o) => ({ value: o.id, label: label(o) }));
  return (
    <form key={state.attempt} action={formAction} className="space-y-4" noValidate>
      <FormAnswer state={state} quietWithFieldErrors />
      <SelectField id={`${prefix}-from`} name="from" label={`Merge this ${kind}`} placeholder={`Choose a ${kind}`} required options={choices} defaultValue={values.from} error={errors.from} />
      <SelectField id={`${prefix}-into`} name="into" label="into this one" placeholder={`Choose a ${kind}`} required options={choices} defaultValue={values.into} error={errors.into} />
      <div className="space-y-1">
        <div className="flex items-start gap-2">
          <input
            id={`${prefix}-confirm`}
            name="confirm"
            type="checkbox"
            value="yes"
            required
            aria-invalid={errors.confirm ? true : undefined}
            aria-describedby={errors.confirm ? `${prefix}-confirm-error` : undefined}
            className="mt-1 h-4 w-4 rounded border-slate-300"
          />
          <label htmlFor={`${prefix}-confirm`} className="text-sm text-slate-800">
            I understand that every complaint under the first {kind} will be relabelled with the second, and the first will be removed. This cannot be undone.
          </label>
        </div>
        {errors.confirm ? (
          <p id={`${prefix}-confirm-error`} className="text-sm font-medium text-red-700">
            {errors.confirm}
          </p>
        ) : null}
      </div>
      <SubmitButton variant="danger" pendingLabel="Merging…">
        Merge
      </SubmitButton>
    </form>
  );
}

/** The settings page's merge card, shown while there are two or more to merge. */
export function MergeCard({ kind, action, items }: { kind: TaxonomyKind; action: FormAction; items: { id: string; name: string; complaintCount: number; archivedAt: Date | null }[] }) {
  if (items.length < 2) return null;
  const plural = kind === "process" ? "processes" : "root causes";
  return (
    <Card title={`Merge two ${plural}`} className="max-w-2xl">
      <div className="space-y-3">
        <p className="text-sm text-slate-600">
          For two {plural} that mean the same, such as one an import created and your own. Every complaint under the first is relabelled with the second, in analytics too.
        </p>
        <MergeForm kind={kind} action={action} options={items.map((item) => ({ id: item.id, name: item.name, complaintCount: item.complaintCount, archived: Boolean(item.archivedAt) }))} />
      </div>
    </Card>
  );
}
