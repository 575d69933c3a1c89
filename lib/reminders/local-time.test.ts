import { describe, expect, it } from "vitest";
import { addLocalDays, dueWhen, localDayRange, localHour, startOfLocalDate } from "./local-time";

describe("local days in the business's time zone", () => {
  it("finds midnight on ordinary days in several zones", () => {
    expect(startOfLocalDate("2026-07-01", "Europe/London").toISOString()).toBe("2026-06-30T23:00:00.000Z");
    expect(startOfLocalDate("2026-01-15", "America/New_York").toISOString()).toBe("2026-01-15T05:00:00.000Z");
    expect(startOfLocalDate("2026-01-15", "Asia/Kolkata").toISOString()).toBe("2026-01-14T18:30:00.000Z");
    expect(startOfLocalDate("2026-01-15", "Pacific/Auckland").toISOString()).toBe("2026-01-14T11:00:00.000Z");
  });

  it("gives the spring-forward day 23 hours and the fall-back day 25 (London)", () => {
    const spring = localDayRange(new Date("2026-03-29T12:00:00Z"), "Europe/London");
    expect(spring.start.toISOString()).toBe("2026-03-29T00:00:00.000Z");
    expect(spring.end.toISOString()).toBe("2026-03-29T23:00:00.000Z");
    const autumn = localDayRange(new Date("2026-10-25T12:00:00Z"), "Europe/London");
    expect(autumn.start.toISOString()).toBe("2026-10-24T23:00:00.000Z");
    expect(autumn.end.toISOString()).toBe("2026-10-26T00:00:00.000Z");
  });

  it("handles a zone whose midnight is skipped (Santiago springs forward at 00:00)", () => {
    // 2026-09-06: clocks go from 00:00 to 01:00, so the day starts at 01:00 local (04:00 UTC).
    expect(startOfLocalDate("2026-09-06", "America/Santiago").toISOString()).toBe("2026-09-06T04:00:00.000Z");
    expect(startOfLocalDate("2026-09-07", "America/Santiago").toISOString()).toBe("2026-09-07T03:00:00.000Z");
  });

  it("says overdue, today or later by the local calendar, across a DST change", () => {
    const tz = "America/New_York";
    // 2026-03-08 is the spring-forward day in New York: 23:30 local is 03:30Z on the 9th.
    const now = new Date("2026-03-08T15:00:00Z"); // 11:00 EDT
    expect(dueWhen(new Date("2026-03-08T14:00:00Z"), now, tz)).toBe("overdue");
    expect(dueWhen(new Date("2026-03-09T03:30:00Z"), now, tz)).toBe("today");
    expect(dueWhen(new Date("2026-03-09T04:00:00Z"), now, tz)).toBe("later"); // 00:00 on the 9th
    // The same instant is "today" in New York but already tomorrow in London.
    expect(dueWhen(new Date("2026-03-09T03:30:00Z"), now, "Europe/London")).toBe("later");
  });

  it("reads the local hour and moves dates by calendar days", () => {
    expect(localHour(new Date("2026-03-29T06:30:00Z"), "Europe/London")).toBe(7);
    expect(localHour(new Date("2026-03-28T06:30:00Z"), "Europe/London")).toBe(6);
    expect(addLocalDays("2026-02-28", 1)).toBe("2026-03-01");
    expect(addLocalDays("2026-01-01", -1)).toBe("2025-12-31");
  });
});
