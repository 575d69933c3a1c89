"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { SEVERITIES } from "@/db/schema/enums";
import { requireStaff } from "@/lib/auth/session";
import { updateBusinessSettings, updateSeverityTargets } from "@/lib/settings/business";
import { formValues, keepSettingsForm, refusal, type SettingsFormState } from "../_components/action-state";

const BUSINESS_FIELDS = ["businessName", "timeZone", "firstResponseHours", "followUpDelayDays"] as const;
const TARGET_FIELDS = SEVERITIES.flatMap((s) => [`${s}.firstResponseHours`, `${s}.resolutionDays`]);

// Each action checks the role itself: a server action is a public endpoint, whatever page shows it.

export async function saveBusinessAction(_previous: SettingsFormState, formData: FormData): Promise<SettingsFormState> {
  return keepSettingsForm(formData, async () => {
    const owner = await requireStaff("owner");
    const values = formValues(formData, BUSINESS_FIELDS);
    try {
      await updateBusinessSettings(await getDb(), owner, values);
    } catch (error) {
      return refusal(error, values);
    }
    // The name appears on every customer page, so the whole app is refreshed.
    revalidatePath("/", "layout");
    return { ok: "Business settings saved.", at: Date.now() };
  });
}

export async function saveTargetsAction(_previous: SettingsFormState, formData: FormData): Promise<SettingsFormState> {
  return keepSettingsForm(formData, async () => {
    const owner = await requireStaff("owner");
    const values = formValues(formData, TARGET_FIELDS);
    const input = Object.fromEntries(
      SEVERITIES.map((s) => [s, { firstResponseHours: values[`${s}.firstResponseHours`], resolutionDays: values[`${s}.resolutionDays`] }]),
    );
    try {
      await updateSeverityTargets(await getDb(), owner, input as Parameters<typeof updateSeverityTargets>[2]);
    } catch (error) {
      return refusal(error, values);
    }
    revalidatePath("/settings/business");
    return { ok: "Response targets saved. They apply to deadlines set from now on.", at: Date.now() };
  });
}
