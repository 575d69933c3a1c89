import type { Complaint } from "@/db/schema";
import { BEFORE_PROPOSAL } from "../state-machine";
import { JUDGEMENT_LABELS, SEVERITY_LABELS } from "@/lib/labels";

/**
 * The handling checklist: which of the good practices have happened on a case. Pure, so it is easy
 * to test; handling.ts loads the facts. Every open item is a hint, never a blocker (the state
 * machine's guards are the only hard rules).
 */

export type HandlingState = "done" | "todo" | "warning" | "not_needed";
export type HandlingItem = { key: string; label: string; state: HandlingState; detail: string };

export type HandlingFacts = {
  complaint: Pick<
    Complaint,
    | "status"
    | "severity"
    | "firstResponseAt"
    | "firstResponseDueAt"
    | "requestJudgement"
    | "resolutionType"
    | "rootCauseId"
    | "processId"
    | "faultAttribution"
    | "faultConfirmedAt"
    | "customerAgreement"
    | "satisfaction"
  >;
  /**
   * Events per type; "call_summary" counts written summaries sent after calls, and
   * "apology_flagged" apologies sent despite the blame check (they do not count as apologising
   * until a supervisor approves one: "apology_approved").
   */
  counts: Partial<Record<string, number>>;
  promises: { kept: number; broken: number; open: number };
  now: Date;
  /** Formats a deadline the way staff read dates (the business's time zone). */
  formatTime: (date: Date) => string;
};

const FAULT = { service: "service", customer: "customer", external: "external", undetermined: "undetermined" } as const;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export function handlingChecklist(facts: HandlingFacts): HandlingItem[] {
  const { complaint: c, counts, promises, now, formatTime } = facts;
  const n = (type: string) => counts[type] ?? 0;
  const items: HandlingItem[] = [];
  const add = (key: string, label: string, state: HandlingState, detail: string) => items.push({ key, label, state, detail });

  add("assessed", "Assessed", c.severity ? "done" : "todo", c.severity ? `${SEVERITY_LABELS[c.severity]} severity` : "Set the severity; it fixes the reply deadline.");

  if (c.firstResponseAt) {
    const late = c.firstResponseDueAt && c.firstResponseAt > c.firstResponseDueAt;
    add("first_response", "First response on time", late ? "warning" : "done", late ? `Late: due ${formatTime(c.firstResponseDueAt!)}` : "On time");
  } else if (c.firstResponseDueAt && now > c.firstResponseDueAt) {
    add("first_response", "First response on time", "warning", `Overdue since ${formatTime(c.firstResponseDueAt)}`);
  } else {
    add("first_response", "First response on time", "todo", c.firstResponseDueAt ? `Reply by ${formatTime(c.firstResponseDueAt)}` : "Acknowledge or reply to the customer.");
  }

  const restateDetail = n("restatement_corrected") > 0 ? "The customer corrected it" : n("restatement_confirmed") > 0 ? "Confirmed by the customer" : "Awaiting the customer's confirmation";
  add("restated", "Restated the complaint", n("restated") > 0 ? "done" : "todo", n("restated") > 0 ? restateDetail : "Say back what you understood and ask questions.");

  if (n("apology") > 0) add("apologised", "Apologised", "done", "Sympathy expressed");
  else if (n("apology_approved") > 0) add("apologised", "Apologised", "done", "A flagged apology, approved by a supervisor");
  else if (n("apology_flagged") > 0) {
    // Sent over the blame check's flags ("sorry you feel that way…"): not yet an apology.
    add(
      "apologised",
      "Apologised",
      "warning",
      "The apology sent was flagged by the blame check. Send one without flagged wording, or ask a supervisor to approve it.",
    );
  } else add("apologised", "Apologised", "todo", "Sympathise with the inconvenience, without admitting fault or blaming anyone.");

  const calls = n("call_logged");
  const summaries = n("call_summary");
  if (calls === 0) add("call_summaries", "Calls summarised in writing", "not_needed", "No calls logged");
  else if (summaries >= calls) add("call_summaries", "Calls summarised in writing", "done", `${plural(calls, "call")}, all summarised`);
  else add("call_summaries", "Calls summarised in writing", "todo", `${plural(calls - summaries, "call")} without a written summary`);

  add("judged", "Request judged", c.requestJudgement ? "done" : "todo", c.requestJudgement ? JUDGEMENT_LABELS[c.requestJudgement] : "Is what they ask for reasonable?");

  if (!c.resolutionType) add("resolution", "Resolution proposed", "todo", "Propose a plan, or ask what would put it right.");
  else if (BEFORE_PROPOSAL.has(c.status)) add("resolution", "Resolution proposed", "todo", "A draft plan is recorded; the customer has not seen it. Propose it.");
  else add("resolution", "Resolution proposed", "done", "Plan proposed to the customer");

  const total = promises.kept + promises.broken + promises.open;
  if (total === 0) add("promises", "Promises kept", "not_needed", "No promises made");
  else if (promises.broken > 0) add("promises", "Promises kept", "warning", `${promises.broken} broken, ${promises.kept} kept, ${promises.open} open`);
  else if (promises.open > 0) add("promises", "Promises kept", "todo", `${promises.kept} kept, ${promises.open} open`);
  else add("promises", "Promises kept", "done", `All ${total} kept`);

  const rootCauseSet = Boolean(c.rootCauseId && c.processId && c.faultAttribution);
  add("root_cause", "Root cause set", rootCauseSet ? "done" : "todo", rootCauseSet ? `Fault: ${FAULT[c.faultAttribution!]}` : "Needed before resolving.");

  if (c.faultConfirmedAt) add("fault_confirmed", "Fault confirmed", "done", "Confirmed by a supervisor");
  else if (!c.faultAttribution) add("fault_confirmed", "Fault confirmed", "todo", "Set the fault attribution first.");
  else if (c.faultAttribution === "service") add("fault_confirmed", "Fault confirmed", "todo", "A supervisor confirms it before anyone admits fault.");
  else add("fault_confirmed", "Fault confirmed", "not_needed", "Only needed before admitting fault");

  add("follow_up", "Followed up", n("follow_up_done") > 0 ? "done" : "todo", n("follow_up_done") > 0 ? "Customer checked in with" : "After the fix, check the customer is happy.");

  if (c.customerAgreement === "agreed") add("agreed", "Customer agreed", "done", "Agreed with the resolution");
  else if (c.customerAgreement === "disagreed") add("agreed", "Customer agreed", "warning", "The customer disagreed");
  else add("agreed", "Customer agreed", "todo", "Get their agreement on what was done.");

  add("rated", "Rated", c.satisfaction ? "done" : "todo", c.satisfaction ? `${c.satisfaction} out of 5` : "Ask how the complaint was handled.");

  return items;
}
