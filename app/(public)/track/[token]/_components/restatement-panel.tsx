"use client";

import { SubmitButton, TextArea } from "@/components/ui";
import type { RestatementAsk } from "@/lib/complaints/customer-asks";
import { TokenField } from "./token-field";
import { useAnswer } from "./use-answer";

/** Our summary of the complaint, for the customer to confirm or correct in their own words. */
export function RestatementPanel({ token, ask, business }: { token: string; ask: RestatementAsk; business: string }) {
  const [state, formAction] = useAnswer();
  return (
    <section aria-labelledby="restatement-title" className="space-y-4 rounded-lg border-2 border-brand-600 bg-white p-5 shadow-sm">
      <h2 id="restatement-title" className="text-lg font-semibold text-slate-900">
        Did we understand you correctly?
      </h2>
      <p className="text-slate-700">{business} summed up your complaint like this:</p>
      <ul className="list-disc space-y-1 pl-6 text-slate-900">
        {ask.issues.map((issue, i) => (
          <li key={i} className="break-words">
            {issue}
          </li>
        ))}
      </ul>
      {ask.answer ? (
        <p className="font-medium text-slate-800">
          {ask.answer === "confirmed" ? "You confirmed this summary. Thank you." : "You corrected this summary. We will take your correction into account."}
        </p>
      ) : (
        <div className="space-y-4">
          <form action={formAction}>
            <TokenField token={token} />
            <input type="hidden" name="intent" value="confirm" />
            <SubmitButton pendingLabel="Sending…">Yes, that is right</SubmitButton>
          </form>
          <form key={state.attempt} action={formAction} noValidate className="space-y-3 border-t border-slate-200 pt-4">
            <TokenField token={token} />
            <input type="hidden" name="intent" value="correct" />
            <TextArea
              id="restatement-correction"
              name="text"
              label="Something is missing or wrong? Tell us in your own words"
              required
              rows={3}
              maxLength={5_000}
              defaultValue={state.values.text}
              error={state.message || undefined}
              autoFocus={Boolean(state.message)}
            />
            <SubmitButton variant="secondary" pendingLabel="Sending…">
              Send my correction
            </SubmitButton>
          </form>
        </div>
      )}
    </section>
  );
}
