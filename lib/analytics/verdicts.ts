import {
  type Interval,
  type RatioEstimate,
  fisherExact,
  poissonRateTestGreater,
  proportionRatio,
  rateRatio,
  wilsonInterval,
} from "./stats";
import { count, minutes, num, percent, pValue, range, ratio } from "@/lib/format/numbers";
import { type AnalyticsThresholds, DEFAULT_THRESHOLDS } from "./thresholds";

/**
 * "Difficult customer or faulty service?" Each verdict needs BOTH a concentration (a rate well
 * above everyone else's, unlikely to be chance) AND staff judgements pointing the same way
 * (requests judged unreasonable / cases attributed to the customer, to the service or to a
 * person's conduct). Below the minimum sample the only honest answer is "not enough data".
 * The method is written up for owners in docs/verdict-method.md: keep the two in step.
 */
export type Verdict =
  | "likely_difficult_customer"
  | "likely_service_fault"
  | "likely_staff_conduct"
  | "no_pattern"
  | "not_enough_data";

export interface VerdictResult {
  verdict: Verdict;
  headline: string;
  /** Plain sentences, most important first; shown under the headline whatever the verdict. */
  evidence: string[];
  /** Complaints (customer, process) or cases handled (staff) the verdict rests on. */
  sampleSize: number;
  /** 95% range of the deciding share (unreasonable, service-attributed or conduct share). */
  confidence: Interval | null;
  /** How many times the usual rate, with its 95% range; null when nothing to compare with. */
  rateRatio: RatioEstimate | null;
  /** One-sided exact test that the rate is above the rest (chance alone would give this). */
  pValue?: number;
}

/** One customer over the window, plus the other customers on the same processes. */
export interface CustomerAggregate {
  customerId: string;
  name: string;
  complaints: number;
  windowDays: number;
  processesComplainedAbout: number;
  /** Complaints with a request judgement, and how they were judged. */
  judged: number;
  judgedUnreasonable: number;
  judgedPartly: number;
  /** Complaints with a fault attribution, and to whom. */
  attributed: number;
  attributedToCustomer: number;
  attributedToService: number;
  staffMinutes: number;
  /**
   * Every OTHER customer the business counts as active in the window (not only complainers of these
   * processes), how many of them complained about the processes this customer complained about,
   * and how many such complaints they made.
   */
  otherCustomersOnTheirProcesses: { activeCustomers: number; complainingCustomers: number; complaints: number };
}

export interface ProcessAggregate {
  processId: string;
  name: string;
  complaints: number;
  distinctCustomers: number;
  attributed: number;
  attributedToService: number;
  attributedToCustomer: number;
  /** How many other processes the comparison covers, and their complaints in the same window. */
  otherProcesses: number;
  otherComplaints: number;
  /** Sum over the other processes of each one's distinct complaining customers. */
  otherDistinctCustomers: number;
  /**
   * Optional work volume (orders, deliveries, installations) for this process and for the others
   * together. Without both, every process is assumed to carry an equal share of the work.
   */
  exposure?: number;
  otherExposure?: number;
}

export interface StaffAggregate {
  staffId: string;
  name: string;
  casesHandled: number;
  /** Complaints whose responsible staff member (conduct as the cause) is this person. */
  conductAttributed: number;
  /** The same two counts for everyone else on the team, this person excluded. */
  restOfTeamCasesHandled: number;
  restOfTeamConductAttributed: number;
}

function notEnough(sampleSize: number, why: string, evidence: string[] = []): VerdictResult {
  return { verdict: "not_enough_data", headline: `Not enough data: ${why}`, evidence, sampleSize, confidence: null, rateRatio: null };
}

/** The rate part of every verdict: big enough, and the 95% range and the exact test both rule out chance. */
function isConcentrated(r: RatioEstimate | null, p: number, t: AnalyticsThresholds): boolean {
  return r !== null && r.estimate >= t.rateRatioMin && r.low > 1 && p < t.significanceLevel;
}

export function customerVerdict(c: CustomerAggregate, t: AnalyticsThresholds = DEFAULT_THRESHOLDS): VerdictResult {
  const others = c.otherCustomersOnTheirProcesses;
  const complaints = count(c.complaints, "complaint");
  if (c.complaints < t.minCustomerComplaints) return notEnough(c.complaints, `${complaints} (needs ${num(t.minCustomerComplaints)})`);
  const assessed = Math.max(c.judged, c.attributed);
  if (assessed < t.minCustomerComplaints) {
    return notEnough(c.complaints, `${complaints}, but only ${num(assessed)} judged or attributed so far (needs ${num(t.minCustomerComplaints)})`);
  }
  if (others.activeCustomers === 0) return notEnough(c.complaints, "no other customers to compare with");

  const unreasonable = wilsonInterval(c.judgedUnreasonable, c.judged);
  const toCustomer = wilsonInterval(c.attributedToCustomer, c.attributed);
  const toService = wilsonInterval(c.attributedToService, c.attributed);
  const rr = rateRatio(c.complaints, 1, others.complaints, others.activeCustomers);
  const p = poissonRateTestGreater(c.complaints, 1, others.complaints, others.activeCustomers);
  const othersShare = others.complainingCustomers / others.activeCustomers;

  const byJudgement = c.judged > 0 && unreasonable.low > t.customerSideShareMin;
  const byAttribution = c.attributed > 0 && toCustomer.low > t.customerSideShareMin;
  const concentrated = isConcentrated(rr, p, t);
  const fewOthers = othersShare <= t.otherCustomersShareMax;

  const judgedText = `${num(c.judgedUnreasonable)} of ${count(c.judged, "request")} judged unreasonable (95% CI ${range(unreasonable)})`;
  const customerText = `${num(c.attributedToCustomer)} of ${count(c.attributed, "case")} attributed to the customer (95% CI ${range(toCustomer)})`;
  const othersText = `those processes drew complaints from ${percent(othersShare)} of other customers`;
  const evidence = [
    `${complaints} in ${c.windowDays} days about ${count(c.processesComplainedAbout, "process", "processes")}; ${minutes(c.staffMinutes)} of staff time.`,
    c.judged > 0
      ? `${cap(judgedText)}${c.judgedPartly > 0 ? `, ${num(c.judgedPartly)} more partly` : ""}.`
      : "No request has been judged yet.",
    c.attributed > 0
      ? `${cap(customerText)}; ${num(c.attributedToService)} to the service.`
      : "No case has a fault attribution yet.",
    `${num(others.complainingCustomers)} of ${num(others.activeCustomers)} other customers (${percent(othersShare)}) complained about the same processes.`,
    `${ratio(rr!.estimate)} times the complaints of an average other customer on those processes (95% CI ${ratio(rr!.low)}–${ratio(rr!.high)}; ${pValue(p)}).`,
  ];
  const confidence = byJudgement || !byAttribution ? (c.judged > 0 ? unreasonable : toCustomer) : toCustomer;
  const base = { evidence, sampleSize: c.complaints, confidence, rateRatio: rr, pValue: p };

  if (concentrated && fewOthers && (byJudgement || byAttribution)) {
    const why = byJudgement ? judgedText : customerText;
    return {
      ...base,
      verdict: "likely_difficult_customer",
      headline: `Likely difficult: ${complaints} in ${c.windowDays} days about ${count(c.processesComplainedAbout, "process", "processes")}; ${why}; ${othersText}.`,
    };
  }
  let reason: string;
  if (c.attributed > 0 && toService.low > t.serviceShareMin) {
    reason = `${num(c.attributedToService)} of ${count(c.attributed, "case")} attributed to the service (95% CI ${range(toService)}); look at the processes, not the customer.`;
  } else if (!fewOthers) {
    reason = `${percent(othersShare)} of other customers complained about the same processes; check those processes first.`;
  } else if (!concentrated) {
    reason = `${complaints} is not clearly more than other customers make about the same processes.`;
  } else {
    reason = `${c.judged > 0 ? judgedText : "no request judged yet"}; not clearly most of them.`;
  }
  return { ...base, verdict: "no_pattern", headline: `No pattern: ${reason}` };
}

export function processVerdict(pr: ProcessAggregate, t: AnalyticsThresholds = DEFAULT_THRESHOLDS): VerdictResult {
  const complaints = count(pr.complaints, "complaint");
  if (pr.complaints < t.minCases) return notEnough(pr.complaints, `${complaints} (needs ${num(t.minCases)})`);
  if (pr.attributed < t.minCases) {
    return notEnough(pr.complaints, `${complaints}, but only ${num(pr.attributed)} with a fault attribution (needs ${num(t.minCases)})`);
  }
  if (pr.otherProcesses === 0) return notEnough(pr.complaints, "no other processes to compare with");

  const useExposure = (pr.exposure ?? 0) > 0 && (pr.otherExposure ?? 0) > 0;
  const [t1, t2] = useExposure ? [pr.exposure!, pr.otherExposure!] : [1, pr.otherProcesses];
  const rr = rateRatio(pr.complaints, t1, pr.otherComplaints, t2);
  const p = poissonRateTestGreater(pr.complaints, t1, pr.otherComplaints, t2);
  // The same comparison counting each customer once: one customer's repeated complaints cannot make it.
  const byCustomers = rateRatio(pr.distinctCustomers, t1, pr.otherDistinctCustomers, t2);
  const service = wilsonInterval(pr.attributedToService, pr.attributed);
  const servicePct = percent(pr.attributedToService / pr.attributed);

  const concentrated = isConcentrated(rr, p, t);
  const manyCustomers = byCustomers !== null && byCustomers.low > 1;
  const serviceSide = service.low > t.serviceShareMin;

  const serviceText = `${servicePct} attributed to the service (95% CI ${range(service)})`;
  const rateText = `${ratio(rr!.estimate)} times the rate of other processes (95% CI ${ratio(rr!.low)}–${ratio(rr!.high)})`;
  const from = `${complaints} from ${count(pr.distinctCustomers, "distinct customer")}`;
  const evidence = [
    `${from}; ${num(pr.attributedToService)} of ${count(pr.attributed, "attributed case")} put down to the service, ${num(pr.attributedToCustomer)} to the customer.`,
    useExposure
      ? `Compared per unit of work: ${num(pr.complaints)} complaints over ${num(t1)} vs ${num(pr.otherComplaints)} over ${num(t2)} for the other processes.`
      : `Compared with the average of ${count(pr.otherProcesses, "other process", "other processes")} (${(pr.otherComplaints / pr.otherProcesses).toFixed(1)} complaints each on average), assuming each handles a similar amount of work.`,
    `${cap(rateText)}; ${pValue(p)}.`,
  ];
  const base = { evidence, sampleSize: pr.complaints, confidence: service, rateRatio: rr, pValue: p };

  if (concentrated && manyCustomers && serviceSide) {
    return { ...base, verdict: "likely_service_fault", headline: `Likely at fault: ${from}, ${serviceText}, ${rateText}.` };
  }
  let reason: string;
  if (!concentrated) reason = `${complaints}, ${rateText}; not clearly above them.`;
  else if (!manyCustomers) reason = `the extra complaints come from few customers (${count(pr.distinctCustomers, "distinct customer")}).`;
  else reason = `${rateText}, but only ${serviceText}.`;
  return { ...base, verdict: "no_pattern", headline: `No pattern: ${reason}` };
}

export function staffVerdict(s: StaffAggregate, t: AnalyticsThresholds = DEFAULT_THRESHOLDS): VerdictResult {
  const cases = count(s.casesHandled, "case");
  if (s.casesHandled < t.minCases) return notEnough(s.casesHandled, `${cases} handled (needs ${num(t.minCases)})`);
  if (s.restOfTeamCasesHandled === 0) return notEnough(s.casesHandled, "no one else on the team to compare with");

  const rr = proportionRatio(s.conductAttributed, s.casesHandled, s.restOfTeamConductAttributed, s.restOfTeamCasesHandled);
  const p = fisherExact(
    s.conductAttributed,
    s.casesHandled - s.conductAttributed,
    s.restOfTeamConductAttributed,
    s.restOfTeamCasesHandled - s.restOfTeamConductAttributed,
  ).greater;
  const share = wilsonInterval(s.conductAttributed, s.casesHandled);
  const enoughConduct = s.conductAttributed >= t.minConductCases;
  const concentrated = isConcentrated(rr, p, t);

  const comparison = `${num(s.conductAttributed)} of ${cases} attributed to their conduct vs ${num(s.restOfTeamConductAttributed)} of ${num(s.restOfTeamCasesHandled)} for the rest of the team (Fisher ${pValue(p)})`;
  const evidence = [
    `${cap(comparison)}.`,
    `Their conduct share: ${percent(s.conductAttributed / s.casesHandled)} (95% CI ${range(share)}); the rest of the team: ${percent(s.restOfTeamConductAttributed / s.restOfTeamCasesHandled)}.`,
    `${ratio(rr!.estimate)} times the team's rate (95% CI ${ratio(rr!.low)}–${ratio(rr!.high)}).`,
  ];
  const base = { evidence, sampleSize: s.casesHandled, confidence: share, rateRatio: rr, pValue: p };
  if (enoughConduct && concentrated) return { ...base, verdict: "likely_staff_conduct", headline: `Likely conduct issue: ${comparison}.` };
  const reason = enoughConduct
    ? `${comparison}; not clearly above the team.`
    : `${count(s.conductAttributed, "case")} attributed to their conduct (a pattern needs at least ${num(t.minConductCases)}).`;
  return { ...base, verdict: "no_pattern", headline: `No pattern: ${reason}` };
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
