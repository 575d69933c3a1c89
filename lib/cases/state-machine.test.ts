import { describe, expect, it } from "vitest";
import { CUSTOMER_STATUS_LABELS, STATUS_LABELS } from "@/lib/labels";
import {
  CASE_STATUSES,
  allowedTransitions,
  canTransition,
  checkTransition,
  isOpen,
  isReopen,
  isWaitingOnCustomer,
  pathTo,
  transitionError,
  transitionLabel,
  type CaseStatus,
  type TransitionFacts,
} from "./state-machine";

// The table written out by hand, independently of the module, so a slip in either shows up.
const EXPECTED: Record<CaseStatus, CaseStatus[]> = {
  new: ["acknowledged", "investigating"],
  acknowledged: ["investigating"],
  investigating: ["resolution_proposed", "resolved"],
  resolution_proposed: ["awaiting_customer", "carrying_out", "resolved", "investigating"],
  awaiting_customer: ["carrying_out", "resolved", "investigating"],
  carrying_out: ["resolved", "investigating"],
  resolved: ["follow_up_due", "closed", "investigating"],
  follow_up_due: ["closed", "investigating"],
  closed: ["investigating"],
};

const COMPLETE: TransitionFacts = {
  rootCauseId: "rc-1",
  processId: "p-1",
  faultAttribution: "service",
  resolutionType: "replace",
  resolutionDescription: "Send a new kettle by courier",
  customerAgreement: "agreed",
  followUpCompleted: true,
};

const EMPTY: TransitionFacts = {
  rootCauseId: null,
  processId: null,
  faultAttribution: null,
  resolutionType: null,
  resolutionDescription: null,
  customerAgreement: null,
  followUpCompleted: false,
};

const pairs = CASE_STATUSES.flatMap((from) => CASE_STATUSES.map((to) => [from, to] as const));

describe("transition table", () => {
  it("covers all 81 pairs", () => expect(pairs).toHaveLength(81));

  it.each(pairs)("%s → %s", (from, to) => {
    const allowed = EXPECTED[from].includes(to);
    expect(canTransition(from, to)).toBe(allowed);
    expect(allowedTransitions(from).includes(to)).toBe(allowed);
    // With every fact in place only the table decides.
    const result = checkTransition(from, to, COMPLETE);
    expect(result.ok).toBe(allowed);
    expect(transitionError(from, to, COMPLETE) === null).toBe(allowed);
  });

  it("explains a refused move and what is possible instead", () => {
    expect(transitionError("new", "closed", COMPLETE)).toBe(
      "A case that is new cannot be moved to closed. From here it can go to acknowledged or investigating.",
    );
    expect(transitionError("closed", "closed", COMPLETE)).toBe("The case is already closed.");
  });
});

describe("reopen", () => {
  it.each(pairs)("isReopen(%s, %s)", (from, to) => {
    const expected = ["resolved", "follow_up_due", "closed"].includes(from) && to === "investigating";
    expect(isReopen(from, to)).toBe(expected);
  });

  it("is reported by checkTransition", () => {
    expect(checkTransition("closed", "investigating", EMPTY)).toEqual({ ok: true, reopen: true });
    expect(checkTransition("awaiting_customer", "investigating", EMPTY)).toEqual({ ok: true, reopen: false });
  });
});

describe("guards", () => {
  it("resolving lists exactly what is missing", () => {
    expect(transitionError("investigating", "resolved", EMPTY)).toBe(
      "Set the root cause, process and fault attribution before resolving.",
    );
    expect(transitionError("investigating", "resolved", { ...COMPLETE, rootCauseId: null, faultAttribution: null })).toBe(
      "Set the root cause and fault attribution before resolving.",
    );
    expect(transitionError("awaiting_customer", "resolved", { ...COMPLETE, processId: null })).toBe(
      "Set the process before resolving.",
    );
    const result = checkTransition("investigating", "resolved", { ...COMPLETE, rootCauseId: null });
    expect(result).toMatchObject({ ok: false, reason: "missing_facts", missing: ["root cause"] });
  });

  it("proposing a resolution needs the plan", () => {
    expect(transitionError("investigating", "resolution_proposed", EMPTY)).toBe(
      "Record the resolution type and resolution description before proposing the resolution.",
    );
    expect(
      transitionError("investigating", "resolution_proposed", { ...EMPTY, resolutionType: "refund", resolutionDescription: "  " }),
    ).toBe("Record the resolution description before proposing the resolution.");
    expect(transitionError("investigating", "resolution_proposed", { ...EMPTY, resolutionType: "refund", resolutionDescription: "Full refund" })).toBeNull();
  });

  it("closing needs a recorded follow-up or the customer's agreement", () => {
    const message = "Record the follow-up with the customer, or their agreement with the resolution, before closing.";
    expect(transitionError("resolved", "closed", EMPTY)).toBe(message);
    expect(transitionError("follow_up_due", "closed", { ...EMPTY, customerAgreement: "disagreed" })).toBe(message);
    expect(transitionError("resolved", "closed", { ...EMPTY, customerAgreement: "agreed" })).toBeNull();
    expect(transitionError("follow_up_due", "closed", { ...EMPTY, followUpCompleted: true })).toBeNull();
  });

  it("other moves need no facts", () => {
    expect(transitionError("new", "acknowledged", EMPTY)).toBeNull();
    expect(transitionError("resolution_proposed", "awaiting_customer", EMPTY)).toBeNull();
    expect(transitionError("resolved", "follow_up_due", EMPTY)).toBeNull();
  });
});

describe("status helpers", () => {
  it.each(CASE_STATUSES)("%s has both labels", (status) => {
    expect(STATUS_LABELS[status]).toMatch(/\S/);
    expect(CUSTOMER_STATUS_LABELS[status]).toMatch(/\S/);
  });

  it("only awaiting_customer pauses the clock", () => {
    expect(CASE_STATUSES.filter(isWaitingOnCustomer)).toEqual(["awaiting_customer"]);
  });

  it("open means not yet resolved", () => {
    expect(CASE_STATUSES.filter(isOpen)).toEqual([
      "new",
      "acknowledged",
      "investigating",
      "resolution_proposed",
      "awaiting_customer",
      "carrying_out",
    ]);
  });

  it("finds the steps a one-step action implies, each an allowed move", () => {
    expect(pathTo("new", "resolution_proposed")).toEqual(["investigating", "resolution_proposed"]);
    expect(pathTo("acknowledged", "resolution_proposed")).toEqual(["investigating", "resolution_proposed"]);
    expect(pathTo("investigating", "resolution_proposed")).toEqual(["resolution_proposed"]);
    expect(pathTo("resolution_proposed", "resolution_proposed")).toEqual([]);
  });

  it("names moves for buttons", () => {
    expect(transitionLabel("closed", "investigating")).toBe("Reopen");
    expect(transitionLabel("awaiting_customer", "investigating")).toBe("Customer disagreed");
    expect(transitionLabel("investigating", "resolved")).toBe("Mark resolved");
  });
});
