import { hasRole, type StaffRole } from "@/lib/auth/roles";
import { ForbiddenError } from "@/lib/cases/errors";
import { Refusal } from "@/lib/forms/refusal";

/** Who is changing a setting. Pages pass the user `requireStaff` re-loaded from the database. */
export type SettingsActor = { id: string; role: StaffRole };

/**
 * Settings change how every case is handled, so only owners may change them. Checked here, next
 * to the data, whatever page or API called in.
 */
export function assertOwner(actor: SettingsActor): void {
  if (!hasRole(actor.role, "owner")) throw new ForbiddenError("Only an owner can change the business's settings.");
}

/** A settings change refused by a rule; the message is meant for the owner who tried it. */
export class SettingsRuleError extends Refusal {
  constructor(message: string, fieldErrors: Record<string, string> = {}) {
    super(message, fieldErrors);
    this.name = "SettingsRuleError";
  }
}
