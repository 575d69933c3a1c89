"use client";

import { sendReplyAction } from "../../_actions/conversation";
import { Audience } from "./audience";
import { BlameReview } from "./blame-review";
import { CaseFields, MinutesField } from "../case-form";
import { ComposerForm, SendButton } from "./composer-form";
import { TextBox } from "./text-box";

/** A reply or an apology to the customer, checked for blame language before it goes. */
export function ReplyForm({ complaintId, version, reach }: { complaintId: string; version: number; reach: "email" | "phone" | "erased" }) {
  return (
    <ComposerForm action={sendReplyAction} label="Reply to the customer">
      {(state) => (
        <>
          <Audience visible>
            {reach === "erased"
              ? "Their personal data was erased: the tracking link no longer works and no email goes out. This reply is kept on the case only."
              : reach === "phone"
                ? "On their case page only: they gave no email address, so call them as well."
                : "On their case page and by email."}
          </Audience>
          <CaseFields complaintId={complaintId} version={version} />
          <fieldset>
            <legend className="text-sm font-medium text-slate-800">Kind of message</legend>
            <div className="mt-1 flex flex-wrap gap-x-5 gap-y-1 text-sm text-slate-800">
              <label className="inline-flex items-center gap-2">
                <input type="radio" name="kind" value="reply" defaultChecked={state.values.kind !== "apology"} className="h-4 w-4" />
                Reply
              </label>
              <label className="inline-flex items-center gap-2">
                <input type="radio" name="kind" value="apology" defaultChecked={state.values.kind === "apology"} className="h-4 w-4" />
                Apology
              </label>
            </div>
            <p className="mt-1 text-sm text-slate-600">
              Apologise for the trouble and the inconvenience; do not admit fault or blame a colleague or a process until a
              supervisor has confirmed where the fault lies.
            </p>
          </fieldset>
          <TextBox id="reply-text" label="Message" state={state} rows={7} placeholder="Write to the customer…" />
          <BlameReview state={state} idPrefix="reply" />
          <div className="flex flex-wrap items-center justify-between gap-3">
            <MinutesField id="reply-minutes" state={state} fallback={5} required />
            <SendButton audience="customer">Send to customer</SendButton>
          </div>
        </>
      )}
    </ComposerForm>
  );
}
