"use server";

import { randomUUID } from "node:crypto";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { isDatabaseUnavailable } from "@/db/errors";
import { chosenFiles } from "@/lib/attachments/validate";
import { submitComplaint } from "@/lib/complaints/intake";
import { intakeValuesFromFormData } from "@/lib/complaints/intake-schema";
import { requestClientIp } from "@/lib/security/request-ip";
import type { ComplaintFormState } from "./_components/form-state";
import { requestLog } from "@/lib/observability/log";

/**
 * The complaint form's action (works with and without JavaScript). On success the customer lands
 * on their tracking page; otherwise the form comes back with their values and a message per field.
 */
export async function submitComplaintAction(previous: ComplaintFormState, form: FormData): Promise<ComplaintFormState> {
  const { website, ...values } = intakeValuesFromFormData(form);
  const uploads = chosenFiles(form.getAll("attachments"));
  const answer = { ...previous, values, fieldErrors: {}, filesChosen: 0, reference: null, attempt: previous.attempt + 1 };

  let outcome: Awaited<ReturnType<typeof submitComplaint>>;
  try {
    outcome = await submitComplaint(await getDb(), { ...values, website }, uploads, "web", { clientIp: await requestClientIp() });
  } catch (error) {
    // Everything typed goes back to the form; an unreachable database gets its own message, as a retry will work.
    const unavailable = isDatabaseUnavailable(error);
    (await requestLog()).error({ err: error }, `[complain] could not file a complaint${unavailable ? " (database unavailable)" : ""}`);
    return { ...answer, status: unavailable ? "unavailable" : "failed", filesChosen: uploads.length };
  }

  switch (outcome.kind) {
    case "filed":
      redirect(`/track/${outcome.trackingToken}?filed=1`);
    case "invalid":
      return { ...answer, status: "invalid", fieldErrors: outcome.fieldErrors, filesChosen: uploads.length };
    case "duplicate":
      return { ...answer, status: "duplicate", reference: outcome.reference };
    case "key_reused":
      // The page's key already filed a different complaint (e.g. the back button after sending,
      // then an edit). Nothing was stored; a fresh key lets the next press file this one.
      return {
        ...answer,
        status: "invalid",
        values: { ...values, idempotencyKey: randomUUID() },
        fieldErrors: { idempotencyKey: "This form was already used to send a different complaint, so nothing was stored yet. Press Send again to send this one." },
        filesChosen: uploads.length,
      };
    case "throttled":
      // Too many complaints from this address or contact: the form comes back as typed.
      return { ...answer, status: "throttled", retryAfterSeconds: outcome.retryAfterSeconds, filesChosen: uploads.length };
    case "discarded":
      // A bot filled the hidden field: it sees a plain success and nothing was stored.
      return { ...answer, status: "received", reference: outcome.reference };
  }
}
