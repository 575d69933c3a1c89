import { count } from "@/lib/format/numbers";
import type { CustomerAggregate, ProcessAggregate, StaffAggregate } from "./verdicts";
import type { RepeatCustomerRow } from "./queries/customers";
import type { ProcessRow } from "./queries/processes";
import type { StaffRow, StaffFigures } from "./queries/staff";

/**
 * Turns the SQL aggregates into the inputs of the verdict functions. Pure arithmetic on counts:
 * "the others" are always everyone in the same query's result except the one being judged.
 */
export function customerAggregate(row: RepeatCustomerRow, windowDays: number, customersOnRecord: number): CustomerAggregate {
  return {
    customerId: row.customerId,
    name: row.name,
    complaints: row.complaints,
    windowDays,
    processesComplainedAbout: row.processesComplainedAbout,
    judged: row.judged,
    judgedUnreasonable: row.judgedUnreasonable,
    judgedPartly: row.judgedPartly,
    attributed: row.attributed,
    attributedToCustomer: row.attributedToCustomer,
    attributedToService: row.attributedToService,
    staffMinutes: row.staffMinutes,
    otherCustomersOnTheirProcesses: {
      activeCustomers: Math.max(customersOnRecord - 1, 0),
      complainingCustomers: row.otherComplainingCustomers,
      complaints: row.otherComplaints,
    },
  };
}

export function processAggregates(rows: readonly ProcessRow[]): ProcessAggregate[] {
  const total = sum(rows, (r) => r.complaints);
  const totalCustomers = sum(rows, (r) => r.distinctCustomers);
  return rows.map((r) => ({
    processId: r.processId,
    name: r.name,
    complaints: r.complaints,
    distinctCustomers: r.distinctCustomers,
    attributed: r.attributed,
    attributedToService: r.attributedToService,
    attributedToCustomer: r.attributedToCustomer,
    otherProcesses: rows.length - 1,
    otherComplaints: total - r.complaints,
    otherDistinctCustomers: totalCustomers - r.distinctCustomers,
  }));
}

/** This process's complaints as a multiple of the average other process (null when none to compare). */
export function rateVsOthers(row: ProcessRow, rows: readonly ProcessRow[]): number | null {
  const others = rows.length - 1;
  const otherComplaints = sum(rows, (r) => r.complaints) - row.complaints;
  if (others <= 0 || otherComplaints === 0) return null;
  return row.complaints / (otherComplaints / others);
}

export function staffAggregate(row: StaffRow, team: StaffFigures): StaffAggregate {
  return {
    staffId: row.staffId,
    name: row.name,
    casesHandled: row.casesHandled,
    conductAttributed: row.conductAttributed,
    restOfTeamCasesHandled: team.casesHandled - row.casesHandled,
    restOfTeamConductAttributed: team.conductAttributed - row.conductAttributed,
  };
}

/*
 * What each comparison compared against, in one sentence on its verdict card (the counts are the
 * ones the verdict used, so the sentence cannot drift from the arithmetic).
 */
export function processComparedWith(a: ProcessAggregate): string {
  return `Compared against ${count(a.otherProcesses, "other process", "other processes")} (${count(a.otherComplaints, "complaint")} between them in this range): every process on the form, plus archived or imported ones only when they had complaints in this range. The process filter never narrows this comparison.`;
}

export function customerComparedWith(a: CustomerAggregate): string {
  const n = a.otherCustomersOnTheirProcesses.activeCustomers;
  return `Compared against ${count(n, "other customer", "other customers")}: everyone on record by the end of the range, counting imported customers only when they complained in this range.`;
}

export function staffComparedWith(a: StaffAggregate): string {
  return `Compared against the rest of the team: ${count(a.restOfTeamCasesHandled, "case")} handled by others in this range.`;
}

function sum<T>(rows: readonly T[], f: (row: T) => number): number {
  return rows.reduce((s, r) => s + f(r), 0);
}
