import { describe, expect, it } from "vitest";
import { localDate } from "@/lib/time/zone";
import { casesHref, filtersQuery, parseAnalyticsFilters, presetRange } from "./filters";

const TODAY = "2026-11-23";
const UUID = "0b4c1c62-4bd8-4a8f-9d39-8f0f3c1d2e3a";

describe("parseAnalyticsFilters", () => {
  it("defaults to the last 90 days, both ends included, with no notices", () => {
    expect(parseAnalyticsFilters({}, TODAY)).toEqual({
      filters: { range: "90d", from: "2026-08-26", to: TODAY, days: 90, processId: null, channel: null, staffId: null },
      rangeRefused: null,
      typed: {},
      notices: [],
    });
  });

  it("knows each preset", () => {
    expect(presetRange("30d", TODAY)).toEqual({ from: "2026-10-25", to: TODAY });
    expect(presetRange("6m", TODAY)).toEqual({ from: "2026-05-24", to: TODAY });
    expect(presetRange("12m", TODAY)).toEqual({ from: "2025-11-24", to: TODAY });
    expect(presetRange("all", TODAY, "2019-04-02")).toEqual({ from: "2019-04-02", to: TODAY });
    // The 31st minus a month lands on the last day of the shorter month.
    expect(presetRange("6m", "2026-08-31")).toEqual({ from: "2026-03-01", to: "2026-08-31" });
  });

  it("accepts a custom range and the other filters", () => {
    const { filters, notices } = parseAnalyticsFilters({ range: "custom", from: "2026-01-01", to: "2026-01-31", process: UUID.toUpperCase(), channel: "phone", staff: UUID }, TODAY);
    expect(notices).toEqual([]);
    expect(filters).toEqual({ range: "custom", from: "2026-01-01", to: "2026-01-31", days: 31, processId: UUID, channel: "phone", staffId: UUID });
    expect(parseAnalyticsFilters({ from: "2026-01-01", to: "2026-01-02" }, TODAY).filters.range).toBe("custom");
  });

  it("accepts a custom range of any length, and all time from the earliest complaint", () => {
    const long = parseAnalyticsFilters({ range: "custom", from: "2014-01-01", to: "2026-03-01" }, TODAY);
    expect(long.rangeRefused).toBeNull();
    expect(long.filters).toMatchObject({ range: "custom", from: "2014-01-01", to: "2026-03-01", days: 4443 });
    const all = parseAnalyticsFilters({ range: "all" }, TODAY, "2011-12-01");
    expect(all).toMatchObject({ rangeRefused: null, filters: { range: "all", from: "2011-12-01", to: TODAY } });
    // With nothing on record, all time is today.
    expect(parseAnalyticsFilters({ range: "all" }, TODAY, null).filters).toMatchObject({ from: TODAY, to: TODAY, days: 1 });
  });

  it("refuses a bad range with its specific reason, never silently: the fallback is named", () => {
    const cases: Array<[Record<string, string>, string]> = [
      [{ range: "forever" }, '"forever" is not a date range we know.'],
      [{ range: "custom", to: "2026-03-01" }, "A custom range needs a start date."],
      [{ range: "custom", from: "2026-02-30", to: "2026-03-01" }, 'The start date "2026-02-30" is not a real date (use YYYY-MM-DD).'],
      [{ range: "custom", from: "2026-02-01", to: "March" }, 'The end date "March" is not a real date (use YYYY-MM-DD).'],
      [{ range: "custom", from: "2026-03-02", to: "2026-03-01" }, "The end date (2026-03-01) is before the start date (2026-03-02)."],
      [{ range: "custom", from: "1969-12-31", to: "2026-03-01" }, "The start date (1969-12-31) is before 1970-01-01; no complaint can be that old."],
    ];
    for (const [params, reason] of cases) {
      const parsed = parseAnalyticsFilters(params, TODAY);
      expect(parsed.rangeRefused).toBe(reason);
      expect(parsed.notices).toEqual([]);
      expect(parsed.filters).toMatchObject({ range: "90d", from: "2026-08-26", to: TODAY });
      expect(parsed.typed).toEqual({ from: params.from, to: params.to });
    }
  });

  it("falls back to every process, channel or staff member with a notice for an invalid one", () => {
    const cases: Array<[Record<string, string>, RegExp]> = [
      [{ process: "delivery" }, /process in the link is not valid/],
      [{ staff: "1" }, /staff member in the link is not valid/],
      [{ channel: "fax" }, /not a channel/],
    ];
    for (const [params, message] of cases) {
      const { filters, notices, rangeRefused } = parseAnalyticsFilters(params, TODAY);
      expect(notices).toEqual([expect.stringMatching(message)]);
      expect(rangeRefused).toBeNull();
      expect(filters).toMatchObject({ processId: null, channel: null, staffId: null });
    }
  });

  it("ignores empty fields from the filter form", () => {
    expect(parseAnalyticsFilters({ range: "30d", process: "", channel: "", staff: "" }, TODAY).notices).toEqual([]);
  });
});

describe("links", () => {
  const { filters } = parseAnalyticsFilters({ range: "custom", from: "2026-01-01", to: "2026-01-31", channel: "web" }, TODAY);

  it("round-trips the filters through the URL, leaving defaults out", () => {
    expect(filtersQuery(parseAnalyticsFilters({}, TODAY).filters)).toBe("");
    const query = filtersQuery(filters);
    expect(query).toBe("range=custom&from=2026-01-01&to=2026-01-31&channel=web");
    expect(parseAnalyticsFilters(Object.fromEntries(new URLSearchParams(query)), TODAY).filters).toEqual(filters);
  });

  it("opens the case list with the same dates and the clicked element", () => {
    expect(casesHref(filters, { rootCause: UUID })).toBe(`/cases?from=2026-01-01&to=2026-01-31&channel=web&rootCause=${UUID}`);
  });

  it("reads today in the business's time zone", () => {
    expect(localDate(new Date("2026-06-30T23:30:00Z"), "Europe/London")).toBe("2026-07-01");
    expect(localDate(new Date("2026-06-30T23:30:00Z"), "UTC")).toBe("2026-06-30");
  });
});
