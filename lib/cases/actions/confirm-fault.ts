import "server-only";
import { z } from "zod";
import type { Db } from "@/db/client";
import type { Complaint } from "@/db/schema";
import { hasRole } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/privacy/audit";
import { CaseRuleError, ForbiddenError } from "../errors";
import { updateCase, type Actor } from "../update-case";
import { caseRef, minutesSpent, parseInput, type FormInput } from "./input";

export const confirmFaultInputSchema = z.object({ ...caseRef, minutesSpent: minutesSpent(5) });
export type ConfirmFaultInput = z.input<typeof confirmFaultInputSchema>;

/**
 * A supervisor confirms the case's fault attribution. Until then nobody admits fault to the
 * customer: the blame check in the composer flags admissions unless the fault is confirmed as the
 * service's. Changing the attribution later withdraws the confirmation (see root-cause.ts).
 */
export async function confirmFault(db: Db, actor: Actor, input: ConfirmFaultInput | FormInput): Promise<Complaint> {
  if (!hasRole(actor.role, "supervisor")) throw new ForbiddenError("Only a supervisor or an owner can confirm the fault.");
  const data = parseInput(confirmFaultInputSchema, input);
  return updateCase(
    db,
    { complaintId: data.complaintId, actor, expectedVersion: data.expectedVersion, minimumRole: "supervisor" },
    async (tx, current) => {
      if (!current.faultAttribution) throw new CaseRuleError("Set the fault attribution (under Root cause) before confirming it.");
      if (current.faultConfirmedAt) throw new CaseRuleError("The fault is already confirmed.");
      await recordAudit(tx, {
        staffId: actor.id,
        action: "case.fault_confirmed",
        subjectType: "complaint",
        subjectId: current.id,
        detail: { reference: current.reference, faultAttribution: current.faultAttribution },
      });
      return {
        patch: { faultConfirmedAt: new Date(), faultConfirmedById: actor.id },
        events: [
          { type: "fault_confirmed", visibility: "internal", data: { faultAttribution: current.faultAttribution }, minutesSpent: data.minutesSpent },
        ],
      };
    },
  );
}
