"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { requireStaff } from "@/lib/auth/session";
import { updateRetentionMonths } from "@/lib/privacy/settings";
import { formValues, keepSettingsForm, refusal, type SettingsFormState } from "../_components/action-state";

// The action checks the role itself: a server action is a public endpoint, whatever page shows it.
export async function saveRetentionAction(_previous: SettingsFormState, formData: FormData): Promise<SettingsFormState> {
  return keepSettingsForm(formData, async () => {
    const owner = await requireStaff("owner");
    const values = formValues(formData, ["retentionMonths"] as const);
    let months: number | null;
    try {
      months = await updateRetentionMonths(await getDb(), owner, values);
    } catch (error) {
      return refusal(error, values);
    }
    revalidatePath("/settings/privacy");
    return {
      ok: months === null ? "Saved. Closed cases are kept until you erase them." : `Saved. Closed cases are anonymised ${months} ${months === 1 ? "month" : "months"} after closing.`,
      at: Date.now(),
    };
  });
}
