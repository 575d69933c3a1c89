"use client";

import { useEffect, useRef, useState } from "react";
import { forgetDraft, recallDraft, rememberDraft } from "./drafts";

type Field = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

/**
 * Keeps a whole form's text, choices and dates as a draft in this tab (components/drafts.ts) as
 * they are typed, and puts them back when the form comes up fresh: after a reload, or when a
 * phone's browser dropped the page while the person looked up an order number in another app.
 * Files are never kept (browsers do not allow it), nor the fields named in `skip`.
 *
 * Attach `formRef` and `onChange` to the form. `restore` is false when the server already sent
 * the form back filled in.
 */
export function useFormDraft(key: string, { restore, skip = [] }: { restore: boolean; skip?: readonly string[] }) {
  const formRef = useRef<HTMLFormElement>(null);
  const initial = useRef<Record<string, string>>({});
  const [restoredAt, setRestoredAt] = useState<number | null>(null);

  // On mount only: the form remounts after every answer from the server.
  useEffect(() => {
    const form = formRef.current;
    if (!form) return;
    initial.current = read(form, skip);
    if (!restore) return;
    const draft = recallDraft(key);
    if (!draft) return;
    try {
      write(form, JSON.parse(draft.text) as Record<string, string>, skip);
      // After hydration by design: the server cannot know what this tab kept.
      // eslint-disable-next-line react-hooks/set-state-in-effect
      setRestoredAt(draft.at);
    } catch {
      forgetDraft(key);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the state the form was mounted with
  }, []);

  return {
    formRef,
    restoredAt,
    /** Input and change events bubble to the form: one listener keeps every field. */
    onChange: () => {
      const form = formRef.current;
      if (!form) return;
      const values = read(form, skip);
      const changed = Object.keys(values).some((name) => values[name] !== (initial.current[name] ?? ""));
      rememberDraft(key, changed ? JSON.stringify(values) : "");
    },
    /** Empties the form back to how it started and forgets the draft. */
    discard: () => {
      forgetDraft(key);
      setRestoredAt(null);
      if (formRef.current) write(formRef.current, initial.current, skip);
    },
  };
}

function read(form: HTMLFormElement, skip: readonly string[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of new FormData(form)) {
    if (typeof value === "string" && !skip.includes(name) && !name.startsWith("$")) values[name] = value;
  }
  return values;
}

function write(form: HTMLFormElement, values: Record<string, string>, skip: readonly string[]) {
  for (const element of Array.from(form.elements)) {
    const field = element as Field;
    if (!field.name || skip.includes(field.name) || ("type" in field && (field.type === "file" || field.type === "hidden"))) continue;
    // An unticked choice is absent from the form's data: absent means unticked here too.
    if (field instanceof HTMLInputElement && (field.type === "radio" || field.type === "checkbox")) field.checked = field.value === values[field.name];
    else if (field.name in values) field.value = values[field.name]!;
  }
}
