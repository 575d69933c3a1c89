"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { requireStaff } from "@/lib/auth/session";
import type { ActionState } from "@/lib/forms/action-state";
import { formValues, runFormAction } from "@/lib/forms/run-form-action";
import { saveProcessVolume } from "@/lib/settings/volumes";

// A server action is a public endpoint: it checks the role itself, and the lib function again.
export async function saveVolumeAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runFormAction(formData, {
    label: "settings",
    work: async () => {
      const owner = await requireStaff("owner");
      const saved = await saveProcessVolume(await getDb(), owner, formValues(formData, ["processId", "month", "units"]));
      revalidatePath("/settings/volumes");
      revalidatePath("/improvements", "layout");
      return `Saved ${saved.units.toLocaleString("en-GB")} units for ${saved.processName} in ${saved.month.slice(0, 7)}.`;
    },
  });
}
