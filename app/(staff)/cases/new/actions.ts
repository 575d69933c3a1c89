"use server";

import { randomUUID } from "node:crypto";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { chosenFiles } from "@/lib/attachments/validate";
import { requireStaff } from "@/lib/auth/session";
import { IdempotencyKeyReusedError } from "@/lib/complaints/intake";
import { recordComplaintForCustomer } from "@/lib/complaints/take-down";
import { TAKE_DOWN_FIELDS } from "@/lib/complaints/take-down-fields";
import { refusedState, type ActionState } from "@/lib/forms/action-state";
import { formValues, runFormAction } from "@/lib/forms/run-form-action";

/**
 * The New complaint page's action (works with and without JavaScript). Saved: the page shows the
 * reference to read out (a redirect, so a reload does not file it twice); refused: the form comes
 * back as typed with a message per field.
 */
export async function takeDownComplaintAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return runFormAction(form, {
    label: "new-complaint",
    // The page's key already filed a different complaint (back button, then an edit): nothing
    // was stored; a fresh key lets the next press file this one.
    refuse: (error, typed) =>
      error instanceof IdempotencyKeyReusedError
        ? refusedState("Nothing was saved yet.", {
            ...typed,
            values: { ...typed.values, idempotencyKey: randomUUID() },
            fieldErrors: { idempotencyKey: "This form was already used to save a different complaint, so nothing was saved yet. Press Save again to save this one." },
          })
        : undefined,
    work: async () => {
      const staff = await requireStaff();
      const { reference } = await recordComplaintForCustomer(await getDb(), staff, formValues(form, TAKE_DOWN_FIELDS), chosenFiles(form.getAll("attachments")));
      revalidatePath("/cases");
      redirect(`/cases/new?filed=${encodeURIComponent(reference)}`);
    },
  });
}
