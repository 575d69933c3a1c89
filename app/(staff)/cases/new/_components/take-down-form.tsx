"use client";

import { useActionState, useEffect, useRef } from "react";
import { Alert, FieldError, FileField, SelectField, SubmitButton, TextArea, TextField, cx } from "@/components/ui";
import { BACKDATE_REASON_MAX, NEW_CUSTOMER, type TakeDownField } from "@/lib/complaints/take-down-fields";
import type { ActionState } from "@/lib/forms/action-state";
import { takeDownComplaintAction } from "../actions";

export type CustomerOption = { id: string; name: string; contact: string; history: string };
type Option = { value: string; label: string };

/** Where each field's error links to in the summary (radio groups link to their first option). */
const FIELD_TARGETS: Record<TakeDownField | "attachments", { id: string }> = {
  customerId: { id: "customer-choice" },
  name: { id: "name" },
  email: { id: "email" },
  phone: { id: "phone" },
  preferredContact: { id: "preferredContact-email" },
  channel: { id: "channel-phone" },
  receivedDate: { id: "receivedDate" },
  receivedTime: { id: "receivedTime" },
  backdateReason: { id: "backdateReason" },
  processId: { id: "processId" },
  description: { id: "description" },
  desiredOutcome: { id: "desiredOutcome" },
  idempotencyKey: { id: "description" },
  attachments: { id: "attachments" },
};

const radio = "h-4 w-4 accent-brand-700";

/**
 * The complaint as staff take it down: who (a customer found above, "Same person", or new
 * details), how and when it came in, what it is about, and the customer's own words. Works
 * without JavaScript; a refusal comes back as typed with a message beside each field.
 */
export function TakeDownForm({
  initialState,
  query,
  matches,
  channels,
  processes,
  today,
  timeZone,
}: {
  initialState: ActionState;
  query: string;
  matches: CustomerOption[];
  channels: Option[];
  processes: Array<{ id: string; name: string }>;
  today: string;
  timeZone: string;
}) {
  const [state, formAction] = useActionState(takeDownComplaintAction, initialState);
  const summaryRef = useRef<HTMLDivElement>(null);
  const { values, fieldErrors: errors } = state;
  const errorEntries = Object.entries(errors) as Array<[TakeDownField | "attachments", string]>;
  const filesChosen = state.filesChosen ?? 0;
  const chosen = values.customerId ?? "";

  // After a refused save, take keyboard and screen-reader users to the list of problems.
  useEffect(() => {
    if (state.attempt > 0 && state.outcome !== "idle") summaryRef.current?.focus();
  }, [state.attempt, state.outcome]);

  const fileHint =
    filesChosen > 0
      ? `You had chosen ${filesChosen === 1 ? "a file" : `${filesChosen} files`}: please choose ${filesChosen === 1 ? "it" : "them"} again. Browsers do not keep files when a form comes back.`
      : "Scans of a letter, photos: up to 5 photos or PDFs, 10 MB each.";

  return (
    <form key={state.attempt} action={formAction} noValidate className="space-y-8">
      {errorEntries.length > 0 ? (
        <div ref={summaryRef} tabIndex={-1} role="alert" aria-labelledby="error-summary-title" className="rounded-md border-2 border-red-700 bg-white p-4">
          <h2 id="error-summary-title" className="text-base font-semibold text-red-800">
            Nothing was saved: please check {errorEntries.length === 1 ? "one thing" : `${errorEntries.length} things`}
          </h2>
          <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
            {errorEntries.map(([field, message]) => (
              <li key={field}>
                <a href={`#${FIELD_TARGETS[field]?.id ?? "description"}`} className="font-medium text-red-800 underline underline-offset-2">
                  {message}
                </a>
              </li>
            ))}
          </ul>
          {filesChosen > 0 ? <p className="mt-2 text-sm text-slate-700">Everything else is kept, but files need to be chosen again.</p> : null}
        </div>
      ) : state.outcome === "refused" && state.message ? (
        <div ref={summaryRef} tabIndex={-1}>
          <Alert tone="error">{state.message}</Alert>
        </div>
      ) : null}

      <input type="hidden" name="idempotencyKey" value={values.idempotencyKey ?? ""} />

      <fieldset className="space-y-3" aria-describedby={errors.customerId ? "customerId-error" : undefined}>
        <legend id="customer-choice" tabIndex={-1} className="text-lg font-semibold text-slate-900">
          Who is complaining
        </legend>
        {matches.length > 0 ? (
          <ul className="space-y-2" aria-label={`Customers on record matching “${query}”`}>
            {matches.map((m) => (
              <li key={m.id} className="rounded-md border border-slate-200 p-3">
                <label className="flex items-start gap-3">
                  <input type="radio" name="customerId" value={m.id} defaultChecked={chosen === m.id} className={cx(radio, "mt-1")} />
                  <span className="min-w-0">
                    <span className="block text-sm font-semibold text-slate-900">
                      Same person: {m.name}
                    </span>
                    <span className="block break-words text-sm text-slate-700">{m.contact}</span>
                    <span className="block text-sm text-slate-600">{m.history}</span>
                  </span>
                </label>
              </li>
            ))}
            <li className="rounded-md border border-slate-200 p-3">
              <label className="flex items-center gap-3 text-sm font-semibold text-slate-900">
                <input type="radio" name="customerId" value={NEW_CUSTOMER} defaultChecked={!matches.some((m) => m.id === chosen)} className={radio} />
                Someone new: enter their details below
              </label>
            </li>
          </ul>
        ) : (
          <p className="text-sm text-slate-700">
            {query.trim().length >= 2 ? `No customer on record matches “${query}”. ` : ""}
            Search above for a customer on record, or enter a new customer’s details.
          </p>
        )}
        <FieldError id="customerId-error">{errors.customerId}</FieldError>
      </fieldset>

      <fieldset className="space-y-5">
        <legend className="mb-1 text-lg font-semibold text-slate-900">New customer’s details</legend>
        <p className="text-sm text-slate-600">Only for someone new: a customer chosen above keeps the details on record.</p>
        <TextField id="name" label="Name" unmarked autoComplete="off" maxLength={120} defaultValue={values.name} error={errors.name} />
        <div className="grid gap-5 sm:grid-cols-2">
          <TextField id="email" label="Email" unmarked type="email" autoComplete="off" defaultValue={values.email} error={errors.email} hint="An email, a phone number, or both." />
          <TextField id="phone" label="Phone" unmarked type="tel" autoComplete="off" defaultValue={values.phone} error={errors.phone} hint="Include the country code if abroad." />
        </div>
        <RadioGroup
          name="preferredContact"
          legend="How they want to be contacted"
          hint="If left, email when they gave one."
          options={[
            { value: "email", label: "Email" },
            { value: "phone", label: "Phone" },
          ]}
          value={values.preferredContact}
          error={errors.preferredContact}
        />
      </fieldset>

      <fieldset className="space-y-5">
        <legend className="mb-4 text-lg font-semibold text-slate-900">The complaint</legend>
        <RadioGroup name="channel" legend="How it reached you" required options={channels} value={values.channel} error={errors.channel} />
        <fieldset className="space-y-2" aria-describedby="received-hint">
          <legend className="text-sm font-medium text-slate-800">
            When it was received <span className="font-normal text-slate-600">(leave empty for now)</span>
          </legend>
          <p id="received-hint" className="text-sm text-slate-600">
            Earlier today: the time only. An earlier day, up to 30 days back: the date and time. Times are in {timeZone}.
          </p>
          <div className="grid gap-5 sm:grid-cols-2">
            <TextField id="receivedDate" label="Date" unmarked type="date" max={today} defaultValue={values.receivedDate} error={errors.receivedDate} />
            <TextField id="receivedTime" label="Time" unmarked type="time" defaultValue={values.receivedTime} error={errors.receivedTime} />
          </div>
          <TextField
            id="backdateReason"
            label="Why it is recorded late"
            unmarked
            maxLength={BACKDATE_REASON_MAX}
            hint="Needed when the received time is earlier than now, e.g. “Letter opened this morning”."
            defaultValue={values.backdateReason}
            error={errors.backdateReason}
          />
        </fieldset>
        <SelectField
          id="processId"
          label="What it is about"
          required
          placeholder="Choose one…"
          defaultValue={values.processId}
          error={errors.processId}
          options={[...processes.map((p) => ({ value: p.id, label: p.name })), { value: "not_sure", label: "Not sure" }]}
        />
        <TextArea
          id="description"
          label="What went wrong, in the customer’s words"
          required
          rows={8}
          maxLength={10_000}
          hint="Write down what they say, as they say it: it is kept as written. At least 20 characters."
          defaultValue={values.description}
          error={errors.description}
        />
        <TextArea
          id="desiredOutcome"
          label="What would put it right, for them"
          rows={3}
          maxLength={5_000}
          hint="Ask them: a repair, a replacement, a refund, an explanation…"
          defaultValue={values.desiredOutcome}
          error={errors.desiredOutcome}
        />
        <FileField id="attachments" name="attachments" label="Files" hint={fileHint} error={errors.attachments} multiple accept="image/*,application/pdf" />
      </fieldset>

      <div className="flex flex-wrap items-center gap-4 border-t border-slate-200 pt-6">
        <SubmitButton pendingLabel="Saving…" className="px-5 py-3 text-base">
          Save complaint
        </SubmitButton>
        <p className="text-sm text-slate-600">You will see the reference to read out to the customer.</p>
      </div>
    </form>
  );
}

/** A row of radio buttons with a legend, an optional hint and its error. */
function RadioGroup({ name, legend, hint, required, options, value, error }: { name: string; legend: string; hint?: string; required?: boolean; options: Option[]; value?: string; error?: string }) {
  return (
    <fieldset aria-describedby={cx(hint && `${name}-hint`, error && `${name}-error`) || undefined} className="space-y-2">
      <legend className="text-sm font-medium text-slate-800">
        {legend}
        {required ? <span className="text-red-700"> *</span> : <span className="font-normal text-slate-600"> (optional)</span>}
      </legend>
      {hint ? (
        <p id={`${name}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-x-6 gap-y-2">
        {options.map((option) => (
          <label key={option.value} className="flex items-center gap-2 text-sm text-slate-800">
            <input type="radio" id={`${name}-${option.value}`} name={name} value={option.value} defaultChecked={value === option.value} className={radio} />
            {option.label}
          </label>
        ))}
      </div>
      <FieldError id={`${name}-error`}>{error}</FieldError>
    </fieldset>
  );
}
