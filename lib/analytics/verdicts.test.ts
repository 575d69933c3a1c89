import { describe, expect, it } from "vitest";
import { DEFAULT_THRESHOLDS, resolveThresholds } from "./thresholds";
import { count, minutes, percent, pValue, range, ratio } from "@/lib/format/numbers";
import { type CustomerAggregate, type ProcessAggregate, customerVerdict, processVerdict, staffVerdict } from "./verdicts";

/**
 * A tiny complaint world, aggregated the way the analytics SQL will do it, so that one data set
 * can be asked about its customers and its processes and the answers must agree.
 */
type Judgement = "reasonable" | "partly" | "unreasonable" | null;
type Fault = "service" | "customer" | "external" | "undetermined" | null;
interface Row { customer: string; process: string; judgement: Judgement; fault: Fault; minutes: number }
interface World { rows: Row[]; customersOnRecord: number; processes: string[] }

function rows(n: number, customer: (i: number) => string, process: string, pick: (i: number) => [Judgement, Fault]): Row[] {
  return Array.from({ length: n }, (_, i) => {
    const [judgement, fault] = pick(i);
    return { customer: customer(i), process, judgement, fault, minutes: 20 };
  });
}

/** Ordinary complaints: mostly reasonable, attributions spread over service, customer and external. */
const ordinary = (i: number): [Judgement, Fault] =>
  [["reasonable", "service"], ["reasonable", "external"], ["partly", "customer"], ["unreasonable", "undetermined"]][i % 4] as [Judgement, Fault];

function customerAggregate(w: World, id: string): CustomerAggregate {
  const mine = w.rows.filter((r) => r.customer === id);
  const theirProcesses = new Set(mine.map((r) => r.process));
  const others = w.rows.filter((r) => r.customer !== id && theirProcesses.has(r.process));
  const judged = mine.filter((r) => r.judgement !== null);
  const attributed = mine.filter((r) => r.fault !== null);
  return {
    customerId: id,
    name: id,
    complaints: mine.length,
    windowDays: 90,
    processesComplainedAbout: theirProcesses.size,
    judged: judged.length,
    judgedUnreasonable: judged.filter((r) => r.judgement === "unreasonable").length,
    judgedPartly: judged.filter((r) => r.judgement === "partly").length,
    attributed: attributed.length,
    attributedToCustomer: attributed.filter((r) => r.fault === "customer").length,
    attributedToService: attributed.filter((r) => r.fault === "service").length,
    staffMinutes: mine.reduce((s, r) => s + r.minutes, 0),
    otherCustomersOnTheirProcesses: {
      activeCustomers: w.customersOnRecord - 1,
      complainingCustomers: new Set(others.map((r) => r.customer)).size,
      complaints: others.length,
    },
  };
}

function processAggregate(w: World, id: string): ProcessAggregate {
  const summary = (rs: Row[]) => ({
    complaints: rs.length,
    distinct: new Set(rs.map((r) => r.customer)).size,
  });
  const mine = w.rows.filter((r) => r.process === id);
  const otherIds = w.processes.filter((p) => p !== id);
  const others = otherIds.map((p) => summary(w.rows.filter((r) => r.process === p)));
  const attributed = mine.filter((r) => r.fault !== null);
  return {
    processId: id,
    name: id,
    complaints: mine.length,
    distinctCustomers: summary(mine).distinct,
    attributed: attributed.length,
    attributedToService: attributed.filter((r) => r.fault === "service").length,
    attributedToCustomer: attributed.filter((r) => r.fault === "customer").length,
    otherProcesses: otherIds.length,
    otherComplaints: others.reduce((s, o) => s + o.complaints, 0),
    otherDistinctCustomers: others.reduce((s, o) => s + o.distinct, 0),
  };
}

const PROCESSES = ["delivery", "billing", "installation", "returns", "support"];
let serial = 0;
const someone = () => `customer-${++serial}`;

describe("(a) a difficult customer and a healthy service", () => {
  const dana: Row[] = [
    ...rows(2, () => "dana", "delivery", () => ["unreasonable", "customer"]),
    ...rows(2, () => "dana", "billing", () => ["unreasonable", "customer"]),
    ...rows(2, () => "dana", "installation", (i) => (i === 0 ? ["unreasonable", "customer"] : ["partly", "undetermined"])),
    ...rows(2, () => "dana", "returns", () => ["unreasonable", "customer"]),
  ];
  const world: World = {
    customersOnRecord: 2000,
    processes: PROCESSES,
    rows: [...dana, ...PROCESSES.flatMap((p) => rows(12, someone, p, ordinary))],
  };

  it("calls the customer likely difficult, with the evidence in the headline", () => {
    const v = customerVerdict(customerAggregate(world, "dana"));
    expect(v.verdict).toBe("likely_difficult_customer");
    expect(v.headline).toBe(
      "Likely difficult: 8 complaints in 90 days about 4 processes; 7 of 8 requests judged unreasonable (95% CI 53–98%); those processes drew complaints from 2.4% of other customers.",
    );
    expect(v.sampleSize).toBe(8);
    expect(v.confidence!.low).toBeGreaterThan(0.5);
    expect(v.pValue).toBeLessThan(0.0001);
    expect(v.evidence).toContain("8 complaints in 90 days about 4 processes; 2 h 40 min of staff time.");
    expect(v.evidence).toContain("7 of 8 requests judged unreasonable (95% CI 53–98%), 1 more partly.");
  });

  it("finds no pattern in any of the processes she complained about", () => {
    for (const p of PROCESSES) {
      const v = processVerdict(processAggregate(world, p));
      expect(v.verdict, `${p}: ${v.headline}`).toBe("no_pattern");
    }
  });

  it("an ordinary customer of the same world has too few complaints for a verdict", () => {
    const v = customerVerdict(customerAggregate(world, "customer-1"));
    expect(v.verdict).toBe("not_enough_data");
    expect(v.headline).toBe("Not enough data: 1 complaint (needs 4)");
  });

  it("6 of 7 judged unreasonable is not yet clearly most (95% CI 49–97%), unless the owner lowers the bar", () => {
    const six = { ...customerAggregate(world, "dana"), complaints: 7, judged: 7, judgedUnreasonable: 6, judgedPartly: 1, attributed: 7, attributedToCustomer: 5 };
    const strict = customerVerdict(six);
    expect(strict.verdict).toBe("no_pattern");
    expect(strict.headline).toBe("No pattern: 6 of 7 requests judged unreasonable (95% CI 49–97%); not clearly most of them.");
    const lenient = customerVerdict(six, resolveThresholds({ customerSideShareMin: 0.4 }));
    expect(lenient.verdict).toBe("likely_difficult_customer");
  });
});

describe("(b) a failing process and reasonable customers", () => {
  const delivery = rows(41, (i) => (i < 3 ? "reg" : someone()), "delivery", (i) =>
    i < 32 ? ["reasonable", "service"] : i < 37 ? ["partly", "external"] : ["reasonable", "customer"],
  );
  const elsewhere = ["billing", "installation", "returns", "support"].flatMap((p) => rows(11, someone, p, ordinary));
  const reg = rows(1, () => "reg", "billing", () => ["reasonable", "service"]);
  const world: World = { customersOnRecord: 1500, processes: PROCESSES, rows: [...delivery, ...elsewhere, ...reg] };

  it("points at the process", () => {
    const v = processVerdict(processAggregate(world, "delivery"));
    expect(v.verdict).toBe("likely_service_fault");
    expect(v.headline).toBe(
      "Likely at fault: 41 complaints from 39 distinct customers, 78% attributed to the service (95% CI 63–88%), 3.6 times the rate of other processes (95% CI 2.4–5.6).",
    );
    expect(v.confidence!.low).toBeCloseTo(0.633, 3);
  });

  it("the other processes show no pattern", () => {
    for (const p of ["billing", "installation", "returns", "support"]) {
      expect(processVerdict(processAggregate(world, p)).verdict).toBe("no_pattern");
    }
  });

  it("a customer hit four times by the failing process is not called difficult", () => {
    const v = customerVerdict(customerAggregate(world, "reg"));
    expect(v.verdict).toBe("no_pattern");
    expect(v.headline).toMatch(/^No pattern: 4 of 4 cases attributed to the service .*look at the processes, not the customer\.$/);
  });

  it("the customers who complained once are 'not enough data'", () => {
    expect(customerVerdict(customerAggregate(world, "customer-100")).verdict).toBe("not_enough_data");
  });
});

describe("(c) too little data everywhere", () => {
  const world: World = {
    customersOnRecord: 40,
    processes: PROCESSES,
    rows: [...rows(3, () => "pat", "delivery", () => ["unreasonable", "customer"]), ...rows(4, someone, "billing", ordinary)],
  };

  it("says so for customers, processes and staff, with the minimum needed", () => {
    expect(customerVerdict(customerAggregate(world, "pat")).headline).toBe("Not enough data: 3 complaints (needs 4)");
    const billing = processVerdict(processAggregate(world, "billing"));
    expect(billing.verdict).toBe("not_enough_data");
    expect(billing.headline).toBe("Not enough data: 4 complaints (needs 10)");
    expect(billing.confidence).toBeNull();
    const staff = staffVerdict({ staffId: "s", name: "Sam", casesHandled: 7, conductAttributed: 3, restOfTeamCasesHandled: 300, restOfTeamConductAttributed: 1 });
    expect(staff).toMatchObject({ verdict: "not_enough_data", headline: "Not enough data: 7 cases handled (needs 10)", sampleSize: 7 });
  });

  it("counts only complaints that were judged or attributed", () => {
    const base = customerAggregate(world, "pat");
    const open = { ...base, complaints: 6, judged: 2, attributed: 1 };
    expect(customerVerdict(open).headline).toBe("Not enough data: 6 complaints, but only 2 judged or attributed so far (needs 4)");
    const p = { ...processAggregate(world, "billing"), complaints: 30, attributed: 6 };
    expect(processVerdict(p).headline).toBe("Not enough data: 30 complaints, but only 6 with a fault attribution (needs 10)");
  });

  it("cannot compare without others", () => {
    expect(processVerdict({ ...processAggregate(world, "billing"), complaints: 30, attributed: 30, otherProcesses: 0 }).headline).toBe(
      "Not enough data: no other processes to compare with",
    );
    const alone = { ...customerAggregate(world, "pat"), complaints: 5, judged: 5, otherCustomersOnTheirProcesses: { activeCustomers: 0, complainingCustomers: 0, complaints: 0 } };
    expect(customerVerdict(alone).verdict).toBe("not_enough_data");
  });
});

describe("(d) staff conduct", () => {
  it("a conduct cluster is flagged with Fisher's p", () => {
    const v = staffVerdict({ staffId: "s1", name: "Sam", casesHandled: 48, conductAttributed: 6, restOfTeamCasesHandled: 310, restOfTeamConductAttributed: 2 });
    expect(v.verdict).toBe("likely_staff_conduct");
    expect(v.headline).toBe("Likely conduct issue: 6 of 48 cases attributed to their conduct vs 2 of 310 for the rest of the team (Fisher p<0.0001).");
    expect(v.rateRatio!.estimate).toBeCloseTo(19.375, 3);
    const four = staffVerdict({ staffId: "s1", name: "Sam", casesHandled: 48, conductAttributed: 6, restOfTeamCasesHandled: 310, restOfTeamConductAttributed: 4 });
    expect(four.headline).toBe("Likely conduct issue: 6 of 48 cases attributed to their conduct vs 4 of 310 for the rest of the team (Fisher p=0.0006).");
    expect(four.pValue).toBeCloseTo(0.000597, 5);
  });

  it("a team-average colleague shows no pattern", () => {
    const v = staffVerdict({ staffId: "s2", name: "Alex", casesHandled: 60, conductAttributed: 1, restOfTeamCasesHandled: 298, restOfTeamConductAttributed: 7 });
    expect(v.verdict).toBe("no_pattern");
    expect(v.headline).toBe("No pattern: 1 case attributed to their conduct (a pattern needs at least 3).");
  });

  it("three conduct cases at the team's own rate are not a pattern", () => {
    const v = staffVerdict({ staffId: "s3", name: "Kim", casesHandled: 100, conductAttributed: 3, restOfTeamCasesHandled: 400, restOfTeamConductAttributed: 10 });
    expect(v.verdict).toBe("no_pattern");
    expect(v.headline).toMatch(/not clearly above the team\.$/);
  });

  it("zero conduct cases anywhere is no pattern, with finite numbers", () => {
    const v = staffVerdict({ staffId: "s4", name: "Lee", casesHandled: 30, conductAttributed: 0, restOfTeamCasesHandled: 90, restOfTeamConductAttributed: 0 });
    expect(v.verdict).toBe("no_pattern");
    expect(v.evidence.join(" ")).not.toMatch(/NaN|Infinity/);
  });
});

describe("the rule needs both halves", () => {
  const base: ProcessAggregate = {
    processId: "p", name: "Billing", complaints: 40, distinctCustomers: 38, attributed: 40,
    attributedToService: 32, attributedToCustomer: 4, otherProcesses: 4, otherComplaints: 40, otherDistinctCustomers: 40,
  };

  it("a high rate mostly put down to customers is no pattern", () => {
    const v = processVerdict({ ...base, attributedToService: 10, attributedToCustomer: 28 });
    expect(v.verdict).toBe("no_pattern");
    expect(v.headline).toMatch(/^No pattern: 4\.0 times the rate .* but only 25% attributed to the service/);
  });

  it("service faults at an ordinary rate are no pattern", () => {
    expect(processVerdict({ ...base, otherComplaints: 150, otherDistinctCustomers: 150 }).verdict).toBe("no_pattern");
  });

  it("a high rate driven by a couple of customers is no pattern", () => {
    const v = processVerdict({ ...base, distinctCustomers: 3 });
    expect(v.verdict).toBe("no_pattern");
    expect(v.headline).toBe("No pattern: the extra complaints come from few customers (3 distinct customers).");
  });

  it("uses work volume when both volumes are given", () => {
    // Billing handles 4× the work of the others together: its 40 complaints are the usual rate.
    const v = processVerdict({ ...base, exposure: 4000, otherExposure: 1000 });
    expect(v.verdict).toBe("no_pattern");
    expect(v.evidence[1]).toBe("Compared per unit of work: 40 complaints over 4,000 vs 40 over 1,000 for the other processes.");
  });

  it("a customer whose processes many others complain about is not called difficult", () => {
    const c: CustomerAggregate = {
      customerId: "c", name: "Chris", complaints: 8, windowDays: 90, processesComplainedAbout: 1, judged: 8, judgedUnreasonable: 8, judgedPartly: 0,
      attributed: 8, attributedToCustomer: 8, attributedToService: 0, staffMinutes: 45,
      otherCustomersOnTheirProcesses: { activeCustomers: 100, complainingCustomers: 30, complaints: 35 },
    };
    expect(customerVerdict(c).headline).toBe("No pattern: 30% of other customers complained about the same processes; check those processes first.");
    expect(DEFAULT_THRESHOLDS.otherCustomersShareMax).toBe(0.1);
  });
});

describe("number formatting", () => {
  it("percentages: whole in the middle, one decimal near 0% and 100%", () => {
    expect([0, 0.0004, 0.004, 0.024, 0.0996, 0.1, 0.784, 0.99, 0.996, 0.9999, 1].map(percent)).toEqual([
      "0%", "0.04%", "0.4%", "2.4%", "10%", "10%", "78%", "99%", "99.6%", "99.9%", "100%",
    ]);
    expect(range({ low: 0.633, high: 0.88 })).toBe("63–88%");
    expect(range({ low: 0, high: 0.0277 })).toBe("0–2.8%");
  });

  it("ratios, p-values, minutes and counts", () => {
    expect([0.0123, 0.96, 3.11, 12.6, 333.2].map(ratio)).toEqual(["0.012", "0.96", "3.1", "13", "333"]);
    expect([0.6, 0.0123, 0.0042, 0.00043, 0.00001].map(pValue)).toEqual(["p=0.60", "p=0.01", "p=0.004", "p=0.0004", "p<0.0001"]);
    expect([45, 60, 400].map(minutes)).toEqual(["45 min", "1 h", "6 h 40 min"]);
    expect(count(1, "process", "processes")).toBe("1 process");
    expect(count(1999, "customer")).toBe("1,999 customers");
  });
});
