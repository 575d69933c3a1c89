import "server-only";
import { revalidatePath } from "next/cache";
import type { ActionState } from "@/lib/forms/action-state";
import { runFormAction } from "@/lib/forms/run-form-action";

/** Fields a case form never sends back as typed: they always come fresh from the page (CaseFields). */
const FRESH_CASE_FIELDS = ["complaintId", "expectedVersion"];

/**
 * A case page form's action, run the one way every form runs (lib/forms/run-form-action.ts). The
 * case page is refreshed after every answer, so a conflict shows the latest state; the case id
 * and version are never sent back as typed, since they must come fresh from the page.
 */
export function runCaseForm(
  formData: FormData,
  label: string,
  work: () => Promise<string | ActionState>,
  options: { refuse?: Parameters<typeof runFormAction>[1]["refuse"]; rows?: string } = {},
): Promise<ActionState> {
  return runFormAction(formData, {
    label,
    work,
    fresh: FRESH_CASE_FIELDS,
    refresh: () => revalidatePath("/cases/[reference]", "page"),
    ...options,
  });
}
