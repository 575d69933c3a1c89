"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { SEVERITIES } from "@/db/schema/enums";
import { requireStaff } from "@/lib/auth/session";
import type { ActionState } from "@/lib/forms/action-state";
import { formValues, runFormAction } from "@/lib/forms/run-form-action";
import { updateBusinessSettings, updateSeverityTargets } from "@/lib/settings/business";

const BUSINESS_FIELDS = ["businessName", "timeZone", "firstResponseHours", "followUpDelayDays"] as const;
const TARGET_FIELDS = SEVERITIES.flatMap((s) => [`${s}.firstResponseHours`, `${s}.resolutionDays`]);

// Each action checks the role itself: a server action is a public endpoint, whatever page shows it.

export async function saveBusinessAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runFormAction(formData, {
    label: "settings",
    work: async () => {
      const owner = await requireStaff("owner");
      await updateBusinessSettings(await getDb(), owner, formValues(formData, BUSINESS_FIELDS));
      // The name appears on every customer page, so the whole app is refreshed.
      revalidatePath("/", "layout");
      return "Business settings saved.";
    },
  });
}

export async function saveTargetsAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runFormAction(formData, {
    label: "settings",
    work: async () => {
      const owner = await requireStaff("owner");
      const values = formValues(formData, TARGET_FIELDS);
      const input = Object.fromEntries(
        SEVERITIES.map((s) => [s, { firstResponseHours: values[`${s}.firstResponseHours`], resolutionDays: values[`${s}.resolutionDays`] }]),
      );
      await updateSeverityTargets(await getDb(), owner, input as Parameters<typeof updateSeverityTargets>[2]);
      revalidatePath("/settings/business");
      return "Response targets saved. They apply to deadlines set from now on.";
    },
  });
}
