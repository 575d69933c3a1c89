import { Alert } from "@/components/ui";
import type { ActionState } from "@/lib/forms/action-state";

/**
 * A form's answer above its fields (lib/forms/action-state.ts): the confirmation, or why nothing
 * was saved. `quietWithFieldErrors`: a refusal that names fields shows beside them only.
 */
export function FormAnswer({ state, quietWithFieldErrors = false }: { state: ActionState; quietWithFieldErrors?: boolean }) {
  if (!state.message) return null;
  if (state.outcome === "done") return <Alert tone="success">{state.message}</Alert>;
  if (state.outcome !== "refused" || (quietWithFieldErrors && Object.keys(state.fieldErrors).length)) return null;
  return <Alert tone="error">{state.message}</Alert>;
}
