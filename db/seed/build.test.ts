import { describe, expect, it } from "vitest";
import { buildDemoData, type BuildInput } from "./build";
import { createRandom } from "./random";
import { PROCESS_KEYS, ROOT_CAUSE_KEYS } from "./taxonomy";

const ids = (keys: readonly string[]) => Object.fromEntries(keys.map((k, i) => [k, `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`]));

const input: BuildInput = {
  seed: 7,
  now: new Date("2026-11-23T10:30:00Z"),
  staffIds: ids(["owner", "supervisor", "alex", "priya", "tom", "jo", "former"]) as BuildInput["staffIds"],
  processIds: ids(PROCESS_KEYS) as BuildInput["processIds"],
  rootCauseIds: ids(ROOT_CAUSE_KEYS) as BuildInput["rootCauseIds"],
  severityHours: { low: 48, medium: 24, high: 8, critical: 2 },
  followUpDelayDays: 7,
};

describe("random", () => {
  it("repeats the same sequence for the same seed", () => {
    const a = createRandom(42);
    const b = createRandom(42);
    expect(Array.from({ length: 5 }, () => a.next())).toEqual(Array.from({ length: 5 }, () => b.next()));
    expect(createRandom(43).next()).not.toBe(createRandom(42).next());
  });
});

describe("buildDemoData", () => {
  it("produces the same story for the same seed and time", () => {
    const shape = (d: ReturnType<typeof buildDemoData>) =>
      d.complaints.map((c) => [c.description, c.status, c.receivedAt?.toISOString(), c.minutesSpent, c.severity]);
    expect(shape(buildDemoData(input))).toEqual(shape(buildDemoData(input)));
  });

  it("keeps each case's events in time order, between receipt and now", () => {
    const data = buildDemoData(input);
    const received = new Map(data.complaints.map((c) => [c.id, c.receivedAt!.getTime()]));
    const last = new Map<string, number>();
    const outOfOrder = data.events.filter((event) => {
      const at = event.createdAt!.getTime();
      const bad = at < received.get(event.complaintId)! || at < (last.get(event.complaintId) ?? 0) || at > input.now.getTime();
      last.set(event.complaintId, at);
      return bad;
    });
    expect(outOfOrder).toEqual([]);
  });

  it("gives every complaint a unique reference", () => {
    const data = buildDemoData(input);
    expect(new Set(data.complaints.map((c) => c.reference)).size).toBe(data.complaints.length);
  });
});
