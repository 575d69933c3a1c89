import { CASE_STATUSES, type CUSTOMER_AGREEMENTS, type FAULT_ATTRIBUTIONS, type RESOLUTION_TYPES } from "@/db/schema/enums";
import { STATUS_LABELS } from "@/lib/labels";

export type CaseStatus = (typeof CASE_STATUSES)[number];
export { CASE_STATUSES };
/** Re-exported for app/(staff)/cases/[reference]/_actions/decisions.ts; the table lives in lib/labels.ts. */

/**
 * Every move a case may make. Anything not listed is refused. Going back to "investigating" from
 * resolved, follow_up_due or closed is a reopen (see isReopen); from awaiting_customer it means the
 * customer did not agree with the proposal. Once the customer agrees (resolution_proposed or
 * awaiting_customer), the case is resolved, or "carrying out the plan" while promises are open.
 */
const TRANSITIONS: Record<CaseStatus, readonly CaseStatus[]> = {
  new: ["acknowledged", "investigating"],
  acknowledged: ["investigating"],
  investigating: ["resolution_proposed", "resolved"],
  resolution_proposed: ["awaiting_customer", "carrying_out", "resolved", "investigating"],
  awaiting_customer: ["carrying_out", "resolved", "investigating"],
  carrying_out: ["resolved", "investigating"],
  resolved: ["follow_up_due", "closed", "investigating"],
  follow_up_due: ["closed", "investigating"],
  closed: ["investigating"],
};

/** In these statuses no plan has been put to the customer yet: a plan recorded now may stay a draft. */
export const BEFORE_PROPOSAL: ReadonlySet<CaseStatus> = new Set(["new", "acknowledged", "investigating"]);

const REOPENABLE: ReadonlySet<CaseStatus> = new Set(["resolved", "follow_up_due", "closed"]);

/** Button text for a move, named after what the person is doing. */
export function transitionLabel(from: CaseStatus, to: CaseStatus): string {
  if (isReopen(from, to)) return "Reopen";
  if (from === "awaiting_customer" && to === "investigating") return "Customer disagreed";
  if ((from === "resolution_proposed" || from === "carrying_out") && to === "investigating") return "Back to investigating";
  const byTarget: Record<CaseStatus, string> = {
    new: "Mark as new",
    acknowledged: "Acknowledge",
    investigating: "Start investigating",
    resolution_proposed: "Propose resolution",
    awaiting_customer: "Ask customer to agree",
    carrying_out: "Carry out the plan",
    resolved: "Mark resolved",
    follow_up_due: "Follow-up due",
    closed: "Close",
  };
  return byTarget[to];
}

export function canTransition(from: CaseStatus, to: CaseStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export function allowedTransitions(from: CaseStatus): readonly CaseStatus[] {
  return TRANSITIONS[from];
}

/**
 * The shortest way forward from one status to another through the allowed moves (each one still
 * checked by checkTransition), excluding `from`; empty when `to` cannot be reached. Used when one
 * action implies steps (proposing a plan on a new case walks it to investigating first).
 */
export function pathTo(from: CaseStatus, to: CaseStatus): CaseStatus[] {
  const previous = new Map<CaseStatus, CaseStatus>();
  const queue: CaseStatus[] = [from];
  while (queue.length > 0) {
    const at = queue.shift()!;
    if (at === to) break;
    for (const next of TRANSITIONS[at]) {
      if (next === from || previous.has(next)) continue;
      previous.set(next, at);
      queue.push(next);
    }
  }
  if (!previous.has(to)) return [];
  const path: CaseStatus[] = [];
  for (let at: CaseStatus | undefined = to; at && at !== from; at = previous.get(at)) path.unshift(at);
  return path;
}

/** Reopening: a case that was resolved (or later) goes back to investigating. */
export function isReopen(from: CaseStatus, to: CaseStatus): boolean {
  return REOPENABLE.has(from) && to === "investigating";
}

/** While the business waits for the customer's answer the resolution clock is paused. */
export function isWaitingOnCustomer(status: CaseStatus): boolean {
  return status === "awaiting_customer";
}

/** Open = not yet resolved: the business still owes the customer a resolution. */
export function isOpen(status: CaseStatus): boolean {
  return status !== "resolved" && status !== "follow_up_due" && status !== "closed";
}

/** The facts about a case the guards need; a subset of the complaint row plus its follow-up. */
export interface TransitionFacts {
  rootCauseId: string | null;
  processId: string | null;
  faultAttribution: (typeof FAULT_ATTRIBUTIONS)[number] | null;
  resolutionType: (typeof RESOLUTION_TYPES)[number] | null;
  resolutionDescription: string | null;
  customerAgreement: (typeof CUSTOMER_AGREEMENTS)[number] | null;
  /** True when a follow-up with the customer has been recorded as done. */
  followUpCompleted: boolean;
}

type TransitionCheck =
  | { ok: true; reopen: boolean }
  | { ok: false; reason: "same_status" | "not_allowed" | "missing_facts"; message: string; missing: string[] };

/**
 * Whether a case may move from one status to another, and if not, why in words staff can act on.
 *
 * Guards:
 * - resolving needs the root cause, the process and the fault attribution (analytics depend on
 *   every resolved case carrying them);
 * - proposing a resolution needs the plan (type and description) recorded first;
 * - closing needs either a recorded follow-up or the customer's agreement. Either one shows the
 *   customer was asked whether the fix worked; a follow-up counts even when the customer did not
 *   answer, so a silent customer cannot keep a case open forever.
 */
export function checkTransition(from: CaseStatus, to: CaseStatus, facts: TransitionFacts): TransitionCheck {
  if (from === to) {
    return { ok: false, reason: "same_status", message: `The case is already ${STATUS_LABELS[to].toLowerCase()}.`, missing: [] };
  }
  if (!canTransition(from, to)) {
    return {
      ok: false,
      reason: "not_allowed",
      message: `A case that is ${STATUS_LABELS[from].toLowerCase()} cannot be moved to ${STATUS_LABELS[to].toLowerCase()}. ${allowedHint(from)}`,
      missing: [],
    };
  }

  const missing = missingFacts(to, facts);
  if (missing.length > 0) {
    return { ok: false, reason: "missing_facts", message: guardMessage(to, missing), missing };
  }
  return { ok: true, reopen: isReopen(from, to) };
}

/** Null when the move is allowed, otherwise the message to show. */
export function transitionError(from: CaseStatus, to: CaseStatus, facts: TransitionFacts): string | null {
  const result = checkTransition(from, to, facts);
  return result.ok ? null : result.message;
}

function missingFacts(to: CaseStatus, facts: TransitionFacts): string[] {
  const missing: string[] = [];
  if (to === "resolved") {
    if (!facts.rootCauseId) missing.push("root cause");
    if (!facts.processId) missing.push("process");
    if (!facts.faultAttribution) missing.push("fault attribution");
  }
  if (to === "resolution_proposed") {
    if (!facts.resolutionType) missing.push("resolution type");
    if (!facts.resolutionDescription?.trim()) missing.push("resolution description");
  }
  if (to === "carrying_out" && facts.customerAgreement !== "agreed") missing.push("customer agreement");
  if (to === "closed" && !facts.followUpCompleted && facts.customerAgreement !== "agreed") {
    missing.push("follow-up or customer agreement");
  }
  return missing;
}

function guardMessage(to: CaseStatus, missing: string[]): string {
  if (to === "resolved") return `Set the ${joinWords(missing)} before resolving.`;
  if (to === "resolution_proposed") return `Record the ${joinWords(missing)} before proposing the resolution.`;
  if (to === "carrying_out") return "Record the customer's agreement with the plan before carrying it out.";
  return "Record the follow-up with the customer, or their agreement with the resolution, before closing.";
}

function allowedHint(from: CaseStatus): string {
  const next = TRANSITIONS[from].map((s) => STATUS_LABELS[s].toLowerCase());
  return `From here it can go to ${joinWords(next, "or")}.`;
}

/** "a", "a and b", "a, b and c" */
function joinWords(words: readonly string[], conjunction = "and"): string {
  if (words.length <= 1) return words[0] ?? "";
  return `${words.slice(0, -1).join(", ")} ${conjunction} ${words[words.length - 1]}`;
}
