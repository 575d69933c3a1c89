import "server-only";
import { z } from "zod";
import type { Db } from "@/db/client";
import { SEVERITIES, type Complaint } from "@/db/schema";
import { getBusinessSettings, getSeverityTargets } from "@/lib/settings/business";
import { CaseRuleError } from "../errors";
import { firstResponseDueAt, type ResponseTargets } from "../targets";
import { updateCase, type Actor } from "../update-case";
import { caseRef, minutesSpent, parseInput, refuseIfClosed, type FormInput } from "./input";

const SEVERITY_WORDS: Record<(typeof SEVERITIES)[number], string> = { low: "low", medium: "medium", high: "high", critical: "critical" };

export const assessInputSchema = z.object({
  ...caseRef,
  severity: z.enum(SEVERITIES, { error: "Choose a severity." }),
  minutesSpent: minutesSpent(3),
});
export type AssessInput = z.input<typeof assessInputSchema>;

/** The owner's response targets, as the deadline rules in lib/cases/targets.ts need them. */
export async function loadResponseTargets(db: Db): Promise<ResponseTargets> {
  const [settings, bySeverity] = await Promise.all([getBusinessSettings(db), getSeverityTargets(db)]);
  return { defaultFirstResponseHours: settings.firstResponseHours, bySeverity };
}

/**
 * The initial assessment (ISO 10002): how serious the complaint is. Sets the severity and moves the
 * first-response deadline to the severity's target, counted from when the complaint was received.
 * Re-assessing later is allowed and leaves its own event, so the history shows every change.
 * Assessing does not acknowledge the case: that is a separate, deliberate status move.
 */
export async function assessSeverity(db: Db, actor: Actor, input: AssessInput | FormInput): Promise<Complaint> {
  const data = parseInput(assessInputSchema, input);
  const targets = await loadResponseTargets(db);
  return updateCase(db, { complaintId: data.complaintId, actor, expectedVersion: data.expectedVersion }, (_tx, current) => {
    refuseIfClosed(current, "change its severity");
    if (current.severity === data.severity) {
      throw new CaseRuleError(`The case is already assessed as ${SEVERITY_WORDS[data.severity]} severity.`, {
        severity: "Choose a different severity, or leave it as it is.",
      });
    }
    return {
      patch: { severity: data.severity, firstResponseDueAt: firstResponseDueAt(current.receivedAt, data.severity, targets) },
      events: [
        {
          type: "assessed",
          visibility: "internal",
          data: { severity: data.severity, previousSeverity: current.severity },
          minutesSpent: data.minutesSpent,
        },
      ],
    };
  });
}
