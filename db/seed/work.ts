import { fill, longDate, type CaseDetails } from "./catalogue";
import type { SeedCustomer } from "./people";
import { CALL_NOTES, DEBRIEFS, ESCALATION_REASONS, GOODWILL, RESTATED_ISSUES } from "./replies";
import { DAY, type CaseStory, type Severity, type StaffKey, type StoryContext } from "./story";
import type { Fault, ProcessKey, RootCauseKey } from "./taxonomy";
import type { Channel, Judgement } from "./victor";

/** Everything decided about a case before its story is told (see plan.ts). */
export type CasePlan = {
  kind: "general" | "surge" | "victor" | "fresh";
  customer: SeedCustomer;
  process: ProcessKey | null;
  rootCause: RootCauseKey;
  receivedAt: Date;
  channel: Channel;
  details: CaseDetails;
  description: string;
  desiredOutcome: string | null;
  occurredOn: string | null;
  orderReference: string | null;
  /** How staff restate it; the root cause's template when not given. */
  issues?: string[];
  severity: Severity;
  judgement: Judgement;
  fault: Fault;
  assignee: StaffKey;
  responsible: StaffKey | null;
  calls: number;
  callMinutes: readonly [number, number];
  lateFirstResponse: boolean;
  askForInfo: boolean;
  customerMessage: boolean;
  escalate: boolean;
  disagree: boolean;
  goodwill: boolean;
  stall: boolean;
  reopen: boolean;
  debrief: "hard" | "normal" | null;
  /** Nobody has picked it up yet. */
  untouched: boolean;
};

export type LifecycleContext = StoryContext & {
  processIds: Record<ProcessKey, string>;
  rootCauseIds: Record<RootCauseKey, string>;
  severityHours: Record<Severity, number>;
  followUpDelayDays: number;
};

/** The case as it is being worked: who holds it now, and the plan. */
export type Work = {
  story: CaseStory;
  plan: CasePlan;
  ctx: LifecycleContext;
  /** Who holds the case now: the assignee, or the supervisor after an escalation. */
  handler: StaffKey;
  escalated: boolean;
  debriefed: boolean;
  callsMade: number;
};

export function text(work: Work, template: string, extra: Record<string, string> = {}): string {
  return fill(template, { ...work.plan.details, agent: work.ctx.staffNames[work.story.who(work.handler)].split(" ")[0]!, ...extra });
}

export function dueIn(work: Work, days: number): string {
  return longDate(new Date(work.story.t + days * DAY));
}

/** A call, then the written summary that follows every call ("further to our conversation…"). */
export function callAndSummarise(work: Work, direction: "inbound" | "outbound"): boolean {
  const { story, plan, handler } = work;
  const minutes = story.random.int(plan.callMinutes[0], plan.callMinutes[1]);
  if (!story.call(handler, direction, minutes, story.random.pick(CALL_NOTES))) return false;
  const issues = restatedIssues(work).map((issue) => `- ${issue}`).join("\n");
  const next = `come back to you by ${dueIn(work, 2)}. If I have misunderstood anything, please reply to this message and let me know.`;
  const body =
    work.callsMade === 0
      ? `Further to our conversation today, here is a summary of what we discussed.\n\nYou told me that:\n${issues}\n\nI said I would look into this and ${next}`
      : `Further to our conversation today, to confirm what we discussed: we went through your case again, where it stands and what we can and cannot offer. I said I would ${next}`;
  work.callsMade++;
  if (!story.message(handler, body, story.random.int(6, 14))) return false;
  // One debrief per case, after the first call that was hard going.
  if (plan.debrief && !work.debriefed) {
    story.debrief(story.who(handler), story.random.pick(DEBRIEFS[plan.debrief]), plan.debrief === "hard");
    work.debriefed = true;
  }
  return true;
}

export function restatedIssues(work: Work): string[] {
  return work.plan.issues ?? RESTATED_ISSUES[work.plan.rootCause].map((issue) => text(work, issue));
}

function escalationReasons(work: Work): readonly string[] {
  const { plan } = work;
  if (plan.kind === "victor") return ESCALATION_REASONS.repeat;
  if (plan.disagree) return ESCALATION_REASONS.disagreed;
  if (["courierMissed", "installerNoShow", "installerUnqualified"].includes(plan.rootCause)) return ESCALATION_REASONS.visit;
  return ESCALATION_REASONS.other;
}

/** Hands the case to a supervisor (or the owner), who then confirms where the fault lies. */
export function escalate(work: Work): boolean {
  const { story, ctx } = work;
  const reason = story.random.pick(escalationReasons(work));
  if (!story.record("escalated", "internal", work.handler, { body: reason, data: { reason }, minutes: 5 })) return false;
  story.complaint.escalatedAt = new Date(story.t);
  story.complaint.escalationReason = reason;
  work.escalated = true;
  const lead: StaffKey = story.random.chance(0.8) ? "supervisor" : "owner";
  const data = { assigneeId: story.staffId(lead), assigneeName: ctx.staffNames[lead] };
  if (!story.record("assigned", "internal", lead, { data, minutes: 1 })) return false;
  story.complaint.assigneeId = data.assigneeId;
  work.handler = lead;
  if (!story.wait(0.5, 8)) return false;
  return confirmFault(work, lead);
}

export function confirmFault(work: Work, by: StaffKey): boolean {
  const { story, plan } = work;
  if (!story.record("fault_confirmed", "internal", by, { data: { faultAttribution: plan.fault }, minutes: story.random.int(5, 15) })) return false;
  story.complaint.faultConfirmedById = story.staffId(by);
  story.complaint.faultConfirmedAt = new Date(story.t);
  return true;
}

export function goodwill(work: Work): boolean {
  const { story } = work;
  const extra = story.random.pick(GOODWILL);
  const data = { description: extra.text, costCents: extra.cents };
  if (!story.record("goodwill_added", "customer", work.handler, { body: extra.text, data, minutes: 2 })) return false;
  story.complaint.goodwillDescription = extra.text;
  story.complaint.goodwillCostCents = extra.cents;
  return true;
}
