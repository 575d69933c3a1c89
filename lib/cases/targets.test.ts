import { describe, expect, it } from "vitest";
import {
  businessElapsed,
  firstResponseDueAt,
  pausedDuration,
  resolutionDueAt,
  type ResponseTargets,
  type StatusChange,
} from "./targets";

const d = (iso: string) => new Date(iso);
const HOUR = 3_600_000;

const TARGETS: ResponseTargets = {
  defaultFirstResponseHours: 24,
  bySeverity: {
    critical: { firstResponseHours: 2, resolutionDays: 1 },
    high: { firstResponseHours: 8, resolutionDays: 3 },
    medium: { firstResponseHours: 24, resolutionDays: 7 },
  },
};

describe("firstResponseDueAt", () => {
  const received = d("2026-03-10T09:00:00Z");
  it.each([
    ["critical", "2026-03-10T11:00:00.000Z"],
    ["high", "2026-03-10T17:00:00.000Z"],
    [null, "2026-03-11T09:00:00.000Z"],
    // No target configured for low: fall back to the default.
    ["low", "2026-03-11T09:00:00.000Z"],
  ] as const)("severity %s → %s", (severity, expected) => {
    expect(firstResponseDueAt(received, severity, TARGETS).toISOString()).toBe(expected);
  });
});

// Received Monday 09:00, waited on the customer for 2 days, then resolved, then reopened.
const HISTORY: StatusChange[] = [
  { status: "new", at: d("2026-03-09T09:00:00Z") },
  { status: "investigating", at: d("2026-03-09T10:00:00Z") },
  { status: "resolution_proposed", at: d("2026-03-10T09:00:00Z") },
  { status: "awaiting_customer", at: d("2026-03-10T12:00:00Z") },
  { status: "investigating", at: d("2026-03-12T12:00:00Z") }, // customer disagreed
  { status: "resolved", at: d("2026-03-13T12:00:00Z") },
  { status: "investigating", at: d("2026-03-16T12:00:00Z") }, // reopened after 3 days
];

describe("businessElapsed", () => {
  it("counts running time only", () => {
    // Before the pause: 27 h; after it until resolved: 24 h; after the reopen: 6 h.
    expect(businessElapsed(HISTORY, d("2026-03-16T18:00:00Z"))).toBe((27 + 24 + 6) * HOUR);
  });

  it("does not count while awaiting the customer", () => {
    const during = d("2026-03-11T12:00:00Z");
    expect(businessElapsed(HISTORY, during)).toBe(27 * HOUR);
    expect(pausedDuration(HISTORY, during)).toBe(24 * HOUR);
  });

  it("ignores order and future entries", () => {
    const shuffled = [...HISTORY].reverse();
    expect(businessElapsed(shuffled, d("2026-03-10T12:00:00Z"))).toBe(27 * HOUR);
    expect(businessElapsed([], d("2026-03-10T12:00:00Z"))).toBe(0);
  });
});

describe("resolutionDueAt", () => {
  const base = { receivedAt: d("2026-03-09T09:00:00Z"), severity: "high" as const };

  it("is received + target when nothing paused", () => {
    const history = HISTORY.slice(0, 2);
    expect(resolutionDueAt({ ...base, history }, TARGETS, d("2026-03-10T00:00:00Z"))?.toISOString()).toBe(
      "2026-03-12T09:00:00.000Z",
    );
  });

  it("is extended by waiting and resolved time", () => {
    // Paused 48 h awaiting the customer + 72 h resolved before the reopen = 120 h.
    expect(resolutionDueAt({ ...base, history: HISTORY }, TARGETS, d("2026-03-16T18:00:00Z"))?.toISOString()).toBe(
      "2026-03-17T09:00:00.000Z",
    );
  });

  it("assumes the clock ran since receipt when there is no history", () => {
    expect(resolutionDueAt({ ...base, history: [] }, TARGETS, d("2026-03-20T00:00:00Z"))?.toISOString()).toBe(
      "2026-03-12T09:00:00.000Z",
    );
  });

  it("is null without a severity target", () => {
    expect(resolutionDueAt({ ...base, severity: null, history: HISTORY }, TARGETS, d("2026-03-16T18:00:00Z"))).toBeNull();
    expect(resolutionDueAt({ ...base, severity: "low", history: HISTORY }, TARGETS, d("2026-03-16T18:00:00Z"))).toBeNull();
  });
});
