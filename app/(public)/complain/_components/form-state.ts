import type { IntakeFieldErrors, IntakeFormValues } from "@/lib/complaints/intake-schema";

/** What the complaint form shows after a submit that did not end in the tracking page. */
export type ComplaintFormState = {
  /** "unavailable": the database could not be reached, so nothing was saved and a retry soon will work. */
  status: "editing" | "invalid" | "duplicate" | "received" | "failed" | "unavailable" | "throttled";
  values: IntakeFormValues;
  fieldErrors: IntakeFieldErrors;
  /** Files chosen in the refused attempt: browsers drop them, so the customer is asked to choose again. */
  filesChosen: number;
  reference: string | null;
  /** "throttled": seconds until the rate limit lets this sender file again. */
  retryAfterSeconds?: number;
  /** Increases on every answer, so the form remounts with the values the server sent back. */
  attempt: number;
};

export function initialComplaintFormState(idempotencyKey: string): ComplaintFormState {
  return {
    status: "editing",
    values: {
      name: "",
      email: "",
      phone: "",
      preferredContact: "",
      processId: "",
      orderReference: "",
      occurredOn: "",
      description: "",
      desiredOutcome: "",
      idempotencyKey,
    },
    fieldErrors: {},
    filesChosen: 0,
    reference: null,
    attempt: 0,
  };
}

/** The form's draft in the browser tab (components/use-form-draft.ts); forgotten once the complaint is filed. */
export const COMPLAINT_DRAFT_KEY = "complaint-form";
