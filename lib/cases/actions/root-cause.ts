import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db, Tx } from "@/db/client";
import { FAULT_ATTRIBUTIONS, processes, rootCauses, staffUsers, type Complaint } from "@/db/schema";
import { CaseRuleError } from "../errors";
import { updateCase, type Actor } from "../update-case";
import { caseRef, minutesSpent, optionalId, parseInput, refuseIfClosed, type FormInput } from "./input";

export const rootCauseInputSchema = z.object({
  ...caseRef,
  processId: z.uuid({ error: "Choose the process involved." }),
  rootCauseId: z.uuid({ error: "Choose the root cause." }),
  faultAttribution: z.enum(FAULT_ATTRIBUTIONS, { error: "Choose whose fault it was." }),
  responsibleStaffId: optionalId("Choose a staff member from the list."),
  minutesSpent: minutesSpent(5),
});
export type RootCauseInput = z.input<typeof rootCauseInputSchema>;

export type RootCauseResult = { complaint: Complaint; confirmationCleared: boolean };

/** Whether an option may be picked: active now, or the one the case already has (it may have been archived since). */
function pickable(row: { name: string; archivedAt: Date | null } | undefined, id: string, currentId: string | null): string | null {
  if (!row || (row.archivedAt && id !== currentId)) return null;
  return row.name;
}

async function lookUpOptions(tx: Tx, processId: string, rootCauseId: string) {
  const [[process], [cause]] = await Promise.all([
    tx.select({ name: processes.name, archivedAt: processes.archivedAt }).from(processes).where(eq(processes.id, processId)),
    tx.select({ name: rootCauses.name, archivedAt: rootCauses.archivedAt }).from(rootCauses).where(eq(rootCauses.id, rootCauseId)),
  ]);
  return { process, cause };
}

/**
 * Why it happened: the process involved, the root cause from the owner's taxonomy, whose fault it
 * was and, when a colleague's conduct caused it, who. Required before resolving (analytics rest on
 * it). Changing the fault after a supervisor confirmed it withdraws the confirmation, because the
 * confirmation was about the old attribution.
 */
export async function setRootCause(db: Db, actor: Actor, input: RootCauseInput | FormInput): Promise<RootCauseResult> {
  const data = parseInput(rootCauseInputSchema, input);
  if (data.responsibleStaffId && data.faultAttribution !== "service") {
    throw new CaseRuleError("Please correct the highlighted fields.", {
      responsibleStaffId: "Name a staff member only when the fault is the service's.",
    });
  }
  let confirmationCleared = false;
  const complaint = await updateCase(db, { complaintId: data.complaintId, actor, expectedVersion: data.expectedVersion }, async (tx, current) => {
    refuseIfClosed(current, "change its root cause");
    const options = await lookUpOptions(tx, data.processId, data.rootCauseId);
    const processName = pickable(options.process, data.processId, current.processId);
    const rootCauseName = pickable(options.cause, data.rootCauseId, current.rootCauseId);
    const fieldErrors: Record<string, string> = {};
    if (!processName) fieldErrors.processId = "Choose a process from the list.";
    if (!rootCauseName) fieldErrors.rootCauseId = "Choose a root cause from the list.";
    let responsibleName: string | null = null;
    if (data.responsibleStaffId) {
      const [staff] = await tx.select({ name: staffUsers.name }).from(staffUsers).where(eq(staffUsers.id, data.responsibleStaffId));
      if (!staff) fieldErrors.responsibleStaffId = "Choose a staff member from the list.";
      responsibleName = staff?.name ?? null;
    }
    if (Object.keys(fieldErrors).length > 0) throw new CaseRuleError("Please correct the highlighted fields.", fieldErrors);

    const responsibleStaffId = data.responsibleStaffId ?? null;
    const unchanged =
      current.processId === data.processId &&
      current.rootCauseId === data.rootCauseId &&
      current.faultAttribution === data.faultAttribution &&
      current.responsibleStaffId === responsibleStaffId;
    if (unchanged) throw new CaseRuleError("These are already the case's process, root cause and fault.");

    confirmationCleared = current.faultConfirmedAt !== null && current.faultAttribution !== data.faultAttribution;
    return {
      patch: {
        processId: data.processId,
        rootCauseId: data.rootCauseId,
        faultAttribution: data.faultAttribution,
        responsibleStaffId,
        ...(confirmationCleared ? { faultConfirmedAt: null, faultConfirmedById: null } : {}),
      },
      events: [
        {
          type: "root_cause_set",
          visibility: "internal",
          data: {
            rootCauseId: data.rootCauseId,
            rootCause: rootCauseName,
            processId: data.processId,
            process: processName,
            faultAttribution: data.faultAttribution,
            responsibleStaffId,
            responsibleStaffName: responsibleName,
            ...(confirmationCleared ? { faultConfirmationCleared: true } : {}),
          },
          minutesSpent: data.minutesSpent,
        },
      ],
    };
  });
  return { complaint, confirmationCleared };
}
