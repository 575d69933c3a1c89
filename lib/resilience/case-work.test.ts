import { afterEach, describe, expect, it, vi } from "vitest";
import { caseWorkActive, caseWorkInFlight, quietMoment, startCaseWork } from "./case-work";

const settled = () => new Promise((resolve) => setImmediate(resolve));

describe("agents first: heavy work waits for a quiet moment", () => {
  afterEach(() => {
    vi.useRealTimers();
    expect(caseWorkInFlight()).toBe(0);
  });

  it("goes at once when no case work is in flight", async () => {
    let went = false;
    void quietMoment(1_000).then(() => (went = true));
    await settled();
    expect(went).toBe(true);
  });

  it("waits while case work is in flight, and goes when the last piece is done", async () => {
    const first = startCaseWork();
    const second = startCaseWork();
    let went = false;
    void quietMoment(60_000).then(() => (went = true));
    await settled();
    expect(went).toBe(false);
    first();
    first(); // done twice counts once: the second piece is still in flight
    await settled();
    expect(went).toBe(false);
    second();
    await settled();
    expect(went).toBe(true);
  });

  it("never waits longer than its bound, so reports are slowed but not stopped by a busy instance", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const busy = startCaseWork();
    let went = false;
    void quietMoment(250).then(() => (went = true));
    vi.advanceTimersByTime(249);
    await settled();
    expect(went).toBe(false);
    vi.advanceTimersByTime(1);
    await settled();
    expect(went).toBe(true);
    busy();
  });

  it("stops counting a piece of case work whose end is never reported, after its lease", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const lost = startCaseWork();
    expect(caseWorkInFlight()).toBe(1);
    vi.advanceTimersByTime(30_000);
    expect(caseWorkInFlight()).toBe(0);
    lost(); // late: counts once
    expect(caseWorkInFlight()).toBe(0);
  });

  it("says agents are at work while a page is in flight and for a while after the last one", () => {
    vi.useFakeTimers({ toFake: ["performance"] });
    const page = startCaseWork();
    expect(caseWorkActive(1_000)).toBe(true);
    page();
    vi.advanceTimersByTime(999);
    expect(caseWorkActive(1_000)).toBe(true);
    vi.advanceTimersByTime(1);
    expect(caseWorkActive(1_000)).toBe(false);
  });
});
