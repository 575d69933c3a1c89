import { callAndSummarise, escalate, goodwill, text, type Work } from "./work";
import { FINAL_POSITION, FOLLOW_UP_OUTCOMES, RESOLUTIONS, SATISFACTION_COMMENTS, type ResolutionType } from "./replies";
import { CUSTOMER_AGREEMENTS, CUSTOMER_DISAGREEMENTS } from "./stories";
import { DAY, HOUR, type PromiseRow } from "./story";

/** The second half of a case: a resolution, the customer's answer, the promise kept, the follow-up. */
export function closeCase(work: Work): boolean {
  const promise = propose(work);
  if (!promise || !respond(work)) return false;
  if (work.plan.stall) return chaseBrokenPromise(work, promise);
  return resolve(work, promise) && (!work.plan.reopen || reopen(work)) && followUp(work);
}

/** The first offer: the full remedy for a fair request, less for a partly fair one, the policy for the rest. */
function resolutionFor(work: Work) {
  const options = RESOLUTIONS[work.plan.rootCause];
  const judgement = work.plan.judgement;
  if (judgement === "unreasonable") return options[options.length - 1]!;
  if (judgement === "partly") return options[Math.min(1, options.length - 1)]!;
  return options[0]!;
}

/** After a disagreement: a fair request gets the full remedy, an unreasonable one the final position. */
function revisedResolution(work: Work): { type: ResolutionType; text: string } {
  if (work.plan.judgement === "unreasonable") return { type: "none", text: FINAL_POSITION };
  const full = RESOLUTIONS[work.plan.rootCause][0]!;
  return { type: full.type, text: `Having looked at your case again, we will ${full.text[0]!.toLowerCase()}${full.text.slice(1)}` };
}

function proposeResolution(work: Work, revised: boolean): boolean {
  const { story, plan } = work;
  const resolution = revised ? revisedResolution(work) : resolutionFor(work);
  const description = text(work, resolution.text);
  const source = !revised && plan.kind !== "victor" && story.random.chance(0.25) ? "customer" : "staff";
  const data = { type: resolution.type, source, description };
  if (!story.record("resolution_proposed", "customer", work.handler, { body: description, data, minutes: story.random.int(8, 20) })) return false;
  Object.assign(story.complaint, { resolutionType: resolution.type, resolutionDescription: description, resolutionSource: source });
  return story.setStatus("resolution_proposed", work.handler);
}

function propose(work: Work): PromiseRow | null {
  const { story, plan } = work;
  if (!story.wait(0.5, 30) || !proposeResolution(work, false)) return null;
  if (plan.goodwill && !goodwill(work)) return null;
  const promiseText = text(work, resolutionFor(work).promise);
  const promise = story.makePromise(work.handler, promiseText, endOfWorkingDay(story.t + story.random.int(1, 5) * DAY));
  return promise && story.setStatus("awaiting_customer", work.handler) ? promise : null;
}

/** Promises are given "by Friday": due at the end of that working day. */
function endOfWorkingDay(t: number): number {
  const day = new Date(t);
  day.setUTCHours(17, 0, 0, 0);
  return day.getTime();
}

/** The promise is never kept: once it is overdue, the customer chases. */
function chaseBrokenPromise(work: Work, promise: PromiseRow): boolean {
  const { story } = work;
  if (!story.waitUntil(promise.dueAt.getTime() + story.random.float(8, 30) * HOUR, "customer")) return false;
  const body = `You said you would "${promise.text.toLowerCase()}" by now and I've heard nothing. What is happening?`;
  story.record("customer_message", "customer", "customer", { body });
  return false;
}

/** The customer's answer to a proposal: given on the tracking page, or told to staff and recorded by them. */
function answer(work: Work, agreed: boolean): boolean {
  const { story } = work;
  const byCustomer = story.random.chance(0.6);
  const body = agreed ? story.random.pick(CUSTOMER_AGREEMENTS) : story.random.pick(CUSTOMER_DISAGREEMENTS);
  const actor = byCustomer ? "customer" : work.handler;
  const type = agreed ? "customer_agreed" : "customer_disagreed";
  if (!story.record(type, "customer", actor, { body: body || undefined, minutes: byCustomer ? 0 : 3 })) return false;
  story.complaint.customerAgreement = agreed ? "agreed" : "disagreed";
  return true;
}

function respond(work: Work): boolean {
  const { story, plan } = work;
  if (!story.wait(2, 60, "customer")) return false;
  if (!plan.disagree) return answer(work, true);
  if (!answer(work, false)) return false;
  if (!story.wait(1, 24) || !story.setStatus("investigating", work.handler)) return false;
  if (plan.escalate && !work.escalated && !escalate(work)) return false;
  if (plan.calls > 0 && !callAndSummarise(work, "outbound")) return false;
  if (!story.wait(2, 48) || !proposeResolution(work, true)) return false;
  if (!story.setStatus("awaiting_customer", work.handler)) return false;
  if (!story.wait(4, 72, "customer")) return false;
  return answer(work, story.random.chance(plan.judgement === "unreasonable" ? 0.35 : 0.75));
}

function resolve(work: Work, promise: PromiseRow): boolean {
  const { story } = work;
  const due = promise.dueAt.getTime();
  const keepAt = story.random.chance(0.12) ? due + story.random.float(1, 3) * DAY : due - story.random.float(0, 1.5) * DAY;
  if (!story.waitUntil(keepAt)) return false;
  if (!story.keepPromise(work.handler, promise, story.random.int(10, 35))) return false;
  if (!story.setStatus("resolved", work.handler)) return false;
  story.complaint.resolvedAt = new Date(story.t);
  return true;
}

/** The fix did not hold: the customer comes back, the case is reopened and worked again. */
function reopen(work: Work): boolean {
  const { story } = work;
  const body = "It's happened again. The same problem came back this week.";
  if (!story.wait(24, 120, "customer") || !story.record("customer_message", "customer", "customer", { body })) return false;
  if (!story.wait(1, 20) || !story.record("reopened", "customer", work.handler, { data: { reason: body }, minutes: 3 })) return false;
  story.complaint.reopenedCount = (story.complaint.reopenedCount ?? 0) + 1;
  story.complaint.resolvedAt = null;
  if (!story.setStatus("investigating", work.handler)) return false;
  if (!story.wait(1, 24)) return false;
  const promiseText = text(work, "Send an engineer back to look at the {product} again");
  const promise = story.makePromise(work.handler, promiseText, endOfWorkingDay(story.t + story.random.int(2, 4) * DAY));
  return promise !== null && resolve(work, promise);
}

function followUp(work: Work): boolean {
  const { story, ctx } = work;
  const followUp = story.scheduleFollowUp(work.handler, story.t + ctx.followUpDelayDays * DAY);
  if (!followUp || !story.waitUntil(followUp.dueAt.getTime(), "exact")) return false;
  if (!story.setStatus("follow_up_due", "system")) return false;
  if (!story.wait(0, 30)) return false;
  const happy = story.complaint.customerAgreement !== "disagreed" && work.plan.kind !== "victor";
  const outcome = story.random.pick(happy ? FOLLOW_UP_OUTCOMES.happy : FOLLOW_UP_OUTCOMES.unhappy);
  if (!story.completeFollowUp(work.handler, followUp, outcome, story.random.int(5, 12))) return false;
  if (story.random.chance(0.75)) {
    const rating = satisfaction(work, happy);
    const comment = story.random.pick(SATISFACTION_COMMENTS[rating]);
    const byCustomer = story.random.chance(0.5);
    const data = { rating, comment: comment || null };
    if (!story.record("satisfaction_rated", "customer", byCustomer ? "customer" : work.handler, { body: comment || undefined, data })) return false;
    story.complaint.satisfaction = rating;
    story.complaint.satisfactionComment = comment || null;
  }
  if (!story.setStatus("closed", work.handler)) return false;
  story.complaint.closedAt = new Date(story.t);
  return true;
}

function satisfaction(work: Work, happy: boolean): 1 | 2 | 3 | 4 | 5 {
  const { random } = work.story;
  if (!happy) return random.weighted([[1, 50], [2, 35], [3, 15]] as const);
  const slow = work.story.complaint.reopenedCount || work.plan.lateFirstResponse || work.plan.disagree;
  return random.weighted(slow ? ([[2, 15], [3, 35], [4, 35], [5, 15]] as const) : ([[3, 12], [4, 38], [5, 45], [2, 5]] as const));
}
