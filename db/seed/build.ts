import { randomUUID } from "node:crypto";
import { generateReference, generateTrackingToken, hashTrackingToken } from "@/lib/complaints/reference";
import { DEMO_ACCOUNTS } from "./accounts";
import { simulateCase } from "./lifecycle";
import { customerRow, makeCustomers, VICTOR } from "./people";
import { planCases } from "./plan";
import { createRandom } from "./random";
import { DAY, type ComplaintRow, type DebriefRow, type EventRow, type FollowUpRow, type PromiseRow, type Severity, type StaffKey } from "./story";
import type { ProcessKey, RootCauseKey } from "./taxonomy";
import type { LifecycleContext } from "./work";

const CUSTOMER_COUNT = 230;

export type BuildInput = {
  seed: number;
  now: Date;
  staffIds: Record<StaffKey, string>;
  processIds: Record<ProcessKey, string>;
  rootCauseIds: Record<RootCauseKey, string>;
  severityHours: Record<Severity, number>;
  followUpDelayDays: number;
};

/**
 * Builds every demo row in memory, without touching the database. Same seed and same `now`,
 * same data (apart from ids, references and tracking tokens, which are random by design).
 */
export function buildDemoData(input: BuildInput) {
  const random = createRandom(input.seed);
  const now = input.now.getTime();
  const staffNames = Object.fromEntries(DEMO_ACCOUNTS.map((a) => [a.key, a.name])) as Record<StaffKey, string>;
  const ctx: LifecycleContext = {
    ...input,
    random,
    now,
    staffNames,
    formerLeftAt: now - 95 * DAY,
    newId: randomUUID,
  };

  const victor = { id: randomUUID(), ...VICTOR };
  const customers = makeCustomers(random, CUSTOMER_COUNT, randomUUID);
  const plans = planCases(random, input.now, customers, victor);

  const references = new Set<string>();
  const complaints: ComplaintRow[] = [];
  const events: EventRow[] = [];
  const promises: PromiseRow[] = [];
  const followUps: FollowUpRow[] = [];
  const debriefs: DebriefRow[] = [];
  const firstSeen = new Map<string, Date>();
  for (const plan of plans) {
    let reference = generateReference();
    while (references.has(reference)) reference = generateReference();
    references.add(reference);
    const story = simulateCase(plan, ctx, { reference, trackingTokenHash: hashTrackingToken(generateTrackingToken()) });
    complaints.push(story.complaint);
    events.push(...story.events);
    promises.push(...story.promises);
    followUps.push(...story.followUps);
    debriefs.push(...story.debriefs);
    if (!firstSeen.has(plan.customer.id)) firstSeen.set(plan.customer.id, plan.receivedAt);
  }
  // Ids follow time, as they would have in a live system.
  events.sort((a, b) => a.createdAt!.getTime() - b.createdAt!.getTime());

  return {
    customers: [victor, ...customers].filter((c) => firstSeen.has(c.id)).map((c) => customerRow(c, firstSeen.get(c.id)!)),
    complaints,
    events,
    promises,
    followUps,
    debriefs,
  };
}
