import { describe, expect, it } from "vitest";
import { handlingChecklist, type HandlingFacts } from "./handling-items";

const now = new Date("2026-03-10T12:00:00Z");
const blank: HandlingFacts["complaint"] = {
  status: "new",
  severity: null,
  firstResponseAt: null,
  firstResponseDueAt: null,
  requestJudgement: null,
  resolutionType: null,
  rootCauseId: null,
  processId: null,
  faultAttribution: null,
  faultConfirmedAt: null,
  customerAgreement: null,
  satisfaction: null,
};
const facts = (over: Partial<HandlingFacts> = {}): HandlingFacts => ({
  complaint: blank,
  counts: {},
  promises: { kept: 0, broken: 0, open: 0 },
  now,
  formatTime: (d) => d.toISOString().slice(0, 16),
  ...over,
});
const byKey = (f: HandlingFacts) => Object.fromEntries(handlingChecklist(f).map((i) => [i.key, i]));

describe("handling checklist", () => {
  it("a fresh case: everything to do, nothing needed for calls and promises", () => {
    const items = byKey(facts());
    expect(Object.keys(items)).toHaveLength(13);
    expect(items.assessed!.state).toBe("todo");
    expect(items.call_summaries!.state).toBe("not_needed");
    expect(items.promises!.state).toBe("not_needed");
  });

  it("flags a late first response and an overdue one", () => {
    const due = new Date("2026-03-10T08:00:00Z");
    expect(byKey(facts({ complaint: { ...blank, firstResponseDueAt: due, firstResponseAt: new Date("2026-03-10T09:00:00Z") } })).first_response).toMatchObject({
      state: "warning",
      detail: "Late: due 2026-03-10T08:00",
    });
    expect(byKey(facts({ complaint: { ...blank, firstResponseDueAt: due } })).first_response!.detail).toBe("Overdue since 2026-03-10T08:00");
    expect(byKey(facts({ complaint: { ...blank, firstResponseDueAt: due, firstResponseAt: due } })).first_response!.state).toBe("done");
  });

  it("counts calls without a written summary and broken promises", () => {
    const items = byKey(facts({ counts: { call_logged: 3, call_summary: 1 }, promises: { kept: 2, broken: 1, open: 0 } }));
    expect(items.call_summaries).toMatchObject({ state: "todo", detail: "2 calls without a written summary" });
    expect(items.promises).toMatchObject({ state: "warning", detail: "1 broken, 2 kept, 0 open" });
  });

  it("a flagged apology counts once a supervisor approves it; a clean one counts at once", () => {
    expect(byKey(facts({ counts: { apology_flagged: 1 } })).apologised!.state).toBe("warning");
    expect(byKey(facts({ counts: { apology_flagged: 1, apology_approved: 1 } })).apologised).toMatchObject({ state: "done", detail: expect.stringContaining("approved") });
    expect(byKey(facts({ counts: { apology: 1 } })).apologised!.state).toBe("done");
  });

  it("a draft plan is not a proposed resolution until the case reaches the customer's answer", () => {
    expect(byKey(facts({ complaint: { ...blank, status: "new", resolutionType: "refund" } })).resolution!.state).toBe("todo");
    expect(byKey(facts({ complaint: { ...blank, status: "investigating", resolutionType: "refund" } })).resolution!.state).toBe("todo");
    expect(byKey(facts({ complaint: { ...blank, status: "resolution_proposed", resolutionType: "refund" } })).resolution!.state).toBe("done");
  });

  it("fault confirmation matters only before admitting a service fault", () => {
    expect(byKey(facts({ complaint: { ...blank, faultAttribution: "service" } })).fault_confirmed!.state).toBe("todo");
    expect(byKey(facts({ complaint: { ...blank, faultAttribution: "customer" } })).fault_confirmed!.state).toBe("not_needed");
    expect(byKey(facts({ complaint: { ...blank, faultAttribution: "customer", faultConfirmedAt: now } })).fault_confirmed!.state).toBe("done");
  });
});
