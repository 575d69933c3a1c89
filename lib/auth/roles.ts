import { STAFF_ROLES } from "@/db/schema/enums";

export type StaffRole = (typeof STAFF_ROLES)[number];
export { STAFF_ROLES };

// Each role can do everything the roles before it can.
const RANK: Record<StaffRole, number> = { agent: 1, supervisor: 2, owner: 3 };

/** True when `role` is at least `minimum` (owner ⊃ supervisor ⊃ agent). */
export function hasRole(role: StaffRole, minimum: StaffRole): boolean {
  return RANK[role] >= RANK[minimum];
}

export const ROLE_LABELS: Record<StaffRole, string> = {
  agent: "Agent",
  supervisor: "Supervisor",
  owner: "Owner",
};
