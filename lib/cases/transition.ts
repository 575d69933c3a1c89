import "server-only";
import { and, eq, isNotNull } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { followUps, type Complaint } from "@/db/schema";
import { CaseRuleError } from "./errors";
import { checkTransition, type CaseStatus } from "./state-machine";
import type { CaseChange } from "./update-case";

/** Whether someone has recorded a follow-up with the customer on this case. */
export async function hasDoneFollowUp(tx: Tx, complaintId: string): Promise<boolean> {
  const [done] = await tx
    .select({ id: followUps.id })
    .from(followUps)
    .where(and(eq(followUps.complaintId, complaintId), isNotNull(followUps.completedAt)))
    .limit(1);
  return Boolean(done);
}

/**
 * The change that moves a case to `to`, checked against the state machine and its guards.
 * Stamps the resolved/closed times and counts reopenings; throws CaseRuleError when refused.
 * Actions that also change facts (e.g. resolve with a root cause) pass those in `facts`.
 */
export async function statusChange(
  tx: Tx,
  current: Complaint,
  to: CaseStatus,
  options: { facts?: Partial<Complaint>; note?: string; minutesSpent?: number } = {},
): Promise<Required<CaseChange>> {
  const merged = { ...current, ...options.facts };
  const check = checkTransition(current.status, to, { ...merged, followUpCompleted: await hasDoneFollowUp(tx, current.id) });
  if (!check.ok) throw new CaseRuleError(check.message);

  const now = new Date();
  const patch: NonNullable<CaseChange["patch"]> = { status: to };
  if (to === "resolved") patch.resolvedAt = now;
  if (to === "closed") patch.closedAt = now;
  if (check.reopen) {
    patch.reopenedCount = current.reopenedCount + 1;
    patch.closedAt = null;
    patch.resolvedAt = null;
  }
  return {
    patch,
    events: [
      {
        type: check.reopen ? "reopened" : "status_changed",
        visibility: "customer",
        body: options.note ?? null,
        data: { from: current.status, to },
        minutesSpent: options.minutesSpent ?? 0,
      },
    ],
  };
}
