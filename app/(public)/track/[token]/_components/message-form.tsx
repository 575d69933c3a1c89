"use client";

import { useActionState, useEffect } from "react";
import { DraftNotice } from "@/components/draft-notice";
import { forgetDraft } from "@/components/drafts";
import { FileField, SubmitButton, TextArea } from "@/components/ui";
import { useFormDraft } from "@/components/use-form-draft";
import { idleState } from "@/lib/forms/action-state";
import { addMessageAction } from "../actions";
import { TokenField } from "./token-field";

/**
 * Adds the customer's message to their case, with photos or PDFs if they choose (a forgotten
 * receipt); works without JavaScript too (a multipart post). With it, what is
 * being written is kept in the tab until it is sent (components/use-form-draft.ts): `sent` is
 * true on the page a sent message lands on, which forgets the draft.
 */
export function MessageForm({ token, sent }: { token: string; sent: boolean }) {
  const [state, formAction] = useActionState(addMessageAction, idleState);
  // The start of the tracking token tells this customer's cases apart within one tab.
  const draftKey = `track-message:${token.slice(0, 12)}`;
  const { formRef, onChange, restoredAt, discard } = useFormDraft(draftKey, { restore: state.attempt === 0 && !sent });
  useEffect(() => {
    if (!sent) return;
    forgetDraft(draftKey);
    // Once only: a reload of this address must not forget the next message being written.
    const url = new URL(window.location.href);
    url.searchParams.delete("sent");
    window.history.replaceState(window.history.state, "", url);
  }, [sent, draftKey]);
  return (
    <form key={state.attempt} ref={formRef} onChange={onChange} action={formAction} noValidate className="space-y-3">
      <TokenField token={token} />
      <TextArea
        id="body"
        name="body"
        label="Add a message"
        required
        rows={4}
        maxLength={5_000}
        hint="Answer our questions, add information, or tell us if something has changed. Our team sees it on your case."
        defaultValue={state.values.body}
        error={state.fieldErrors.body ?? (state.fieldErrors.attachments ? undefined : state.message || undefined)}
        autoFocus={Boolean(state.message) && !state.fieldErrors.attachments}
      />
      <FileField
        id="message-attachments"
        name="attachments"
        label="Photos or documents"
        multiple
        accept="image/*,application/pdf"
        hint={
          state.outcome === "refused"
            ? "If you had chosen files, please choose them again: browsers do not keep files when a form comes back."
            : "Up to 5 photos or PDFs (such as a receipt), 10 MB each."
        }
        error={state.fieldErrors.attachments}
      />
      {restoredAt !== null ? (
        <DraftNotice discardLabel="Clear it" onDiscard={discard}>
          We kept the message you had started.
        </DraftNotice>
      ) : null}
      <SubmitButton pendingLabel="Sending…">Send message</SubmitButton>
    </form>
  );
}
