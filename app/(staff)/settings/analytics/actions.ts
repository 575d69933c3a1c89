"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { requireStaff } from "@/lib/auth/session";
import type { ActionState } from "@/lib/forms/action-state";
import { formValues, runFormAction } from "@/lib/forms/run-form-action";
import { saveAnalyticsThresholds } from "@/lib/settings/analytics-thresholds";
import { THRESHOLD_FIELDS, thresholdInput } from "./fields";

const NAMES = THRESHOLD_FIELDS.map((f) => f.name);

// A server action is a public endpoint: it checks the role itself, and the lib function again.
export async function saveThresholdsAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runFormAction(formData, {
    label: "settings",
    work: async () => {
      const owner = await requireStaff("owner");
      const reset = Boolean(formData.get("reset"));
      await saveAnalyticsThresholds(await getDb(), owner, reset ? {} : thresholdInput(formValues(formData, NAMES)));
      revalidatePath("/analytics");
      revalidatePath("/settings/analytics");
      return reset ? "Thresholds reset to the defaults." : "Thresholds saved. Verdicts use them from now on.";
    },
  });
}
