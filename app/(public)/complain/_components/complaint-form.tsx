"use client";

import { useActionState, useEffect, useRef } from "react";
import { FieldError, Alert, FileField, SelectField, SubmitButton, TextArea, TextField, cx } from "@/components/ui";
import { useFormDraft } from "@/components/use-form-draft";
import type { IntakeField } from "@/lib/complaints/intake-schema";
import type { ActionState } from "@/lib/forms/action-state";
import { minutesPhrase } from "@/lib/security/minutes";
import { submitComplaintAction } from "../actions";
import { COMPLAINT_DRAFT_KEY } from "./draft-key";

type ProcessOption = { id: string; name: string };

/** Where each field's error links to in the summary (radio groups link to their first option). */
const FIELD_TARGETS: Record<IntakeField, { id: string; label: string }> = {
  name: { id: "name", label: "Your name" },
  email: { id: "email", label: "Email" },
  phone: { id: "phone", label: "Phone" },
  preferredContact: { id: "preferredContact-email", label: "How to contact you" },
  processId: { id: "processId", label: "What it is about" },
  orderReference: { id: "orderReference", label: "Order or booking reference" },
  occurredOn: { id: "occurredOn", label: "When it happened" },
  description: { id: "description", label: "What went wrong" },
  desiredOutcome: { id: "desiredOutcome", label: "What would put it right" },
  idempotencyKey: { id: "description", label: "Form" },
  attachments: { id: "attachments", label: "Photos or documents" },
};

export function ComplaintForm({ processes, initialState, today }: { processes: ProcessOption[]; initialState: ActionState; today: string }) {
  const [state, formAction] = useActionState(submitComplaintAction, initialState);
  const summaryRef = useRef<HTMLDivElement>(null);
  const { values, fieldErrors: errors } = state;
  const filesChosen = state.filesChosen ?? 0;
  // Only a fresh form is filled from a draft: after a refused send the server sends it back filled.
  const { formRef, onChange, restoredAt, discard } = useFormDraft(COMPLAINT_DRAFT_KEY, { restore: state.attempt === 0, skip: ["idempotencyKey", "website"] });
  const errorEntries = Object.entries(errors) as Array<[IntakeField, string]>;

  // After a refused submit, take keyboard and screen-reader users to the list of problems.
  useEffect(() => {
    if (state.attempt > 0 && state.outcome !== "idle") summaryRef.current?.focus();
  }, [state.attempt, state.outcome]);

  // A duplicate, or a bot's post (told nothing else), answers with a reference and no tracking page.
  if (state.outcome === "done") {
    return (
      <div ref={summaryRef} tabIndex={-1} className="space-y-4 focus:outline-none">
        <Alert tone="success" title="Thank you: we have your complaint">
          <p>
            Your reference is <strong className="font-mono">{state.reference}</strong>. Please quote it if you contact us.
          </p>
          {state.message ? <p className="mt-2">{state.message}</p> : null}
        </Alert>
      </div>
    );
  }

  const fileHint =
    filesChosen > 0
      ? `You had chosen ${filesChosen === 1 ? "a file" : `${filesChosen} files`}: please choose ${filesChosen === 1 ? "it" : "them"} again. For your privacy, browsers do not keep files when a form comes back.`
      : "Up to 5 photos or PDFs (such as a receipt), 10 MB each.";

  return (
    <form key={state.attempt} ref={formRef} onChange={onChange} action={formAction} noValidate className="space-y-8">
      {restoredAt !== null && state.attempt === 0 ? (
        <div role="status" className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-sky-300 bg-sky-50 px-4 py-3 text-sm text-sky-950">
          <p>We kept what you had written on this page. Check it and send it when you are ready.</p>
          <button type="button" onClick={discard} className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-800">
            Start again with an empty form
          </button>
        </div>
      ) : null}
      {errorEntries.length > 0 ? (
        <div ref={summaryRef} tabIndex={-1} role="alert" aria-labelledby="error-summary-title" className="rounded-md border-2 border-red-700 bg-white p-4">
          <h2 id="error-summary-title" className="text-base font-semibold text-red-800">
            Please check {errorEntries.length === 1 ? "one thing" : `${errorEntries.length} things`} before sending
          </h2>
          <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
            {errorEntries.map(([field, message]) => (
              <li key={field}>
                <a href={`#${FIELD_TARGETS[field].id}`} className="font-medium text-red-800 underline underline-offset-2">
                  {message}
                </a>
              </li>
            ))}
          </ul>
          {filesChosen > 0 ? <p className="mt-2 text-sm text-slate-700">Your other answers are kept, but files need to be chosen again.</p> : null}
        </div>
      ) : null}
      {state.failure === "outage" ? (
        <div ref={summaryRef} tabIndex={-1} data-testid="complaint-unavailable">
          <Alert tone="error" title="We could not save your complaint right now">
            Please try again in a minute — nothing you typed is lost
            {filesChosen > 0 ? ", though your files need to be chosen again" : ""}. Your complaint has not been sent yet.
          </Alert>
        </div>
      ) : null}
      {state.retryAfterSeconds !== undefined ? (
        <div ref={summaryRef} tabIndex={-1} data-testid="complaint-throttled">
          <Alert tone="warning" title="Please wait a little before sending">
            We have had several complaints from this connection or for these contact details in a short time, so new ones are paused
            for a while. Your complaint has not been sent yet and everything you typed is still here: please send it again in{" "}
            {minutesPhrase(state.retryAfterSeconds ?? 60)}
            {filesChosen > 0 ? " (and choose your files again)" : ""}.
          </Alert>
        </div>
      ) : null}
      {state.failure === "error" ? (
        <div ref={summaryRef} tabIndex={-1}>
          <Alert tone="error" title="We could not save your complaint just now">
            Nothing is lost from this page. Please try again in a minute{filesChosen > 0 ? " (and choose your files again)" : ""}.
          </Alert>
        </div>
      ) : null}

      <input type="hidden" name="idempotencyKey" value={values.idempotencyKey} />
      <Honeypot />

      <fieldset className="space-y-5">
        <legend className="mb-4 text-lg font-semibold text-slate-900">About you</legend>
        <TextField id="name" label="Your name" required autoComplete="name" maxLength={120} defaultValue={values.name} error={errors.name} />
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-slate-800">
            Email or phone <span className="font-normal text-slate-600">(at least one)</span>
          </legend>
          <div className="grid gap-5 sm:grid-cols-2">
            <TextField id="email" label="Email" unmarked type="email" autoComplete="email" defaultValue={values.email} error={errors.email} hint="An email, a phone number, or both." />
            <TextField id="phone" label="Phone" unmarked type="tel" autoComplete="tel" defaultValue={values.phone} error={errors.phone} hint="Include the country code if abroad." />
          </div>
        </fieldset>
        <PreferredContact value={values.preferredContact} error={errors.preferredContact} />
      </fieldset>

      <fieldset className="space-y-5">
        <legend className="mb-4 text-lg font-semibold text-slate-900">Your complaint</legend>
        <SelectField
          id="processId"
          label="What is it about?"
          required
          placeholder="Choose one…"
          defaultValue={values.processId}
          error={errors.processId}
          options={[...processes.map((p) => ({ value: p.id, label: p.name })), { value: "not_sure", label: "Not sure" }]}
        />
        <div className="grid gap-5 sm:grid-cols-2">
          <TextField id="orderReference" label="Order or booking reference" maxLength={100} defaultValue={values.orderReference} error={errors.orderReference} />
          <TextField id="occurredOn" label="When did it happen?" type="date" min="2000-01-01" max={today} defaultValue={values.occurredOn} error={errors.occurredOn} />
        </div>
        <TextArea
          id="description"
          label="What went wrong?"
          required
          rows={8}
          maxLength={10_000}
          hint="In your own words: what happened, when, and who was involved. At least 20 characters."
          defaultValue={values.description}
          error={errors.description}
        />
        <TextArea
          id="desiredOutcome"
          label="What would put it right?"
          rows={4}
          maxLength={5_000}
          hint="For example a repair, a replacement, a refund, or an explanation."
          defaultValue={values.desiredOutcome}
          error={errors.desiredOutcome}
        />
        <FileField id="attachments" name="attachments" label="Photos or documents" hint={fileHint} error={errors.attachments} multiple accept="image/*,application/pdf" />
      </fieldset>

      <div className="flex flex-wrap items-center gap-4 border-t border-slate-200 pt-6">
        <SubmitButton pendingLabel="Sending your complaint…" className="px-5 py-3 text-base">
          Send complaint
        </SubmitButton>
        <p className="text-sm text-slate-600">You will get a reference and a private link to follow it.</p>
      </div>
    </form>
  );
}

function PreferredContact({ value, error }: { value?: string; error?: string }) {
  const options = [
    { value: "email", label: "Email" },
    { value: "phone", label: "Phone" },
  ];
  return (
    <fieldset aria-describedby={cx("preferredContact-hint", error && "preferredContact-error")} className="space-y-2">
      <legend className="text-sm font-medium text-slate-800">
        How should we contact you? <span className="font-normal text-slate-600">(optional)</span>
      </legend>
      <p id="preferredContact-hint" className="text-sm text-slate-600">
        If you leave this, we use email when you give one.
      </p>
      <div className="flex gap-6">
        {options.map((option) => (
          <label key={option.value} className="flex items-center gap-2 text-sm text-slate-800">
            <input
              type="radio"
              id={`preferredContact-${option.value}`}
              name="preferredContact"
              value={option.value}
              defaultChecked={value === option.value}
              className="h-4 w-4 accent-brand-700"
            />
            {option.label}
          </label>
        ))}
      </div>
      <FieldError id="preferredContact-error">{error}</FieldError>
    </fieldset>
  );
}

/** A field people never see or reach; bots that fill every field give themselves away. */
function Honeypot() {
  return (
    <div aria-hidden="true" className="absolute -left-[9999px] top-auto h-px w-px overflow-hidden">
      <label htmlFor="website">Leave this field empty</label>
      <input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
    </div>
  );
}
