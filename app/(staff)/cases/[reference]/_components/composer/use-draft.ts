"use client";

import { useEffect, useRef, useState } from "react";
import { forgetDraft, recallDraft, rememberDraft } from "@/components/drafts";
import type { ActionState } from "@/lib/forms/action-state";

/**
 * Keeps a composer text as a draft while it is typed (components/drafts.ts) and offers it back
 * when the form comes up empty: after a reload, or back on the case after an expired sign-in sent
 * the person to sign in. A send that went through forgets it.
 */
export function useDraft(key: string, state: ActionState, name: string) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const [restoredAt, setRestoredAt] = useState<number | null>(null);

  // On mount only: the composer remounts its fields after every answer from the server.
  useEffect(() => {
    if (state.outcome === "done") return forgetDraft(key);
    const sentBack = state.values[name];
    if (sentBack !== undefined) return rememberDraft(key, sentBack);
    const draft = recallDraft(key);
    if (draft && ref.current && ref.current.value !== draft.text) {
      ref.current.value = draft.text;
      setRestoredAt(draft.at);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the state a field was mounted with
  }, []);

  return {
    ref,
    restoredAt,
    onInput: (event: React.FormEvent<HTMLTextAreaElement>) => rememberDraft(key, event.currentTarget.value),
    discard: () => {
      forgetDraft(key);
      setRestoredAt(null);
      if (ref.current) {
        ref.current.value = ref.current.defaultValue;
        ref.current.focus();
      }
    },
  };
}
