"use client";

import { useFormStatus } from "react-dom";
import { cx } from "@/components/ui";
import type { ActionState, FormAction } from "@/lib/forms/action-state";
import { CaseForm } from "../case-form";
import { sendClasses } from "./audience";

/**
 * A composer form: a case form (../case-form.tsx) whose default button sends. A success empties
 * it; a refusal or a held-back wording brings the text back as typed.
 */
export function ComposerForm({
  action,
  label,
  children,
}: {
  action: FormAction;
  label: string;
  children: (state: ActionState) => React.ReactNode;
}) {
  return (
    <CaseForm action={action} label={label} className="space-y-4">
      {(state) => (
        <>
          {/* The form's default button: Enter in a field sends, rather than pressing the first of
              the other buttons ("Use this wording", "More rows"). Hidden from sight and from tabbing. */}
          <button type="submit" name="intent" value="send" tabIndex={-1} aria-hidden className="sr-only">
            Send
          </button>
          {children(state)}
        </>
      )}
    </CaseForm>
  );
}

/**
 * The form's send button, styled by audience. `intent` tells the action what was pressed (the
 * blame review adds other buttons to the same form).
 */
export function SendButton({ audience, children }: { audience: "customer" | "internal"; children: React.ReactNode }) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      name="intent"
      value="send"
      disabled={pending}
      className={cx(
        "inline-flex items-center justify-center rounded-md px-4 py-2 text-sm font-semibold transition-colors disabled:cursor-not-allowed disabled:opacity-60",
        sendClasses[audience],
      )}
    >
      {pending ? "Saving…" : children}
    </button>
  );
}
