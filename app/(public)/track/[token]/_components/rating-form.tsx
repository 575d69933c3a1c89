"use client";

import { SubmitButton, TextArea } from "@/components/ui";
import { TokenField } from "./token-field";
import { useAnswer } from "./use-answer";

const LABELS = ["Very poor", "Poor", "OK", "Good", "Very good"];

/** Rate how the complaint was handled, once: 1–5 as radio buttons (keyboard and screen-reader friendly) and an optional comment. */
export function RatingForm({ token }: { token: string }) {
  const [state, formAction] = useAnswer();
  return (
    <section aria-labelledby="rating-title" className="space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id="rating-title" className="text-lg font-semibold text-slate-900">
        How did we handle your complaint?
      </h2>
      <form key={state.attempt} action={formAction} noValidate className="space-y-4">
        <TokenField token={token} />
        <input type="hidden" name="intent" value="rate" />
        <fieldset aria-describedby={state.message ? "rating-error" : undefined}>
          <legend className="text-sm font-medium text-slate-800">Your rating</legend>
          <div className="mt-2 grid grid-cols-5 gap-2">
            {LABELS.map((label, i) => (
              <label
                key={label}
                className="flex cursor-pointer flex-col items-center gap-1 rounded-md border border-slate-300 px-1 py-2 text-center text-xs text-slate-700 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50 has-[:checked]:text-brand-800 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-600"
              >
                <input type="radio" name="rating" value={i + 1} className="sr-only" />
                <span className="text-lg font-semibold">{i + 1}</span>
                <span>{label}</span>
              </label>
            ))}
          </div>
          {state.message ? (
            <p id="rating-error" className="mt-2 text-sm font-medium text-red-700">
              {state.message}
            </p>
          ) : null}
        </fieldset>
        <TextArea id="rating-comment" name="text" label="Anything you would like to add?" rows={3} maxLength={2_000} defaultValue={state.values.text} />
        <SubmitButton pendingLabel="Sending…">Send my rating</SubmitButton>
      </form>
    </section>
  );
}
