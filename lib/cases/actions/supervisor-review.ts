import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { complaintEvents, FAULT_ATTRIBUTIONS, type Complaint } from "@/db/schema";
import { hasRole } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/privacy/audit";
import { FAULT_LABELS } from "@/lib/settings/labels";
import { CaseRuleError, ForbiddenError } from "../errors";
import { isOpen } from "../state-machine";
import { updateCase, type Actor } from "../update-case";
import { caseRef, minutesSpent, parseInput, refuseIfClosed, requiredText, type FormInput } from "./input";

/**
 * A supervisor's (or owner's) second look at what an agent did: approving an apology that was sent
 * over the blame check's flags, and changing or rejecting the fault attribution. Each is an
 * internal timeline event and an audit-log entry (who, which case; the reason stays on the
 * timeline, since the audit log holds no free text).
 */

function assertSupervisor(actor: Actor, what: string): void {
  if (!hasRole(actor.role, "supervisor")) throw new ForbiddenError(`Only a supervisor or an owner can ${what}.`);
}

export const approveApologySchema = z.object({
  ...caseRef,
  apologyEventId: z.coerce.number({ error: "Choose the apology to approve." }).int().positive("Choose the apology to approve."),
  minutesSpent: minutesSpent(2),
});
export type ApproveApologyInput = z.input<typeof approveApologySchema>;

/**
 * Approves an apology the blame check flagged (it was sent with "Send anyway" and a reason). Until
 * then the checklist does not count it as apologising; after, it does.
 */
export async function approveFlaggedApology(db: Db, actor: Actor, input: ApproveApologyInput | FormInput): Promise<Complaint> {
  assertSupervisor(actor, "approve a flagged apology");
  const data = parseInput(approveApologySchema, input);
  return updateCase(db, { complaintId: data.complaintId, actor, expectedVersion: data.expectedVersion, minimumRole: "supervisor" }, async (tx, current) => {
    const [apology] = await tx
      .select({ id: complaintEvents.id, type: complaintEvents.type, data: complaintEvents.data })
      .from(complaintEvents)
      .where(and(eq(complaintEvents.id, data.apologyEventId), eq(complaintEvents.complaintId, current.id)))
      .limit(1);
    const override = apology?.data?.blameOverride as { flags?: unknown } | undefined;
    if (!apology || apology.type !== "apology" || !override) {
      throw new CaseRuleError("Only an apology sent over the blame check's flags needs a supervisor's approval.");
    }
    const [already] = await tx
      .select({ id: complaintEvents.id })
      .from(complaintEvents)
      .where(
        and(
          eq(complaintEvents.complaintId, current.id),
          eq(complaintEvents.type, "apology_approved"),
          sql`${complaintEvents.data}->>'apologyEventId' = ${String(apology.id)}`,
        ),
      )
      .limit(1);
    if (already) throw new CaseRuleError("This apology is already approved.");
    await recordAudit(tx, { staffId: actor.id, action: "case.apology_approved", subjectType: "complaint", subjectId: current.id, detail: { reference: current.reference, apologyEventId: apology.id } });
    return {
      events: [
        {
          type: "apology_approved",
          visibility: "internal",
          body: null,
          data: { apologyEventId: apology.id, flags: Array.isArray(override.flags) ? override.flags : [] },
          minutesSpent: data.minutesSpent,
        },
      ],
    };
  });
}

export const reviewFaultSchema = z
  .object({
    ...caseRef,
    decision: z.enum(["change", "reject"], { error: "Choose whether to change or reject the attribution." }),
    faultAttribution: z.preprocess((v) => (v === "" ? undefined : v), z.enum(FAULT_ATTRIBUTIONS, { error: "Choose whose fault it was." }).optional()),
    reason: requiredText(10, 2000, "the reason"),
    minutesSpent: minutesSpent(5),
  })
  .refine((v) => v.decision !== "change" || v.faultAttribution !== undefined, { path: ["faultAttribution"], message: "Choose whose fault it was." });
export type ReviewFaultInput = z.input<typeof reviewFaultSchema>;

/**
 * A supervisor changes the fault attribution (the new one counts as confirmed: they decided it) or
 * rejects it (it is cleared and must be set again under Root cause), with a reason either way. The
 * blame check then follows: admitting fault is allowed only when it is confirmed as the service's.
 */
export async function reviewFault(db: Db, actor: Actor, input: ReviewFaultInput | FormInput): Promise<Complaint> {
  assertSupervisor(actor, "change or reject the fault attribution");
  const data = parseInput(reviewFaultSchema, input);
  return updateCase(db, { complaintId: data.complaintId, actor, expectedVersion: data.expectedVersion, minimumRole: "supervisor" }, async (tx, current) => {
    refuseIfClosed(current, "review its fault attribution");
    const from = current.faultAttribution;
    if (!from) throw new CaseRuleError("There is no fault attribution to review yet: it is set under Root cause.");
    const audit = { staffId: actor.id, subjectType: "complaint", subjectId: current.id };
    if (data.decision === "reject") {
      if (!isOpen(current.status)) {
        throw new CaseRuleError("A resolved case keeps a fault attribution (the figures rely on it). Change it instead of rejecting it.");
      }
      await recordAudit(tx, { ...audit, action: "case.fault_rejected", detail: { reference: current.reference, from } });
      return {
        patch: { faultAttribution: null, faultConfirmedAt: null, faultConfirmedById: null, responsibleStaffId: null },
        events: [{ type: "fault_rejected", visibility: "internal", body: data.reason, data: { from }, minutesSpent: data.minutesSpent }],
      };
    }
    const to = data.faultAttribution!;
    if (to === from) {
      throw new CaseRuleError(`The fault is already “${FAULT_LABELS[to]}”. Confirm it instead.`, { faultAttribution: "Choose a different attribution, or confirm this one." });
    }
    await recordAudit(tx, { ...audit, action: "case.fault_changed", detail: { reference: current.reference, from, to } });
    return {
      patch: {
        faultAttribution: to,
        faultConfirmedAt: new Date(),
        faultConfirmedById: actor.id,
        ...(to !== "service" ? { responsibleStaffId: null } : {}),
      },
      events: [{ type: "fault_changed", visibility: "internal", body: data.reason, data: { from, to }, minutesSpent: data.minutesSpent }],
    };
  });
}
