"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import type { OutboxKind } from "@/db/schema";
import { requireStaff } from "@/lib/auth/session";
import { resetTemplate, saveTemplate } from "@/lib/outbox/admin";
import { keepSettingsForm, refusal, type SettingsFormState } from "../../_components/action-state";

export async function saveTemplateAction(kind: OutboxKind, _previous: SettingsFormState, form: FormData): Promise<SettingsFormState> {
  return keepSettingsForm(form, async () => {
    const user = await requireStaff("owner");
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
