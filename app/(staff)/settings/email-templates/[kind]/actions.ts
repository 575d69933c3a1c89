"use server";

import { notFound, redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { requireStaff } from "@/lib/auth/session";
import { isCustomerKind, resetTemplate, saveTemplate } from "@/lib/outbox/admin";
import { keepSettingsForm, refusal, type SettingsFormState } from "../../_components/action-state";

/**
 * Saves or resets one email's wording. Which email comes from the form's hidden `kind` field, not
 * from `saveTemplateAction.bind(null, kind)` in the editor: a bind made while a client component
 * renders hangs React's server renderer when the form is posted without JavaScript (see
 * app/(public)/track/[token]/actions.ts).
 */
export async function saveTemplateAction(_previous: SettingsFormState, form: FormData): Promise<SettingsFormState> {
  return keepSettingsForm(form, async () => {
    const user = await requireStaff("owner");
    const kind = String(form.get("kind") ?? "");
    if (!isCustomerKind(kind)) notFound();
    const values = { subject: String(form.get("subject") ?? ""), body: String(form.get("body") ?? "") };
    if (form.get("intent") === "reset") {
      await resetTemplate(await getDb(), user, kind);
      redirect(`/settings/email-templates/${kind}?done=reset`);
    }
    try {
      await saveTemplate(await getDb(), user, kind, values);
    } catch (error) {
      return refusal(error, values);
    }
    redirect(`/settings/email-templates/${kind}?done=saved`);
  });
}
