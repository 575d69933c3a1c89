"use server";

import { randomUUID } from "node:crypto";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { chosenFiles } from "@/lib/attachments/validate";
import { submitComplaint } from "@/lib/complaints/intake";
import { intakeValuesFromFormData } from "@/lib/complaints/intake-schema";
import { doneState, refusedState, type ActionState } from "@/lib/forms/action-state";
import { Refusal, TooManyAttempts } from "@/lib/forms/refusal";
import { runFormAction, typedValues } from "@/lib/forms/run-form-action";
import { requestClientIp } from "@/lib/security/request-ip";

const APOLOGY = "We could not save your complaint just now. Nothing is lost from this page; please try again in a minute.";
const DUPLICATE =
  "This complaint had already reached us, so we did not file it twice. Your private tracking link was shown when it was first sent; if you no longer have it, contact us with your reference.";

/**
 * The complaint form's action (works with and without JavaScript). On success the customer lands
 * on their tracking page; otherwise the form comes back with their values and a message per field,
 * and an unexpected failure is an apology in the form rather than the error page.
 */
export async function submitComplaintAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return runFormAction(form, {
    label: "complain",
    apology: APOLOGY,
    // A duplicate or a bot's post is answered with a reference beside the form, without JavaScript too.
    answerInPlace: true,
    work: async () => {
      const uploads = chosenFiles(form.getAll("attachments"));
      const outcome = await submitComplaint(await getDb(), intakeValuesFromFormData(form), uploads, "web", { clientIp: await requestClientIp() });
      switch (outcome.kind) {
        case "filed":
          redirect(`/track/${outcome.trackingToken}?filed=1`);
        case "invalid":
          throw new Refusal("Please check the form before sending.", outcome.fieldErrors as Record<string, string>);
        case "duplicate":
          return { ...doneState(DUPLICATE), reference: outcome.reference };
        case "key_reused":
          // The page's key already filed a different complaint (e.g. the back button after sending,
          // then an edit). Nothing was stored; a fresh key lets the next press file this one.
          return refusedState("Nothing was stored yet.", {
            values: { ...typedValues(form), idempotencyKey: randomUUID() },
            fieldErrors: { idempotencyKey: "This form was already used to send a different complaint, so nothing was stored yet. Press Send again to send this one." },
            ...(uploads.length > 0 ? { filesChosen: uploads.length } : {}),
          });
        case "throttled":
          // Too many complaints from this address or contact: the form comes back as typed.
          throw new TooManyAttempts("Please wait a little before sending.", outcome.retryAfterSeconds);
        case "discarded":
          // A bot filled the hidden field: it sees a plain success and nothing was stored.
          return { ...doneState(""), reference: outcome.reference };
      }
    },
  });
}
