import { caseDetails, fill } from "./catalogue";
import type { SeedCustomer } from "./people";
import type { Random } from "./random";
import { DESCRIPTIONS, DESIRED_OUTCOMES } from "./stories";
import { DAY, HOUR, MINUTE, type Severity, type StaffKey } from "./story";
import { CAUSES_BY_PROCESS, DEMO_ROOT_CAUSES, SURGE_CAUSES, type Fault, type ProcessKey, type RootCauseKey } from "./taxonomy";
import { VICTOR_CASES, type Channel, type Judgement } from "./victor";
import type { CasePlan } from "./work";

const HISTORY_DAYS = 182;
const GENERAL_COUNT = 310;
const SURGE_DAYS = 70;
const SURGE_COUNT = 80;
const SURGE_CUSTOMERS = 70;
const FRESH_COUNT = 7;
/** No ordinary customer complains more than this often in the demo. */
const MAX_PER_CUSTOMER = 3;

/** Ordinary complaints by process. The four Victor complains about are quiet ones. */
const PROCESS_WEIGHTS: ReadonlyArray<readonly [ProcessKey, number]> = [
  // Billing, customer service, returns and online ordering are healthy: few customers complain
  // about them, which is what lets the analytics single out Victor (who complains about all four).
  ["delivery", 38],
  ["repairs", 36],
  ["installation", 11],
  ["billing", 3],
  ["service", 3],
  ["returns", 2],
  ["online", 2],
];

/** Customers write in at lunchtime and in the evening more than at other times. */
const HOURS = [7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21].map((h) => [h, [7, 21].includes(h) ? 2 : [12, 19, 20].includes(h) ? 8 : 6] as const);

const JUDGEMENTS: Record<Fault, ReadonlyArray<readonly [Judgement, number]>> = {
  service: [["reasonable", 85], ["partly", 13], ["unreasonable", 2]],
  external: [["reasonable", 60], ["partly", 35], ["unreasonable", 5]],
  customer: [["reasonable", 10], ["partly", 42], ["unreasonable", 48]],
  undetermined: [["reasonable", 40], ["partly", 48], ["unreasonable", 12]],
};

/** "Unreasonable expectation" is that cause because the request went too far. */
const UNREASONABLE_CAUSE_JUDGEMENTS = [["unreasonable", 70], ["partly", 30]] as const;

const STAFF_CAUSES: readonly RootCauseKey[] = ["staffRude", "wrongInfo"];

type Planner = { random: Random; now: number; orderNumbers: Set<number>; uses: Map<string, number> };

export function planCases(random: Random, now: Date, customers: SeedCustomer[], victor: SeedCustomer): CasePlan[] {
  const p: Planner = { random, now: now.getTime(), orderNumbers: new Set(), uses: new Map() };
  const pool = random.shuffle(customers);
  const plans: CasePlan[] = [];

  // The failing process: installation complaints from many different customers, rising over ten weeks.
  const surgeCustomers = pool.slice(0, SURGE_CUSTOMERS);
  for (let i = 0; i < SURGE_COUNT; i++) {
    const customer = surgeCustomers[i % SURGE_CUSTOMERS]!;
    const receivedAt = receivedAtDaysAgo(p, sampleAge(random, SURGE_DAYS, 1.5));
    plans.push(ordinaryPlan(p, "surge", takeCustomer(p, customer), "installation", random.weighted(SURGE_CAUSES), receivedAt));
  }

  // Everything else: one complaint from each remaining customer first, then some come back.
  const firstTimers = pool.slice(SURGE_CUSTOMERS);
  for (let i = 0; i < GENERAL_COUNT; i++) {
    const customer = firstTimers[i] ?? pickRepeatCustomer(p, customers);
    const process = random.weighted(PROCESS_WEIGHTS);
    const receivedAt = receivedAtDaysAgo(p, sampleAge(random, HISTORY_DAYS, 0.6));
    plans.push(ordinaryPlan(p, "general", takeCustomer(p, customer), process, random.weighted(CAUSES_BY_PROCESS[process]), receivedAt));
  }

  // Brand new, not yet picked up: the queue a morning shift starts with. Two did not say which process.
  for (let i = 0; i < FRESH_COUNT; i++) {
    const customer = pickRepeatCustomer(p, customers);
    const process = random.weighted(PROCESS_WEIGHTS);
    let t = p.now - random.float(0.3, 34) * HOUR;
    if (new Date(t).getUTCHours() < 7) t -= 8 * HOUR;
    const plan = ordinaryPlan(p, "general", takeCustomer(p, customer), process, random.weighted(CAUSES_BY_PROCESS[process]), new Date(t));
    plans.push({ ...plan, kind: "fresh", untouched: true, process: i < 2 ? null : process });
  }

  for (const [i, c] of VICTOR_CASES.entries()) {
    const base = ordinaryPlan(p, "general", victor, c.process, c.rootCause, receivedAtDaysAgo(p, c.daysAgo));
    const agents: StaffKey[] = ["alex", "priya", "jo", "tom"];
    plans.push({
      ...base,
      kind: "victor",
      channel: c.channel,
      details: { ...base.details, order: c.order, product: `order ${c.order}`, amount: "£1,299.00" },
      description: c.description,
      desiredOutcome: c.desiredOutcome,
      orderReference: c.order,
      issues: [`You are unhappy with how we handled order ${c.order}`, `You are asking for: ${c.desiredOutcome}`],
      severity: c.escalate ? "high" : "medium",
      judgement: c.judgement,
      fault: c.fault,
      assignee: agents[i % agents.length]!,
      responsible: null,
      calls: c.disagree ? 3 : 2,
      callMinutes: [18, 45],
      lateFirstResponse: false,
      askForInfo: false,
      customerMessage: random.chance(0.6),
      escalate: c.escalate ?? false,
      disagree: c.disagree ?? false,
      goodwill: false,
      stall: false,
      reopen: false,
      debrief: c.hardDebrief ? "hard" : null,
    });
  }
  return plans.sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime());
}

function takeCustomer(p: Planner, customer: SeedCustomer): SeedCustomer {
  p.uses.set(customer.id, (p.uses.get(customer.id) ?? 0) + 1);
  return customer;
}

function pickRepeatCustomer(p: Planner, customers: SeedCustomer[]): SeedCustomer {
  for (;;) {
    const customer = p.random.pick(customers);
    if ((p.uses.get(customer.id) ?? 0) < MAX_PER_CUSTOMER) return customer;
  }
}

/** Days ago, with recent days a little more likely (`boost` 0.6: today is 1.6 times as busy as the oldest day). */
function sampleAge(random: Random, days: number, boost: number): number {
  for (;;) {
    const age = random.float(0, days);
    if (random.next() * (1 + boost) < 1 + boost * (1 - age / days)) return Math.floor(age);
  }
}

function receivedAtDaysAgo(p: Planner, daysAgo: number): Date {
  for (let age = daysAgo; ; age++) {
    const day = new Date(p.now - age * DAY);
    day.setUTCHours(p.random.weighted(HOURS), p.random.int(0, 59), p.random.int(0, 59), 0);
    if (day.getTime() < p.now - 15 * MINUTE) return day;
  }
}

function ordinaryPlan(p: Planner, kind: "general" | "surge", customer: SeedCustomer, process: ProcessKey, rootCause: RootCauseKey, receivedAt: Date): CasePlan {
  const { random } = p;
  const ageDays = (p.now - receivedAt.getTime()) / DAY;
  const occurred = new Date(receivedAt.getTime() - random.int(0, 4) * DAY);
  const details = caseDetails(random, occurred, p.orderNumbers);
  const stories = DESCRIPTIONS[rootCause].filter((s) => !s.processes || s.processes.includes(process));
  const description = fill(random.pick(stories.length ? stories : DESCRIPTIONS[rootCause]).text, details);
  const fault = random.chance(kind === "surge" ? 0.95 : 0.85) ? DEMO_ROOT_CAUSES[rootCause].defaultFault : otherFault(random, DEMO_ROOT_CAUSES[rootCause].defaultFault);
  const judgement = random.weighted(rootCause === "unreasonable" ? UNREASONABLE_CAUSE_JUDGEMENTS : JUDGEMENTS[fault]);
  const severity: Severity = random.weighted(
    kind === "surge" ? [["low", 8], ["medium", 45], ["high", 40], ["critical", 7]] : [["low", 25], ["medium", 50], ["high", 20], ["critical", 5]],
  );
  const responsible = STAFF_CAUSES.includes(rootCause) ? pickResponsible(random, ageDays) : null;
  const disagree = random.chance(judgement === "unreasonable" ? 0.6 : judgement === "partly" ? 0.3 : 0.05);
  const escalate = random.chance(0.04 + (severity === "high" || severity === "critical" ? 0.1 : 0) + (disagree ? 0.2 : 0));
  const channel = pickChannel(random, customer);
  const byPhone = customer.preferredContact === "phone" || channel === "phone";
  return {
    kind,
    customer,
    process,
    rootCause,
    receivedAt,
    channel,
    details,
    description,
    desiredOutcome: random.chance(0.88) ? random.pick(DESIRED_OUTCOMES[rootCause]) : null,
    occurredOn: random.chance(0.65) ? occurred.toISOString().slice(0, 10) : null,
    orderReference: description.includes(details.order) || random.chance(0.8) ? details.order : null,
    severity,
    judgement,
    fault,
    assignee: pickAssignee(random, ageDays, responsible),
    responsible,
    calls: byPhone ? random.weighted([[1, 70], [2, 30]] as const) : random.weighted([[0, 35], [1, 50], [2, 15]] as const),
    callMinutes: [5, 25],
    lateFirstResponse: random.chance(0.06),
    askForInfo: random.chance(["damagedInTransit", "productDefect", "doubleCharge"].includes(rootCause) ? 0.5 : 0.06),
    customerMessage: random.chance(0.12),
    escalate,
    disagree,
    goodwill: random.chance(fault === "service" ? 0.3 : fault === "external" ? 0.1 : 0.02),
    stall: ageDays <= 25 && random.chance(0.12),
    reopen: ["productDefect", "installerUnqualified", "damagedInTransit"].includes(rootCause) && random.chance(0.08),
    debrief: escalate && disagree && random.chance(0.5) ? "hard" : random.chance(0.02) ? "normal" : null,
    untouched: false,
  };
}

/** When staff depart from a root cause's usual fault, it is mostly to say they could not tell. */
function otherFault(random: Random, usual: Fault): Fault {
  if (usual === "customer") return "undetermined";
  const others = ([["undetermined", 7], ["service", 2], ["external", 1], ["customer", 1]] as const).filter(([f]) => f !== usual);
  return random.weighted(others);
}

function pickChannel(random: Random, customer: SeedCustomer): Channel {
  if (customer.preferredContact === "phone") return random.weighted([["phone", 60], ["in_person", 20], ["web", 20]] as const);
  return random.weighted([["web", 58], ["email", 16], ["phone", 14], ["in_person", 6], ["api", 6]] as const);
}

/** Tom's conduct is behind most staff-caused complaints lately: a pattern for the owner to spot. */
function pickResponsible(random: Random, ageDays: number): StaffKey {
  if (random.chance(ageDays <= 90 ? 0.7 : 0.3)) return "tom";
  return random.pick(ageDays > 110 ? (["alex", "priya", "jo", "former"] as const) : (["alex", "priya", "jo"] as const));
}

function pickAssignee(random: Random, ageDays: number, responsible: StaffKey | null): StaffKey {
  const weights: Array<readonly [StaffKey, number]> = [["alex", 30], ["priya", 28], ["jo", 25], ["tom", 17]];
  // The former agent worked here until about three months ago.
  if (ageDays > 110) weights.push(["former", 30]);
  return random.weighted(weights.filter(([key]) => key !== responsible));
}
