"use client";

import { usePathname } from "next/navigation";
import { DraftNotice } from "@/components/draft-notice";
import { controlProps, FieldShell, cx } from "@/components/ui";
import type { ActionState } from "@/lib/forms/action-state";
import { useDraft } from "./use-draft";

/**
 * The composer's main text area (field name `text` unless told otherwise), with its error. What is
 * typed is kept as a draft in this tab until it is sent (see useDraft); `draftKey` tells drafts
 * apart where one case has several texts of the same kind (a summary per call).
 */
export function TextBox({
  id,
  label,
  state,
  name = "text",
  rows = 6,
  placeholder,
  hint,
  fallback = "",
  internal = false,
  draftKey = id,
}: {
  id: string;
  label: string;
  state: ActionState;
  name?: string;
  rows?: number;
  placeholder?: string;
  hint?: string;
  fallback?: string;
  internal?: boolean;
  draftKey?: string;
}) {
  const { ref, onInput, restoredAt, discard } = useDraft(`${usePathname()}:${draftKey}`, state, name);
  const error = state.fieldErrors[name];
  return (
    <div className="space-y-1">
      <FieldShell id={id} label={label} hint={hint} error={error} unmarked>
        <textarea
          ref={ref}
          onInput={onInput}
          {...controlProps({ id, label, hint, error, required: true, name })}
          rows={rows}
          maxLength={5000}
          placeholder={placeholder}
          defaultValue={state.values[name] ?? fallback}
          className={cx(
            "block w-full rounded-md border px-3 py-2 text-sm text-slate-900 shadow-sm placeholder:text-slate-500",
            internal ? "bg-amber-50/40" : "bg-white",
            error ? "border-red-600" : internal ? "border-amber-300" : "border-sky-300",
          )}
        />
      </FieldShell>
      {restoredAt !== null ? (
        <DraftNotice discardLabel="Discard draft" onDiscard={discard}>
          Your unsent draft from {new Date(restoredAt).toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" })} is back.
        </DraftNotice>
      ) : null}
    </div>
  );
}
