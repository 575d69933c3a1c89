import { afterEach, describe, expect, it, vi } from "vitest";

// `after` runs its callback once the response has been sent; here the test sends it.
const sent: (() => void)[] = [];
vi.mock("server-only", () => ({}));
vi.mock("next/server", () => ({ after: (callback: () => void) => sent.push(callback) }));
const { waitForHeavyPageTurn, isHeavyPage } = await import("./heavy-pages");
const { startCaseWork } = await import("./case-work");

const settled = () => new Promise((resolve) => setImmediate(resolve));

describe("heavy pages take turns", () => {
  afterEach(() => {
    while (sent.length) sent.shift()!();
    vi.useRealTimers();
  });

  it("renders one heavy page at a time: the next starts once the previous response has been sent", async () => {
    const started: number[] = [];
    await waitForHeavyPageTurn().then(() => started.push(1));
    void waitForHeavyPageTurn().then(() => started.push(2));
    void waitForHeavyPageTurn().then(() => started.push(3));
    await settled();
    expect(started).toEqual([1]);
    sent.shift()!();
    await settled();
    expect(started).toEqual([1, 2]);
    sent.shift()!();
    await settled();
    expect(started).toEqual([1, 2, 3]);
  });

  it("gives the turn back after its lease should the response never be reported sent", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    await waitForHeavyPageTurn();
    const lost = sent.shift()!;
    let next = false;
    void waitForHeavyPageTurn().then(() => (next = true));
    await settled();
    expect(next).toBe(false);
    vi.advanceTimersByTime(30_000);
    await settled();
    expect(next).toBe(true);
    lost(); // late: releasing twice releases once
  });

  it("starts, once its turn has come, only when no agent's page is in flight (or after a second)", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const agentsPage = startCaseWork();
    let started = false;
    void waitForHeavyPageTurn().then(() => (started = true));
    await settled();
    expect(started).toBe(false);
    agentsPage();
    await settled();
    expect(started).toBe(true);

    const busy = startCaseWork();
    let next = false;
    sent.shift()!();
    void waitForHeavyPageTurn().then(() => (next = true));
    await settled();
    vi.advanceTimersByTime(999);
    await settled();
    expect(next).toBe(false);
    vi.advanceTimersByTime(1);
    await settled();
    expect(next).toBe(true);
    busy();
  });

  it("counts every workspace page as case work but the analytics pages", () => {
    expect(isHeavyPage("/analytics")).toBe(true);
    expect(isHeavyPage("/analytics?range=12m")).toBe(true);
    expect(isHeavyPage("/cases")).toBe(false);
    expect(isHeavyPage("/analytics-notes")).toBe(false);
    expect(isHeavyPage("/analytics/export/staff")).toBe(true);
  });
});
