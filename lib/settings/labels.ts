import type { FAULT_ATTRIBUTIONS } from "@/db/schema/enums";

export type Fault = (typeof FAULT_ATTRIBUTIONS)[number];

/** How fault attributions read in the workspace. */
export const FAULT_LABELS: Record<Fault, string> = {
  service: "Service (our fault)",
  customer: "Customer",
  external: "External (nobody's control)",
  undetermined: "Undetermined",
};
