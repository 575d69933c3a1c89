import { hasRole, type StaffRole } from "@/lib/auth/roles";
import { ForbiddenError } from "@/lib/cases/errors";

/** Who is asking. Pages and routes pass the user re-loaded from the database. */
export type PrivacyActor = { id: string; role: StaffRole };

/** Exporting and erasing a customer's data are owner decisions, checked here whatever called in. */
export function assertPrivacyOwner(actor: PrivacyActor, what: string): void {
  if (!hasRole(actor.role, "owner")) throw new ForbiddenError(`Only an owner can ${what}.`);
}
