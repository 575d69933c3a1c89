"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { requestNewTrackingLink } from "@/lib/complaints/lost-link";
import type { ActionState } from "@/lib/forms/action-state";
import { Refusal, TooManyAttempts } from "@/lib/forms/refusal";
import { formValues, runFormAction } from "@/lib/forms/run-form-action";
import { requestClientIp } from "@/lib/security/request-ip";
import { publicBaseUrl } from "../../_components/base-url";

/** Always the same answer once the fields are well formed: see lib/complaints/lost-link.ts. */
export async function lostLinkAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return runFormAction(form, {
    label: "lost link",
    work: async () => {
      const outcome = await requestNewTrackingLink(await getDb(), formValues(form, ["email", "reference"]), {
        baseUrl: await publicBaseUrl(),
        clientIp: await requestClientIp(),
      });
      if (outcome.ok) redirect("/track/lost?sent=1");
      if ("retryAfterSeconds" in outcome) throw new TooManyAttempts("Too many attempts", outcome.retryAfterSeconds);
      throw new Refusal("Please correct the highlighted fields.", outcome.fieldErrors);
    },
  });
}
