"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { requireStaff } from "@/lib/auth/session";
import { saveAnalyticsThresholds } from "@/lib/settings/analytics-thresholds";
import { formValues, keepSettingsForm, refusal, type SettingsFormState } from "../_components/action-state";
import { THRESHOLD_FIELDS, thresholdInput } from "./fields";

const NAMES = THRESHOLD_FIELDS.map((f) => f.name);

// A server action is a public endpoint: it checks the role itself, and the lib function again.
export async function saveThresholdsAction(_previous: SettingsFormState, formData: FormData): Promise<SettingsFormState> {
  return keepSettingsForm(formData, async () => {
    const owner = await requireStaff("owner");
    const values = formValues(formData, NAMES);
    try {
      await saveAnalyticsThresholds(await getDb(), owner, formData.get("reset") ? {} : thresholdInput(values));
    } catch (error) {
      return refusal(error, values);
    }
    revalidatePath("/analytics");
    revalidatePath("/settings/analytics");
    return { ok: formData.get("reset") ? "Thresholds reset to the defaults." : "Thresholds saved. Verdicts use them from now on.", at: Date.now() };
  });
}
