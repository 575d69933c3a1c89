"use client";

import { addNoteAction } from "../../_actions/conversation";
import { Audience } from "./audience";
import { CaseFields, MinutesField } from "../case-form";
import { ComposerForm, SendButton } from "./composer-form";
import { TextBox } from "./text-box";

/** An internal note: staff only, never on the customer's case page or in an email. */
export function NoteForm({ complaintId }: { complaintId: string }) {
  return (
    <ComposerForm action={addNoteAction} label="Internal note">
      {(state) => (
        <>
          <Audience visible={false}>Never on the customer&rsquo;s case page, never emailed.</Audience>
          {/* Notes carry no version: adding one never conflicts with someone else's change. */}
          <CaseFields complaintId={complaintId} />
          <TextBox id="note-text" label="Note" state={state} rows={5} internal placeholder="What colleagues should know about this case…" />
          <div className="flex flex-wrap items-center justify-between gap-3">
            <MinutesField id="note-minutes" state={state} fallback={2} required />
            <SendButton audience="internal">Add internal note</SendButton>
          </div>
        </>
      )}
    </ComposerForm>
  );
}
