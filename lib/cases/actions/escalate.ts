import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { staffUsers, type Complaint } from "@/db/schema";
import { hasRole } from "@/lib/auth/roles";
import { enqueueCustomerEmail } from "@/lib/outbox";
import { CaseRuleError, ForbiddenError } from "../errors";
import { updateCase, type Actor, type CaseChange, type CaseEventInput } from "../update-case";
import { caseRef, checkbox, minutesSpent, optionalId, optionalText, parseInput, refuseIfClosed, requiredText, type FormInput } from "./input";

/**
 * What the customer reads when staff tick "tell the customer": they are taken seriously, with no
 * word on why (the reason is internal) and nothing that admits or assigns fault.
 */
export const ESCALATION_NOTICE =
  "A senior colleague is now involved in your complaint and will make sure it gets the attention it needs. We will be in touch with you soon.";

export const escalateInputSchema = z.object({
  ...caseRef,
  reason: requiredText(3, 1000, "the reason for escalating"),
  supervisorId: optionalId("Choose a supervisor from the list."),
  tellCustomer: checkbox,
  minutesSpent: minutesSpent(5),
});
export type EscalateInput = z.input<typeof escalateInputSchema>;

export const deEscalateInputSchema = z.object({
  ...caseRef,
  note: optionalText(1000, "The note"),
  minutesSpent: minutesSpent(2),
});
export type DeEscalateInput = z.input<typeof deEscalateInputSchema>;

/**
 * Brings supervisors in on a hard case: marks it escalated (it appears in their escalated queue),
 * optionally hands it to one of them, and optionally tells the customer that someone senior is
 * now involved.
 */
export async function escalateCase(db: Db, actor: Actor, input: EscalateInput | FormInput): Promise<Complaint> {
  const data = parseInput(escalateInputSchema, input);
  return updateCase(db, { complaintId: data.complaintId, actor, expectedVersion: data.expectedVersion }, async (tx, current) => {
    refuseIfClosed(current, "escalate it");
    if (current.escalatedAt) throw new CaseRuleError("This case is already escalated to the supervisors.");

    const events: CaseEventInput[] = [
      { type: "escalated", visibility: "internal", body: data.reason, data: { reason: data.reason }, minutesSpent: data.minutesSpent },
    ];
    const patch: NonNullable<CaseChange["patch"]> = { escalatedAt: new Date(), escalationReason: data.reason };

    if (data.supervisorId) {
      const [lead] = await tx
        .select({ id: staffUsers.id, name: staffUsers.name, role: staffUsers.role, active: staffUsers.active })
        .from(staffUsers)
        .where(eq(staffUsers.id, data.supervisorId));
      if (!lead || !lead.active || !hasRole(lead.role, "supervisor")) {
        throw new CaseRuleError("Please correct the highlighted fields.", { supervisorId: "Choose an active supervisor or owner." });
      }
      if (lead.id !== current.assigneeId) {
        patch.assigneeId = lead.id;
        events.push({
          type: "assigned",
          visibility: "internal",
          data: { assigneeId: lead.id, assigneeName: lead.name, previousAssigneeId: current.assigneeId },
          minutesSpent: 0,
        });
      }
    }

    if (data.tellCustomer) {
      events.push({ type: "message", visibility: "customer", body: ESCALATION_NOTICE, data: { about: "escalation" }, minutesSpent: 0 });
      await enqueueCustomerEmail(tx, {
        complaintId: current.id,
        kind: "staff_reply",
        message: ESCALATION_NOTICE,
        dedupeKey: `escalation:${current.id}:${current.version}`,
      });
    }
    return { patch, events };
  });
}

/** A supervisor takes the case off the escalated list; the event keeps why it had been escalated. */
export async function deEscalateCase(db: Db, actor: Actor, input: DeEscalateInput | FormInput): Promise<Complaint> {
  if (!hasRole(actor.role, "supervisor")) throw new ForbiddenError("Only a supervisor or an owner can end an escalation.");
  const data = parseInput(deEscalateInputSchema, input);
  return updateCase(
    db,
    { complaintId: data.complaintId, actor, expectedVersion: data.expectedVersion, minimumRole: "supervisor" },
    (_tx, current) => {
      if (!current.escalatedAt) throw new CaseRuleError("This case is not escalated.");
      return {
        patch: { escalatedAt: null, escalationReason: null },
        events: [
          {
            // There is no event type of its own; an internal note marked in its data keeps the history.
            type: "note",
            visibility: "internal",
            body: data.note ? `Escalation ended: ${data.note}` : "Escalation ended.",
            data: { about: "escalation_ended", escalationReason: current.escalationReason, escalatedAt: current.escalatedAt.toISOString() },
            minutesSpent: data.minutesSpent,
          },
        ],
      };
    },
  );
}
