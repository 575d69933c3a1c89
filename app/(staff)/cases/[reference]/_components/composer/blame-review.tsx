import { FieldError } from "@/components/ui";
import { BLAME_KIND_LABELS } from "@/lib/messages/blame-check";
import type { ActionState, FlaggedPassage } from "@/lib/forms/action-state";

/**
 * Shown when the blame-language check refused a text: the words that matched, highlighted in
 * place; why each matters; a neutral wording with a button to use it; and, as a last resort,
 * "Send anyway" with a reason that is kept on the timeline.
 */
export function BlameReview({ state, idPrefix, canReword = true }: { state: ActionState; idPrefix: string; canReword?: boolean }) {
  if (state.flags.length === 0) return null;
  const reasonError = state.fieldErrors.overrideReason;
  return (
    <div className="space-y-3 rounded-md border border-red-300 bg-red-50/60 p-3" aria-labelledby={`${idPrefix}-review-title`} role="group">
      <p id={`${idPrefix}-review-title`} className="text-sm font-semibold text-red-900">
        Check the wording before it goes to the customer
      </p>
      <blockquote className="whitespace-pre-wrap break-words rounded border border-red-200 bg-white p-3 text-sm text-slate-900">
        <Highlighted text={state.checkedText} flags={state.flags} />
      </blockquote>
      <ol className="space-y-3">
        {state.flags.map((flag, i) => (
          <li key={`${flag.start}-${i}`} className="rounded border border-red-200 bg-white p-3 text-sm">
            <p className="font-semibold text-slate-900">
              {BLAME_KIND_LABELS[flag.kind]}: <mark className="rounded bg-red-200 px-0.5 text-red-950">{flag.match}</mark>
            </p>
            <p className="mt-1 text-slate-700">{flag.explanation}</p>
            <p className="mt-2 text-slate-700">
              Try instead: <q className="italic text-slate-900">{flag.suggestion}</q>
            </p>
            {canReword ? (
              <button
                type="submit"
                name="intent"
                value={`suggest:${i}`}
                className="mt-2 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-100"
              >
                Use this wording
              </button>
            ) : null}
          </li>
        ))}
      </ol>
      <div className="space-y-2 border-t border-red-200 pt-3">
        <label className="flex items-start gap-2 text-sm text-slate-800">
          <input type="checkbox" name="sendAnyway" value="true" defaultChecked={state.values.sendAnyway === "true"} className="mt-0.5 h-4 w-4" />
          <span>
            <span className="font-medium">Send anyway</span>, as written. Use this only when the wording is right, for example when
            the fault is plain and denying it would be worse.
          </span>
        </label>
        <label htmlFor={`${idPrefix}-override-reason`} className="block text-sm font-medium text-slate-800">
          Why this wording should be sent (kept on the case for supervisors)
        </label>
        <textarea
          id={`${idPrefix}-override-reason`}
          name="overrideReason"
          rows={2}
          maxLength={500}
          defaultValue={state.values.overrideReason ?? ""}
          aria-invalid={reasonError ? true : undefined}
          aria-describedby={reasonError ? `${idPrefix}-override-reason-error` : undefined}
          className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900"
        />
        <FieldError id={`${idPrefix}-override-reason-error`}>{reasonError}</FieldError>
      </div>
    </div>
  );
}

/** The text with each flagged passage marked; offsets come from the check on this exact text. */
export function Highlighted({ text, flags }: { text: string; flags: FlaggedPassage[] }) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const [i, flag] of [...flags].sort((a, b) => a.start - b.start).entries()) {
    if (flag.start < at || flag.end > text.length) continue;
    parts.push(text.slice(at, flag.start));
    parts.push(
      <mark key={i} className="rounded bg-red-200 px-0.5 text-red-950">
        {text.slice(flag.start, flag.end)}
      </mark>,
    );
    at = flag.end;
  }
  parts.push(text.slice(at));
  return <>{parts}</>;
}
