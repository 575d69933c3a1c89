import { describe, expect, it } from "vitest";
import { paretoRows, rankFixFirst, risingCauses, paretoChartRows, PARETO_MAX_BARS } from "./pareto";

const item = (key: string, count: number, label = key) => ({ key, label, count });

describe("paretoRows", () => {
  const rows = paretoRows([item("c", 5), item("a", 50), item("d", 5), item("b", 30), item("e", 10)]);

  it("orders by count, largest first, ties by label", () => {
    expect(rows.map((r) => r.key)).toEqual(["a", "b", "e", "c", "d"]);
  });

  it("adds cumulative counts and shares; the last share is exactly 1", () => {
    expect(rows.map((r) => r.cumulativeCount)).toEqual([50, 80, 90, 95, 100]);
    expect(rows.map((r) => r.share)).toEqual([0.5, 0.3, 0.1, 0.05, 0.05]);
    expect(rows.map((r) => r.cumulativeShare)).toEqual([0.5, 0.8, 0.9, 0.95, 1]);
  });

  it("marks the vital few up to and including the row that reaches 80%", () => {
    expect(rows.map((r) => r.vitalFew)).toEqual([true, true, false, false, false]);
  });

  it("includes the row that crosses 80% without landing on it", () => {
    const crossing = paretoRows([item("a", 5), item("b", 2), item("c", 1), item("d", 1)]);
    // 5/9 = 56%, 7/9 = 78%, 8/9 = 89% crosses the line, 9/9.
    expect(crossing.map((r) => r.vitalFew)).toEqual([true, true, true, false]);
  });

  it("sums to exactly 1 even when the shares do not add up in floating point", () => {
    const thirds = paretoRows([item("a", 1), item("b", 1), item("c", 1)]);
    expect(thirds.at(-1)!.cumulativeShare).toBe(1);
    expect(thirds.map((r) => r.key)).toEqual(["a", "b", "c"]);
  });

  it("breaks ties by label, then by key, and keeps extra fields", () => {
    const tied = paretoRows([
      { key: "2", label: "Billing", count: 4, fault: "service" },
      { key: "1", label: "Billing", count: 4, fault: "customer" },
      { key: "3", label: "Admin", count: 4, fault: "external" },
    ]);
    expect(tied.map((r) => r.key)).toEqual(["3", "1", "2"]);
    expect(tied[0]!.fault).toBe("external");
  });

  it("handles empty input, a single item and all-zero counts", () => {
    expect(paretoRows([])).toEqual([]);
    expect(paretoRows([item("only", 7)])).toEqual([
      { key: "only", label: "only", count: 7, share: 1, cumulativeCount: 7, cumulativeShare: 1, vitalFew: true },
    ]);
    const zeros = paretoRows([item("a", 0), item("b", 0)]);
    expect(zeros.map((r) => [r.cumulativeShare, r.vitalFew])).toEqual([[0, false], [0, false]]);
  });

  it("puts everything in one category when that is the truth", () => {
    const one = paretoRows([item("a", 0), item("b", 12), item("c", 0)]);
    expect(one.map((r) => [r.key, r.cumulativeShare, r.vitalFew])).toEqual([
      ["b", 1, true],
      ["a", 1, false],
      ["c", 1, false],
    ]);
  });

  it("rejects negative or fractional counts", () => {
    expect(() => paretoRows([item("a", -1)])).toThrow(RangeError);
    expect(() => paretoRows([item("a", 1.5)])).toThrow(RangeError);
  });
});

describe("risingCauses", () => {
  it("flags a cause whose share jumped, and not the ones that merely kept pace", () => {
    const previous = { damaged: 10, late: 10, rude: 5, billing: 25 };
    const current = { damaged: 30, late: 10, rude: 5, billing: 25 };
    const result = risingCauses(current, previous);
    expect(result[0]).toMatchObject({ key: "damaged", current: 30, previous: 10, rising: true });
    expect(result.filter((r) => r.rising).map((r) => r.key)).toEqual(["damaged"]);
    expect(result[0]!.currentShare).toBeCloseTo(30 / 70, 12);
    expect(result[0]!.adjustedPValue).toBeLessThan(0.05);
  });

  it("a busy season that doubles every cause flags nothing", () => {
    const result = risingCauses({ a: 40, b: 20, c: 10 }, { a: 20, b: 10, c: 5 });
    expect(result.some((r) => r.rising)).toBe(false);
  });

  it("needs the minimum count, however steep the rise", () => {
    const result = risingCauses({ rare: 4, common: 50 }, { rare: 0, common: 60 });
    const rare = result.find((r) => r.key === "rare")!;
    expect(rare.rising).toBe(false);
    expect(rare.adjustedPValue).toBeNull();
    expect(rare.pValue).toBeLessThan(0.05);
  });

  it("includes causes seen in only one period, and is stable for empty input", () => {
    const result = risingCauses({ fresh: 12, old: 20 }, { old: 40, gone: 8 });
    expect(result.map((r) => r.key).sort()).toEqual(["fresh", "gone", "old"]);
    expect(result.find((r) => r.key === "gone")).toMatchObject({ current: 0, previous: 8, rising: false });
    expect(result.find((r) => r.key === "fresh")!.rising).toBe(true);
    expect(risingCauses({}, {})).toEqual([]);
  });

  it("says nothing is rising without a previous period to compare with", () => {
    expect(risingCauses({ a: 30, b: 5 }, {}).some((r) => r.rising)).toBe(false);
  });

  it("adjusts for the number of causes tested", () => {
    // p ≈ 0.024 alone; with 11 causes tested, Holm lifts it to about 0.26.
    const previous: Record<string, number> = { x: 5 };
    const current: Record<string, number> = { x: 15 };
    for (let i = 0; i < 10; i++) {
      previous[`k${i}`] = 20;
      current[`k${i}`] = 20;
    }
    const x = risingCauses(current, previous).find((r) => r.key === "x")!;
    expect(x.pValue).toBeLessThan(0.05);
    expect(x.adjustedPValue).toBeGreaterThan(0.05);
    expect(x.rising).toBe(false);
  });
});

describe("rankFixFirst", () => {
  const cause = (key: string, complaints: number, attributed: number, attributedToService: number) => ({
    key, label: key, complaints, attributed, attributedToService,
  });

  it("puts a steady source of service faults before a bigger cause that is mostly the customers' doing", () => {
    const ranked = rankFixFirst([
      cause("customer-misuse", 60, 60, 6),
      cause("late-courier", 30, 30, 27),
      cause("two-unlucky", 2, 2, 2),
      cause("unattributed", 40, 0, 0),
    ]);
    expect(ranked.map((r) => r.key)).toEqual(["late-courier", "customer-misuse", "two-unlucky", "unattributed"]);
    expect(ranked.map((r) => r.rank)).toEqual([1, 2, 3, 4]);
    expect(ranked[0]!.score).toBeCloseTo(30 * ranked[0]!.serviceShare.low, 12);
    expect(ranked[3]!.score).toBe(0);
  });

  it("is deterministic on ties and empty input", () => {
    expect(rankFixFirst([cause("b", 10, 10, 5), cause("a", 10, 10, 5)]).map((r) => r.key)).toEqual(["a", "b"]);
    expect(rankFixFirst([])).toEqual([]);
  });
});

describe("paretoChartRows", () => {
  const byFault = (service: number, customer: number) => ({ service, customer, external: 0, undetermined: 0, unattributed: 0 });

  it("draws the top causes up to 80% and sums every other cause into one bar", () => {
    // 68 causes: two big ones (80 of 148), then 66 with about one complaint each.
    const items = [
      { key: "a", label: "Late courier", count: 50, byFault: byFault(40, 10) },
      { key: "b", label: "Wrong item", count: 30, byFault: byFault(30, 0) },
      ...Array.from({ length: 66 }, (_, i) => ({ key: `z${i}`, label: `Cause ${i}`, count: 1, byFault: byFault(i % 2, 1 - (i % 2)) })),
    ];
    const rows = paretoRows(items);
    const chart = paretoChartRows(rows);
    // 80 of 146 is 55%: the vital few run on to the 80% line, capped at PARETO_MAX_BARS bars.
    expect(chart.shown.map((r) => r.key)).toEqual(rows.filter((r) => r.vitalFew).slice(0, PARETO_MAX_BARS).map((r) => r.key));
    expect(chart.shown).toHaveLength(PARETO_MAX_BARS);
    expect(chart.others).toEqual({ causes: 68 - PARETO_MAX_BARS, count: 146 - 80 - (PARETO_MAX_BARS - 2), share: (146 - 80 - (PARETO_MAX_BARS - 2)) / 146, byFault: expect.any(Object) });
    const shownPlusOthers = chart.shown.reduce((s, r) => s + r.count, 0) + chart.others!.count;
    expect(shownPlusOthers).toBe(146);
    expect((chart.others!.byFault.service ?? 0) + (chart.others!.byFault.customer ?? 0)).toBe(chart.others!.count);
  });

  it("has no other-causes bar when the vital few are every cause", () => {
    const rows = paretoRows([{ key: "a", label: "Only", count: 3, byFault: byFault(3, 0) }]);
    expect(paretoChartRows(rows)).toEqual({ shown: rows, others: null });
  });

  it("stops at the 80% line on a typical spread", () => {
    const rows = paretoRows([
      { key: "a", label: "A", count: 60, byFault: byFault(60, 0) },
      { key: "b", label: "B", count: 25, byFault: byFault(0, 25) },
      { key: "c", label: "C", count: 10, byFault: byFault(5, 5) },
      { key: "d", label: "D", count: 5, byFault: byFault(5, 0) },
    ]);
    const chart = paretoChartRows(rows);
    expect(chart.shown.map((r) => r.key)).toEqual(["a", "b"]);
    expect(chart.others).toEqual({ causes: 2, count: 15, share: 0.15, byFault: byFault(10, 5) });
  });
});
