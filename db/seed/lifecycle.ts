import { closeCase } from "./closing";
import { ACKNOWLEDGEMENTS, APOLOGIES, INFO_REQUESTS, INVESTIGATION_NOTES, JUDGEMENT_REASONS } from "./replies";
import { CUSTOMER_MESSAGES } from "./stories";
import { CaseStory, HOUR, type ComplaintRow, type StaffKey } from "./story";
import { DEMO_PROCESSES, DEMO_ROOT_CAUSES, type RootCauseKey } from "./taxonomy";
import { callAndSummarise, confirmFault, dueIn, escalate, restatedIssues, text, type CasePlan, type LifecycleContext, type Work } from "./work";

export function simulateCase(plan: CasePlan, ctx: LifecycleContext, identity: { reference: string; trackingTokenHash: string }) {
  const receivedAt = plan.receivedAt;
  const complaint: ComplaintRow = {
    id: ctx.newId(),
    ...identity,
    customerId: plan.customer.id,
    processId: plan.process ? ctx.processIds[plan.process] : null,
    channel: plan.channel,
    orderReference: plan.orderReference,
    occurredOn: plan.occurredOn,
    description: plan.description,
    desiredOutcome: plan.desiredOutcome,
    status: "new",
    receivedAt,
    firstResponseDueAt: new Date(receivedAt.getTime() + 24 * HOUR),
    lastActivityAt: receivedAt,
    createdAt: receivedAt,
    updatedAt: receivedAt,
    minutesSpent: 0,
    reopenedCount: 0,
    version: 1,
  };
  const story = new CaseStory(ctx, complaint);
  story.record("filed", "customer", "customer", { body: plan.description, data: { channel: plan.channel } });
  if (!plan.untouched) {
    const work: Work = { story, plan, ctx, handler: plan.assignee, escalated: false, debriefed: false, callsMade: 0 };
    // Each stage returns false when "now" arrives before it is done: the case is still open there.
    void (triage(work) && converse(work) && investigate(work) && closeCase(work));
  }
  return story;
}

function triage(work: Work): boolean {
  const { story, plan, ctx } = work;
  const target = ctx.severityHours[plan.severity];
  const gap = plan.lateFirstResponse ? target * story.random.float(1.15, 2.5) : target * story.random.float(0.05, 0.5);
  if (!story.wait(gap, gap, "desk")) return false;
  const triager: StaffKey = story.random.chance(0.55) ? plan.assignee : "supervisor";
  if (!story.record("assessed", "internal", triager, { data: { severity: plan.severity }, minutes: story.random.int(2, 6) })) return false;
  story.complaint.severity = plan.severity;
  story.complaint.firstResponseDueAt = new Date(plan.receivedAt.getTime() + target * HOUR);
  const assigneeId = story.staffId(plan.assignee);
  const assigneeName = ctx.staffNames[story.who(plan.assignee)];
  if (!story.record("assigned", "internal", triager, { data: { assigneeId, assigneeName }, minutes: 1 })) return false;
  story.complaint.assigneeId = assigneeId;
  if (!story.setStatus("acknowledged", plan.assignee)) return false;
  if (plan.calls > 0) return callAndSummarise(work, plan.customer.preferredContact === "phone" ? "inbound" : "outbound");
  return story.message(plan.assignee, text(work, story.random.pick(ACKNOWLEDGEMENTS), { due: dueIn(work, 2) }), story.random.int(4, 8));
}

/** Causes that leave the customer without a working appliance. */
const WITHOUT_APPLIANCE: readonly RootCauseKey[] = ["courierMissed", "damagedInTransit", "installerUnqualified", "installerNoShow", "productDefect", "weather"];

function converse(work: Work): boolean {
  const { story, plan, handler } = work;
  if (!story.wait(1, 26)) return false;
  if (!story.setStatus("investigating", handler)) return false;
  const issues = restatedIssues(work);
  if (!story.record("restated", "customer", handler, { body: "If I understand correctly:", data: { issues }, minutes: story.random.int(3, 6) })) return false;
  const apologies = WITHOUT_APPLIANCE.includes(plan.rootCause) ? [...APOLOGIES.any, ...APOLOGIES.withoutAppliance] : APOLOGIES.any;
  if (!story.record("apology", "customer", handler, { body: text(work, story.random.pick(apologies)), minutes: 2 })) return false;
  if (story.random.chance(0.4)) {
    if (!story.wait(1, 20, "customer") || !story.record("restatement_confirmed", "customer", "customer")) return false;
  }
  if (plan.askForInfo) {
    const request = INFO_REQUESTS[plan.rootCause === "doubleCharge" ? "statement" : WITHOUT_APPLIANCE.includes(plan.rootCause) ? "photos" : "availability"];
    if (!story.message(handler, request.ask, story.random.int(3, 6))) return false;
    if (!story.wait(3, 60, "customer")) return false;
    if (!story.record("customer_message", "customer", "customer", { body: request.reply })) return false;
  }
  if (plan.customerMessage) {
    const body = story.random.pick(CUSTOMER_MESSAGES);
    if (!story.wait(2, 30, "customer") || !story.record("customer_message", "customer", "customer", { body })) return false;
  }
  return true;
}

function investigate(work: Work): boolean {
  const { story, plan } = work;
  if (!story.wait(3, 70)) return false;
  const note = story.random.pick(INVESTIGATION_NOTES[plan.rootCause]);
  if (!story.record("note", "internal", work.handler, { body: note, minutes: story.random.int(10, 40) })) return false;
  const reason = story.random.pick(JUDGEMENT_REASONS[plan.judgement]);
  const judged = { body: reason, data: { judgement: plan.judgement, reason }, minutes: 3 };
  if (!story.record("request_judged", "internal", work.handler, judged)) return false;
  story.complaint.requestJudgement = plan.judgement;
  story.complaint.requestJudgementReason = reason;
  if (!setRootCause(work)) return false;
  for (let i = 1; i < plan.calls; i++) {
    if (!story.wait(2, 30) || !callAndSummarise(work, story.random.chance(0.5) ? "inbound" : "outbound")) return false;
  }
  if (plan.escalate && !plan.disagree) return escalate(work);
  if (plan.fault === "service" && story.random.chance(0.35)) return confirmFault(work, "supervisor");
  return true;
}

function setRootCause(work: Work): boolean {
  const { story, plan, ctx } = work;
  const process = plan.process ?? "service";
  const responsibleStaffId = plan.responsible ? story.staffId(plan.responsible) : null;
  const data = {
    rootCauseId: ctx.rootCauseIds[plan.rootCause],
    rootCause: DEMO_ROOT_CAUSES[plan.rootCause].name,
    processId: ctx.processIds[process],
    process: DEMO_PROCESSES[process].name,
    faultAttribution: plan.fault,
    responsibleStaffId,
  };
  if (!story.record("root_cause_set", "internal", work.handler, { data, minutes: story.random.int(3, 6) })) return false;
  Object.assign(story.complaint, {
    rootCauseId: data.rootCauseId,
    processId: data.processId,
    faultAttribution: plan.fault,
    responsibleStaffId,
  });
  return true;
}

