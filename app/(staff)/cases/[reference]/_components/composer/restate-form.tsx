"use client";

import { FieldError, cx } from "@/components/ui";
import { restateAction } from "../../_actions/conversation";
import { Audience } from "./audience";
import { BlameReview } from "./blame-review";
import { CaseFields, MinutesField } from "../case-form";
import { ComposerForm, SendButton } from "./composer-form";
import type { ActionState } from "@/lib/forms/action-state";

const MIN_ROWS = 5;

/**
 * "If we have understood correctly, …": the complaint as staff understood it, one issue per row,
 * for the customer to confirm or correct. Blank rows are ignored, so more rows than needed is fine;
 * "More rows" works without JavaScript (the server sends the form back longer).
 */
export function RestateForm({ complaintId, version }: { complaintId: string; version: number }) {
  return (
    <ComposerForm action={restateAction} label="Restate the complaint">
      {(state) => {
        const rows = state.rows.length >= MIN_ROWS ? state.rows : [...state.rows, ...Array<string>(MIN_ROWS - state.rows.length).fill("")];
        return (
          <>
            <Audience visible>The customer confirms it or corrects it on their case page.</Audience>
            <CaseFields complaintId={complaintId} version={version} />
            <div className="space-y-1">
              <label htmlFor="restate-intro" className="block text-sm font-medium text-slate-800">
                Opening line <span className="font-normal text-slate-600">(optional)</span>
              </label>
              <textarea
                id="restate-intro"
                name="intro"
                rows={2}
                maxLength={1000}
                defaultValue={state.values.intro ?? ""}
                placeholder="Thank you for explaining what happened."
                className="block w-full rounded-md border border-sky-300 bg-white px-3 py-2 text-sm text-slate-900 placeholder:text-slate-500"
              />
            </div>
            <fieldset className="space-y-2" aria-describedby="restate-issues-hint">
              <legend className="text-sm font-medium text-slate-800">The issues, as you understood them</legend>
              <p id="restate-issues-hint" className="text-sm text-slate-600">
                One per row, in plain words (3–300 characters). Sent as &ldquo;If we have understood correctly, your complaint is
                about: 1. … 2. …&rdquo;. Empty rows are left out.
              </p>
              <FieldError>{state.fieldErrors.issues}</FieldError>
              <ol className="space-y-2">
                {rows.map((value, i) => (
                  <IssueRow key={i} index={i} value={value} state={state} />
                ))}
              </ol>
              {rows.length < 10 ? (
                <button
                  type="submit"
                  name="intent"
                  value="more-rows"
                  formNoValidate
                  className="rounded-md px-2 py-1 text-sm font-medium text-brand-700 hover:bg-brand-50"
                >
                  + More rows
                </button>
              ) : null}
            </fieldset>
            <BlameReview state={state} idPrefix="restate" canReword={false} />
            <div className="flex flex-wrap items-center justify-between gap-3">
              <MinutesField id="restate-minutes" state={state} fallback={5} required />
              <SendButton audience="customer">Send to customer</SendButton>
            </div>
          </>
        );
      }}
    </ComposerForm>
  );
}

function IssueRow({ index, value, state }: { index: number; value: string; state: ActionState }) {
  const id = `restate-issue-${index}`;
  const error = state.fieldErrors[`issues.${index}`];
  return (
    <li className="flex items-start gap-2">
      <label htmlFor={id} className="w-6 pt-2 text-right text-sm text-slate-600">
        <span className="sr-only">Issue </span>
        {index + 1}.
      </label>
      <div className="min-w-0 flex-1">
        <input
          id={id}
          name="issues"
          type="text"
          maxLength={300}
          defaultValue={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          className={cx(
            "block w-full rounded-md border bg-white px-3 py-2 text-sm text-slate-900",
            error ? "border-red-600" : "border-sky-300",
          )}
        />
        {error ? (
          <p id={`${id}-error`} className="mt-1 text-sm font-medium text-red-700">
            {error}
          </p>
        ) : null}
      </div>
    </li>
  );
}
