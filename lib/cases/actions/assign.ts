import "server-only";
import { asc, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { staffUsers, type Complaint } from "@/db/schema";
import type { StaffRole } from "@/lib/auth/roles";
import { CaseRuleError } from "../errors";
import { updateCase, type Actor } from "../update-case";
import { caseRef, minutesSpent, parseInput, refuseIfClosed, type FormInput } from "./input";

export const assignInputSchema = z.object({
  ...caseRef,
  assigneeId: z.uuid({ error: "Choose who should handle this case." }),
  minutesSpent: minutesSpent(0),
});
export type AssignInput = z.input<typeof assignInputSchema>;

export type StaffOption = { id: string; name: string; role: StaffRole; active: boolean };

/** Everyone who ever worked here (a former colleague can still be the cause of a complaint), active first. */
export async function listAllStaff(db: Db): Promise<StaffOption[]> {
  return db
    .select({ id: staffUsers.id, name: staffUsers.name, role: staffUsers.role, active: staffUsers.active })
    .from(staffUsers)
    .orderBy(sql`${staffUsers.active} desc`, asc(sql`lower(${staffUsers.name})`));
}

/** Names for a few staff ids, for showing who confirmed or is responsible. */
export async function staffNames(db: Db, ids: Array<string | null>): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (wanted.length === 0) return new Map();
  const rows = await db.select({ id: staffUsers.id, name: staffUsers.name }).from(staffUsers).where(inArray(staffUsers.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * Gives the case to a staff member: claiming (assigning yourself), taking over from a colleague
 * and reassigning are all this one action. Any agent may do it; the event keeps who had it before.
 */
export async function assignCase(db: Db, actor: Actor, input: AssignInput | FormInput): Promise<Complaint> {
  const data = parseInput(assignInputSchema, input);
  return updateCase(db, { complaintId: data.complaintId, actor, expectedVersion: data.expectedVersion }, async (tx, current) => {
    refuseIfClosed(current, "reassign it");
    const [assignee] = await tx
      .select({ id: staffUsers.id, name: staffUsers.name, active: staffUsers.active })
      .from(staffUsers)
      .where(eq(staffUsers.id, data.assigneeId));
    if (!assignee || !assignee.active) {
      throw new CaseRuleError("That person cannot take cases.", { assigneeId: "Choose an active staff member." });
    }
    if (current.assigneeId === assignee.id) {
      throw new CaseRuleError(`The case is already assigned to ${assignee.id === actor.id ? "you" : assignee.name}.`);
    }
    return {
      patch: { assigneeId: assignee.id },
      events: [
        {
          type: "assigned",
          visibility: "internal",
          data: { assigneeId: assignee.id, assigneeName: assignee.name, previousAssigneeId: current.assigneeId },
          minutesSpent: data.minutesSpent,
        },
      ],
    };
  });
}
