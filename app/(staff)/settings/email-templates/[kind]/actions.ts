"use server";

import { notFound, redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { requireStaff } from "@/lib/auth/session";
import type { ActionState } from "@/lib/forms/action-state";
import { formValues, runFormAction } from "@/lib/forms/run-form-action";
import { isCustomerKind, resetTemplate, saveTemplate } from "@/lib/outbox/admin";

/**
 * Saves or resets one email's wording. Which email comes from the form's hidden `kind` field, not
 * from `saveTemplateAction.bind(null, kind)` in the editor: a bind made while a client component
 * renders hangs React's server renderer when the form is posted without JavaScript (see
 * app/(public)/track/[token]/actions.ts).
 */
export async function saveTemplateAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return runFormAction(form, {
    label: "settings",
    work: async () => {
      const user = await requireStaff("owner");
      const kind = String(form.get("kind") ?? "");
      if (!isCustomerKind(kind)) notFound();
      if (form.get("intent") === "reset") {
        await resetTemplate(await getDb(), user, kind);
        redirect(`/settings/email-templates/${kind}?done=reset`);
      }
      await saveTemplate(await getDb(), user, kind, formValues(form, ["subject", "body"]));
      redirect(`/settings/email-templates/${kind}?done=saved`);
    },
  });
}
