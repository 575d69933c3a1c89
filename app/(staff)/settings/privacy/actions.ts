"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { requireStaff } from "@/lib/auth/session";
import type { ActionState } from "@/lib/forms/action-state";
import { formValues, runFormAction } from "@/lib/forms/run-form-action";
import { updateRetentionMonths } from "@/lib/privacy/settings";

// The action checks the role itself: a server action is a public endpoint, whatever page shows it.
export async function saveRetentionAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runFormAction(formData, {
    label: "settings",
    work: async () => {
      const owner = await requireStaff("owner");
      const months = await updateRetentionMonths(await getDb(), owner, formValues(formData, ["retentionMonths"] as const));
      revalidatePath("/settings/privacy");
      return months === null
        ? "Saved. Closed cases are kept until you erase them."
        : `Saved. Closed cases are anonymised ${months} ${months === 1 ? "month" : "months"} after closing.`;
    },
  });
}
