"use client";

import { useActionState, useMemo, useState } from "react";
import { Button, buttonClasses, TextArea, TextField } from "@/components/ui";
import type { OutboxKind } from "@/db/schema/outbox";
import { idleState } from "@/lib/forms/action-state";
import { PLACEHOLDERS, renderTemplate, SAMPLE_VALUES, validateTemplate, type TemplateText } from "@/lib/outbox/templates";
import { saveTemplateAction } from "../actions";

type Props = { kind: OutboxKind; initial: TemplateText; defaults: TemplateText; businessName: string; customised: boolean };

/**
 * Edit one email's wording with a live preview filled with example values. The same checks run
 * here as you type and on the server when you save (the server's answer is the one that counts).
 */
export function TemplateEditor({ kind, initial, defaults, businessName, customised }: Props) {
  const [state, formAction] = useActionState(saveTemplateAction, idleState);
  const [draft, setDraft] = useState<TemplateText>({
    subject: state.values.subject ?? initial.subject,
    body: state.values.body ?? initial.body,
  });
  const preview = useMemo(() => renderTemplate(draft, SAMPLE_VALUES, businessName), [draft, businessName]);
  const liveErrors = validateTemplate(kind, draft);
  const errors = { ...liveErrors, ...state.fieldErrors };

  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <form action={formAction} noValidate className="space-y-4">
        {/* Which email, as a field: never bind the action here (../actions.ts). */}
        <input type="hidden" name="kind" value={kind} />
        {state.outcome === "refused" && state.message ? (
          <p role="alert" className="text-sm font-medium text-red-700">
            {state.message}
          </p>
        ) : null}
        <TextField
          id="subject"
          name="subject"
          label="Subject"
          required
          value={draft.subject}
          onChange={(e) => setDraft({ ...draft, subject: e.target.value })}
          error={errors.subject}
        />
        <TextArea
          id="body"
          name="body"
          label="Text"
          required
          rows={16}
          value={draft.body}
          onChange={(e) => setDraft({ ...draft, body: e.target.value })}
          error={errors.body}
          hint="Leave a blank line between paragraphs. Links are made clickable in the email."
        />
        <div className="rounded-md border border-slate-200 bg-slate-50 p-3 text-sm text-slate-700">
          <p className="font-medium text-slate-800">Placeholders you can use</p>
          <p className="mt-1 flex flex-wrap gap-2">
            {PLACEHOLDERS[kind].map((p) => (
              <code key={p} className="rounded bg-white px-1.5 py-0.5 ring-1 ring-slate-200">{`{{${p}}}`}</code>
            ))}
          </p>
        </div>
        <div className="flex flex-wrap gap-3">
          <button type="submit" name="intent" value="save" className={buttonClasses("primary")}>
            Save wording
          </button>
          <Button type="button" variant="secondary" onClick={() => setDraft(defaults)}>
            Load the built-in wording
          </Button>
          {customised ? (
            <button type="submit" name="intent" value="reset" formNoValidate className={buttonClasses("secondary")}>
              Go back to the built-in wording
            </button>
          ) : null}
        </div>
      </form>
      <section aria-labelledby="preview-title" className="space-y-2">
        <h2 id="preview-title" className="text-lg font-semibold text-slate-900">
          Preview, with example values
        </h2>
        <p className="break-words text-sm text-slate-700">
          <span className="font-medium">Subject:</span> {preview.subject}
        </p>
        <iframe title="Email preview" sandbox="" srcDoc={preview.html} className="h-[32rem] w-full rounded-lg border border-slate-200 bg-white" />
      </section>
    </div>
  );
}
