"use client";

import type { ReactNode } from "react";
import { SubmitButton, TextArea } from "@/components/ui";
import type { ProposalAsk, RestatementAsk } from "@/lib/complaints/customer-asks";
import { TokenField } from "./token-field";
import { useAnswer } from "./use-answer";

/** `border` is a whole Tailwind class, so the stylesheet keeps it; `answered` replaces the two forms once the customer has answered. */
type AskProps = {
  token: string; id: string; title: string; border: string; answered?: string; children: ReactNode;
  yes: { intent: string; label: string };
  no: { intent: string; id: string; label: string; button: string };
};

/**
 * A question the business puts to the customer: yes with one button, or no in their own words (the
 * text is required). Each form has its own state, so a refusal shows beside the form that caused it.
 */
function AskPanel({ token, id, title, border, answered, yes, no, children }: AskProps) {
  const [yesState, yesAction] = useAnswer();
  const [state, noAction] = useAnswer();
  return (
    <section aria-labelledby={`${id}-title`} className={`space-y-4 rounded-lg border-2 ${border} bg-white p-5 shadow-sm`}>
      <h2 id={`${id}-title`} className="text-lg font-semibold text-slate-900">{title}</h2>
      {children}
      {answered ? (
        <p className="font-medium text-slate-800">{answered}</p>
      ) : (
        <div className="space-y-4">
          <form action={yesAction} className="space-y-2">
            <TokenField token={token} />
            <input type="hidden" name="intent" value={yes.intent} />
            <SubmitButton pendingLabel="Sending…">{yes.label}</SubmitButton>
            {yesState.message ? <p className="text-sm font-medium text-red-700">{yesState.message}</p> : null}
          </form>
          <form key={state.attempt} action={noAction} noValidate className="space-y-3 border-t border-slate-200 pt-4">
            <TokenField token={token} />
            <input type="hidden" name="intent" value={no.intent} />
            <TextArea
              id={no.id}
              name="text"
              label={no.label}
              required
              rows={3}
              maxLength={5_000}
              defaultValue={state.values.text}
              error={state.message || undefined}
              autoFocus={Boolean(state.message)}
            />
            <SubmitButton variant="secondary" pendingLabel="Sending…">{no.button}</SubmitButton>
          </form>
        </div>
      )}
    </section>
  );
}

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

const ANSWERED = {
  agreed: "You agreed with this proposal. Thank you: we will go ahead.",
  disagreed: "You told us this does not work for you. We are looking at it again and will come back to you.",
};

type ProposalProps = { token: string; ask: ProposalAsk; business: string; resolutionType: string | null; description: string };

/** The proposed resolution: agree with one button, or say why not (a reason is required). */
export function ProposalPanel({ token, ask, business, resolutionType, description }: ProposalProps) {
  return (
    <AskPanel
      token={token}
      id="proposal"
      title={`How ${business} proposes to put it right`}
      border="border-amber-500"
      answered={ask.answer ? ANSWERED[ask.answer] : undefined}
      yes={{ intent: "agree", label: "I agree with this proposal" }}
      no={{ intent: "disagree", id: "disagree-reason", label: "Doesn't work for you? Tell us why, and what would work instead", button: "I don't agree" }}
    >
      {resolutionType && TYPE_WORDS[resolutionType] ? <p className="font-medium text-slate-900">{TYPE_WORDS[resolutionType]}</p> : null}
      <p className="whitespace-pre-wrap break-words text-slate-800">{description}</p>
    </AskPanel>
  );
}

/**
 * Our summary of the complaint, for the customer to confirm or correct in their own words. The page
 * shows it only until they answer (page.tsx), so it has no answered state of its own.
 */
export function RestatementPanel({ token, ask, business }: { token: string; ask: RestatementAsk; business: string }) {
  return (
    <AskPanel
      token={token}
      id="restatement"
      title="Did we understand you correctly?"
      border="border-brand-600"
      yes={{ intent: "confirm", label: "Yes, that is right" }}
      no={{ intent: "correct", id: "restatement-correction", label: "Something is missing or wrong? Tell us in your own words", button: "Send my correction" }}
    >
      <p className="text-slate-700">{business} summed up your complaint like this:</p>
      <ul className="list-disc space-y-1 pl-6 text-slate-900">
        {ask.issues.map((issue, i) => <li key={i} className="break-words">{issue}</li>)}
      </ul>
    </AskPanel>
  );
}
