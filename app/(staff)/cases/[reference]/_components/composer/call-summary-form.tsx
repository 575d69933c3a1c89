"use client";

import Link from "next/link";
import { Fragment } from "react";
import { useSearchParams } from "next/navigation";
import { sendCallSummaryAction } from "../../_actions/conversation";
import { Audience } from "./audience";
import { BlameReview } from "./blame-review";
import { CaseFields, MinutesField } from "../case-form";
import { ComposerForm, SendButton } from "./composer-form";
import { composeHref } from "./compose-href";
import { TextBox } from "./text-box";

/** A logged call still waiting for its written summary, with the draft built from its notes. */
export type PendingCall = { id: number; label: string; notes: string; draft: string };

/**
 * The written follow-up to a call: the draft (built from what was said) for staff to edit and
 * send. It becomes a customer-visible message linked to the call.
 */
export function CallSummaryForm({ complaintId, version, calls }: { complaintId: string; version: number; calls: PendingCall[] }) {
  const params = useSearchParams();
  const wanted = Number(params.get("call"));
  const call = calls.find((c) => c.id === wanted) ?? calls[0];
  return (
    // One form for all calls (not keyed by call): its toast must outlive the call it was about.
    <ComposerForm action={sendCallSummaryAction} label="Written summary of a call">
      {(state) =>
        call ? (
          <Fragment key={call.id}>
            <Audience visible>The written record of the call: what was said, in writing, for the customer to check.</Audience>
            {calls.length > 1 ? (
              <nav aria-label="Calls without a written summary" className="flex flex-wrap gap-2 text-sm">
                {calls.map((c) => (
                  <Link
                    key={c.id}
                    href={composeHref(params, "call-summary", c.id)}
                    scroll={false}
                    replace
                    aria-current={c.id === call.id ? "true" : undefined}
                    className={
                      c.id === call.id
                        ? "rounded-md bg-slate-800 px-2 py-1 font-medium text-white"
                        : "rounded-md border border-slate-300 px-2 py-1 text-slate-800 hover:bg-slate-100"
                    }
                  >
                    {c.label}
                  </Link>
                ))}
              </nav>
            ) : null}
            <details className="rounded-md border border-dashed border-amber-400 bg-amber-50/60 px-3 py-2 text-sm">
              <summary className="cursor-pointer font-medium text-amber-950">
                Call notes (internal): {call.label}
              </summary>
              <p className="mt-2 whitespace-pre-wrap break-words text-slate-800">{call.notes}</p>
            </details>
            <CaseFields complaintId={complaintId} version={version} />
            <input type="hidden" name="callEventId" value={call.id} />
            <TextBox
              id="call-summary-text"
              label="Summary for the customer"
              hint="Drafted from your call notes. Check every line reads well to the customer before sending."
              state={state}
              rows={12}
              fallback={call.draft}
              draftKey={`call-summary-${call.id}`}
            />
            <BlameReview state={state} idPrefix="call-summary" />
            <div className="flex flex-wrap items-center justify-between gap-3">
              <MinutesField id="call-summary-minutes" state={state} fallback={5} required />
              <SendButton audience="customer">Send to customer</SendButton>
            </div>
          </Fragment>
        ) : (
          <p className="text-sm text-slate-700">Every logged call on this case has its written summary. Log a call to write another.</p>
        )
      }
    </ComposerForm>
  );
}
