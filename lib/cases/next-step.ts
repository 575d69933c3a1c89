import { type FAULT_ATTRIBUTIONS } from "@/db/schema/enums";
import { calendarDaysBetween } from "@/lib/time/zone";
import { describeDue, promiseState } from "./promises";
import { type CaseStatus, isOpen } from "./state-machine";
import { type Severity } from "./targets";

/** What the queue knows about a case: the complaint row plus its open promises and follow-up. */
export interface CaseFacts {
  status: CaseStatus;
  severity: Severity | null;
  assigneeId: string | null;
  receivedAt: Date;
  firstResponseAt: Date | null;
  firstResponseDueAt: Date | null;
  /** Due dates of promises not yet kept. */
  openPromiseDueDates: readonly Date[];
  /** Due date of the follow-up not yet done, if one is scheduled. */
  openFollowUpDueAt: Date | null;
  rootCauseId: string | null;
  processId: string | null;
  faultAttribution: (typeof FAULT_ATTRIBUTIONS)[number] | null;
}

export type StepTone = "danger" | "warning" | "info" | "neutral";

export type StepKind =
  | "promise_overdue"
  | "first_response_overdue"
  | "follow_up_due"
  | "promise_due"
  | "respond"
  | "unassigned"
  | "assess"
  | "acknowledge"
  | "investigate"
  | "set_root_cause"
  | "propose"
  | "send_proposal"
  | "awaiting_customer"
  | "carrying_out"
  | "follow_up_scheduled"
  | "ready_to_close"
  | "none";

export interface NextStep {
  kind: StepKind;
  label: string;
  tone: StepTone;
}

/** Below this much time left, a pending first response is shown as a warning. */
const RESPONSE_WARNING_MS = 4 * 3_600_000;

/**
 * The one thing a queue row should show: the most urgent of what is overdue, due, or missing.
 * Order: broken promises and a late first response first (the customer is already let down),
 * then what falls due today, then ownership and triage, then the status's ordinary next move.
 */
export function nextStep(c: CaseFacts, now: Date, timeZone: string): NextStep {
  const open = isOpen(c.status);
  const promises = [...c.openPromiseDueDates]
    .sort((a, b) => a.getTime() - b.getTime())
    .map((dueAt) => ({ dueAt, keptAt: null }));
  const firstPromise = promises[0];
  const firstPromiseState = firstPromise ? promiseState(firstPromise, now, timeZone) : null;
  const awaitingResponse = open && c.firstResponseAt === null && c.firstResponseDueAt !== null;
  const responseLeftMs = c.firstResponseDueAt ? c.firstResponseDueAt.getTime() - now.getTime() : 0;

  if (firstPromise && firstPromiseState === "broken") {
    return { kind: "promise_overdue", label: `Promise overdue (${overdueBy(firstPromise.dueAt, now, timeZone)})`, tone: "danger" };
  }
  if (awaitingResponse && responseLeftMs < 0) {
    return { kind: "first_response_overdue", label: "First response overdue", tone: "danger" };
  }
  const followUp = followUpStep(c, now, timeZone);
  if (followUp) return followUp;
  if (firstPromise && firstPromiseState === "due_today") {
    return { kind: "promise_due", label: "Promise due today", tone: "warning" };
  }
  if (awaitingResponse && responseLeftMs < RESPONSE_WARNING_MS) {
    return { kind: "respond", label: `Respond within ${formatLeft(responseLeftMs)}`, tone: "warning" };
  }
  if (!c.assigneeId && c.status !== "resolved" && c.status !== "closed") {
    return { kind: "unassigned", label: "Unassigned", tone: "warning" };
  }
  if (firstPromise && firstPromiseState === "due_soon") {
    return { kind: "promise_due", label: `Promise ${describeDue(firstPromise, now, timeZone)}`, tone: "info" };
  }
  if (open && c.severity === null) return { kind: "assess", label: "Assess severity", tone: "info" };
  if (awaitingResponse) return { kind: "respond", label: `Respond within ${formatLeft(responseLeftMs)}`, tone: "info" };
  return statusStep(c, now, timeZone);
}

/** A follow-up falls due on its local calendar day; status follow_up_due means it is due now. */
function followUpStep(c: CaseFacts, now: Date, timeZone: string): NextStep | null {
  if (c.status !== "resolved" && c.status !== "follow_up_due") return null;
  const due = c.openFollowUpDueAt;
  const daysLeft = due ? calendarDaysBetween(now, due, timeZone) : null;
  if (daysLeft !== null && daysLeft < 0) {
    return { kind: "follow_up_due", label: `Follow-up overdue (${plural(-daysLeft, "day")})`, tone: "warning" };
  }
  if (c.status === "follow_up_due" || daysLeft === 0) {
    return { kind: "follow_up_due", label: "Follow-up due", tone: "warning" };
  }
  return null;
}

function statusStep(c: CaseFacts, now: Date, timeZone: string): NextStep {
  const missing = !c.rootCauseId ? "root cause" : !c.faultAttribution ? "fault attribution" : !c.processId ? "process" : null;
  switch (c.status) {
    case "new":
      return { kind: "acknowledge", label: "Acknowledge", tone: "neutral" };
    case "acknowledged":
      return { kind: "investigate", label: "Start investigating", tone: "neutral" };
    case "investigating":
      if (missing) return { kind: "set_root_cause", label: `Set ${missing} to resolve`, tone: "info" };
      return { kind: "propose", label: "Propose a resolution", tone: "neutral" };
    case "resolution_proposed":
      if (missing) return { kind: "set_root_cause", label: `Set ${missing} to resolve`, tone: "info" };
      return { kind: "send_proposal", label: "Ask customer to agree", tone: "neutral" };
    case "awaiting_customer":
      return { kind: "awaiting_customer", label: "Awaiting customer agreement", tone: "neutral" };
    case "carrying_out":
      // The customer agreed; what is left is keeping the promises (dated ones show above), then resolving.
      if (missing) return { kind: "set_root_cause", label: `Customer agreed: set ${missing} to resolve`, tone: "info" };
      return {
        kind: "carrying_out",
        label: c.openPromiseDueDates.length > 0 ? "Customer agreed: keep the promises" : "Customer agreed: resolve when done",
        tone: "neutral",
      };
    case "resolved":
    case "follow_up_due":
      if (c.openFollowUpDueAt) {
        const when = describeDue({ dueAt: c.openFollowUpDueAt, keptAt: null }, now, timeZone);
        return { kind: "follow_up_scheduled", label: `Follow-up ${when}`, tone: "neutral" };
      }
      return { kind: "ready_to_close", label: "Ready to close", tone: "neutral" };
    case "closed":
      return { kind: "none", label: "Closed", tone: "neutral" };
  }
}

/** "2 days" by local calendar, or hours when it fell due earlier the same day. */
function overdueBy(dueAt: Date, now: Date, timeZone: string): string {
  const days = -calendarDaysBetween(now, dueAt, timeZone);
  if (days > 0) return plural(days, "day");
  const hours = Math.floor((now.getTime() - dueAt.getTime()) / 3_600_000);
  return hours < 1 ? "under 1 h" : `${hours} h`;
}

/** Rounded down, so "within 3 h" never suggests more time than there is. */
function formatLeft(ms: number): string {
  const minutes = Math.max(1, Math.floor(ms / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h`;
  return `${Math.floor(hours / 24)} days`;
}

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? "" : "s"}`;
}
