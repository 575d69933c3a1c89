import { type SEVERITIES } from "@/db/schema/enums";
import { type CaseStatus, isOpen, isWaitingOnCustomer } from "./state-machine";

export type Severity = (typeof SEVERITIES)[number];

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/** The owner's response targets (business_settings + severity_targets). */
export interface ResponseTargets {
  /** Hours to the first response while a case has no severity yet. */
  defaultFirstResponseHours: number;
  bySeverity: Partial<Record<Severity, { firstResponseHours: number; resolutionDays: number }>>;
}

/** One row of a case's status history: the case entered `status` at `at`. */
export interface StatusChange {
  status: CaseStatus;
  at: Date;
}

/**
 * When the first response is due. Without a severity (or without a target for it) the business's
 * default applies, so an unassessed case still has a deadline. Wall-clock hours: customers count
 * hours the same way whatever the business's opening times.
 */
export function firstResponseDueAt(receivedAt: Date, severity: Severity | null, targets: ResponseTargets): Date {
  const target = severity ? targets.bySeverity[severity] : undefined;
  const hours = target?.firstResponseHours ?? targets.defaultFirstResponseHours;
  return new Date(receivedAt.getTime() + hours * HOUR_MS);
}

/**
 * The resolution clock runs only while the business owes the customer a resolution: it is paused
 * while waiting on the customer and stopped once the case is resolved (it runs again on reopen).
 */
function clockRuns(status: CaseStatus): boolean {
  return isOpen(status) && !isWaitingOnCustomer(status);
}

/**
 * Milliseconds the resolution clock has run between the first history entry and `now`.
 * History may come in any order; entries after `now` are ignored.
 */
export function businessElapsed(history: readonly StatusChange[], now: Date): number {
  const sorted = sortedUpTo(history, now);
  let elapsed = 0;
  sorted.forEach((change, i) => {
    const end = sorted[i + 1]?.at ?? now;
    if (clockRuns(change.status)) elapsed += end.getTime() - change.at.getTime();
  });
  return elapsed;
}

/** Milliseconds between the first history entry and `now` during which the clock did not run. */
export function pausedDuration(history: readonly StatusChange[], now: Date): number {
  const sorted = sortedUpTo(history, now);
  const first = sorted[0];
  if (!first) return 0;
  return now.getTime() - first.at.getTime() - businessElapsed(sorted, now);
}

/**
 * When the case should be resolved: received + the severity's resolution days + all time the
 * clock was not running so far. Null without a severity or a target for it. A "day" is 24 hours of
 * running clock, since a paused clock makes calendar days meaningless.
 * While the clock is paused the due date moves forward with `now`, which is the point of pausing.
 */
export function resolutionDueAt(
  c: { receivedAt: Date; severity: Severity | null; history: readonly StatusChange[] },
  targets: ResponseTargets,
  now: Date,
): Date | null {
  const target = c.severity ? targets.bySeverity[c.severity] : undefined;
  if (!target) return null;
  const history = c.history.length > 0 ? c.history : [{ status: "new" as const, at: c.receivedAt }];
  return new Date(c.receivedAt.getTime() + target.resolutionDays * DAY_MS + pausedDuration(history, now));
}

function sortedUpTo(history: readonly StatusChange[], now: Date): StatusChange[] {
  return history.filter((h) => h.at.getTime() <= now.getTime()).sort((a, b) => a.at.getTime() - b.at.getTime());
}
