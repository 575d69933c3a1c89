import type { CASE_STATUSES } from "@/db/schema/enums";

/**
 * What the tracking page asks the customer, worked out from the case's customer-visible events:
 * confirm our summary of their complaint, agree with a proposed resolution, rate how it went.
 * Pure, so the page and the server-side checks (which run it again under a row lock) agree.
 */

type CaseStatus = (typeof CASE_STATUSES)[number];

export type AskEvent = { id: number; type: string; data: Record<string, unknown> | null; createdAt: Date };

export type RestatementAsk = {
  eventId: number;
  issues: string[];
  /** The customer's answer to this summary, if they gave one. */
  answer: "confirmed" | "corrected" | null;
};

export type ProposalAsk = { open: boolean; answer: "agreed" | "disagreed" | null };

export type RatingAsk = { open: boolean };

export type CustomerAsks = { restatement: RestatementAsk | null; proposal: ProposalAsk | null; rating: RatingAsk };

export const AGREEMENT_STATUSES: readonly CaseStatus[] = ["resolution_proposed", "awaiting_customer"];
export const RATING_STATUSES: readonly CaseStatus[] = ["resolved", "follow_up_due", "closed"];

/** The issues staff restated, from the event's data (`{ issues: string[] }`); anything else is ignored. */
export function restatedIssues(data: Record<string, unknown> | null): string[] {
  const issues = data?.issues;
  return Array.isArray(issues) ? issues.filter((i): i is string => typeof i === "string" && i.trim() !== "") : [];
}

function latest(events: readonly AskEvent[], match: (e: AskEvent) => boolean): AskEvent | null {
  let found: AskEvent | null = null;
  for (const e of events) if (match(e) && (!found || later(e, found))) found = e;
  return found;
}

function later(a: AskEvent, b: AskEvent): boolean {
  return a.createdAt.getTime() > b.createdAt.getTime() || (a.createdAt.getTime() === b.createdAt.getTime() && a.id > b.id);
}

export function customerAsks(
  events: readonly AskEvent[],
  c: { status: CaseStatus; resolutionDescription: string | null; satisfaction: number | null },
): CustomerAsks {
  const restated = latest(events, (e) => e.type === "restated" && restatedIssues(e.data).length > 0);
  let restatement: RestatementAsk | null = null;
  if (restated) {
    const reply = latest(
      events,
      (e) => (e.type === "restatement_confirmed" || e.type === "restatement_corrected") && later(e, restated),
    );
    restatement = {
      eventId: restated.id,
      issues: restatedIssues(restated.data),
      answer: reply ? (reply.type === "restatement_confirmed" ? "confirmed" : "corrected") : null,
    };
  }

  let proposal: ProposalAsk | null = null;
  // While the agreed plan is carried out the proposal stays in sight, answered.
  if ((AGREEMENT_STATUSES.includes(c.status) || c.status === "carrying_out") && c.resolutionDescription?.trim()) {
    // The question opens with the latest proposal (or, failing an event for it, the status change).
    const proposed =
      latest(events, (e) => e.type === "resolution_proposed") ??
      latest(events, (e) => e.type === "status_changed" && AGREEMENT_STATUSES.includes(e.data?.to as CaseStatus));
    const reply = latest(events, (e) => (e.type === "customer_agreed" || e.type === "customer_disagreed") && (!proposed || later(e, proposed)));
    const answer = reply ? (reply.type === "customer_agreed" ? "agreed" : "disagreed") : null;
    proposal = { open: answer === null && AGREEMENT_STATUSES.includes(c.status), answer };
  }

  return { restatement, proposal, rating: { open: RATING_STATUSES.includes(c.status) && c.satisfaction === null } };
}
