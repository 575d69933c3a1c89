"use client";

import { SubmitButton, TextArea } from "@/components/ui";
import type { ProposalAsk } from "@/lib/complaints/customer-asks";
import { TokenField } from "./token-field";
import { useAnswer } from "./use-answer";

type Props = { token: string; ask: ProposalAsk; business: string; resolutionType: string | null; description: string };

const TYPE_WORDS: Record<string, string> = {
  repair: "A repair",
  redo: "Doing the work again",
  replace: "A replacement",
  refund: "A refund",
  credit: "A credit to your account",
  explanation: "An explanation",
  referral: "A referral to another business",
  none: "No further action",
};

/** The proposed resolution: agree with one button, or say why not (a reason is required). */
export function ProposalPanel({ token, ask, business, resolutionType, description }: Props) {
  const [agreeState, agreeAction] = useAnswer();
  const [state, disagreeAction] = useAnswer();
  return (
    <section aria-labelledby="proposal-title" className="space-y-4 rounded-lg border-2 border-amber-500 bg-white p-5 shadow-sm">
      <h2 id="proposal-title" className="text-lg font-semibold text-slate-900">
        How {business} proposes to put it right
      </h2>
      {resolutionType && TYPE_WORDS[resolutionType] ? <p className="font-medium text-slate-900">{TYPE_WORDS[resolutionType]}</p> : null}
      <p className="whitespace-pre-wrap break-words text-slate-800">{description}</p>
      {ask.answer ? (
        <p className="font-medium text-slate-800">
          {ask.answer === "agreed"
            ? "You agreed with this proposal. Thank you: we will go ahead."
            : "You told us this does not work for you. We are looking at it again and will come back to you."}
        </p>
      ) : (
        <div className="space-y-4">
          <form action={agreeAction} className="space-y-2">
            <TokenField token={token} />
            <input type="hidden" name="intent" value="agree" />
            <SubmitButton pendingLabel="Sending…">I agree with this proposal</SubmitButton>
            {agreeState.message ? <p className="text-sm font-medium text-red-700">{agreeState.message}</p> : null}
          </form>
          <form key={state.attempt} action={disagreeAction} noValidate className="space-y-3 border-t border-slate-200 pt-4">
            <TokenField token={token} />
            <input type="hidden" name="intent" value="disagree" />
            <TextArea
              id="disagree-reason"
              name="text"
              label="Doesn't work for you? Tell us why, and what would work instead"
              required
              rows={3}
              maxLength={5_000}
              defaultValue={state.values.text}
              error={state.message || undefined}
              autoFocus={Boolean(state.message)}
            />
            <SubmitButton variant="secondary" pendingLabel="Sending…">
              I don&apos;t agree
            </SubmitButton>
          </form>
        </div>
      )}
    </section>
  );
}
