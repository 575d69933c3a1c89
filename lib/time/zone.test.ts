import { describe, expect, it } from "vitest";
import { addDays, addMonths, businessTimeZoneOf, calendarDaysBetween, DEFAULT_TIME_ZONE, daysBetween, instantToLocal, isoWeekday, isTimeZone, localDateTimeToInstant, localDayRange, localHour, startOfLocalDate, utcOffsetMinutes } from "./zone";

describe("the business's time zone", () => {
  it("is the zone stored, or the default for none or one the runtime does not know", () => {
    expect(businessTimeZoneOf("America/New_York")).toBe("America/New_York");
    expect(businessTimeZoneOf("UTC")).toBe("UTC");
    expect(DEFAULT_TIME_ZONE).toBe("Europe/London");
    for (const missing of [null, undefined, "", "Mars/Olympus_Mons"]) expect(businessTimeZoneOf(missing)).toBe(DEFAULT_TIME_ZONE);
  });
});

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

  it("reads the local hour and moves dates by calendar days", () => {
    expect(localHour(new Date("2026-03-29T06:30:00Z"), "Europe/London")).toBe(7);
    expect(localHour(new Date("2026-03-28T06:30:00Z"), "Europe/London")).toBe(6);
    expect(addDays("2026-02-28", 1)).toBe("2026-03-01");
    expect(addDays("2026-01-01", -1)).toBe("2025-12-31");
  });
});


const instant = (date: string, time: string, zone: string) => {
  const result = localDateTimeToInstant(date, time, zone);
  if (!result.ok) throw new Error(result.message);
  return result.instant.toISOString();
};

describe("localDateTimeToInstant", () => {
  it("uses summer time on the day the clocks go forward in London", () => {
    expect(instant("2026-03-29", "10:00", "Europe/London")).toBe("2026-03-29T09:00:00.000Z");
    expect(instant("2026-03-28", "10:00", "Europe/London")).toBe("2026-03-28T10:00:00.000Z");
  });

  it("uses winter time again after the clocks go back", () => {
    expect(instant("2026-10-25", "10:00", "Europe/London")).toBe("2026-10-25T10:00:00.000Z");
    expect(instant("2026-10-24", "10:00", "Europe/London")).toBe("2026-10-24T09:00:00.000Z");
  });

  it("takes the first of a time that happens twice when the clocks go back", () => {
    expect(instant("2026-10-25", "01:30", "Europe/London")).toBe("2026-10-25T00:30:00.000Z");
  });

  it("refuses a time skipped when the clocks go forward", () => {
    const result = localDateTimeToInstant("2026-03-29", "01:30", "Europe/London");
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining("clocks go forward") });
  });

  it("handles zones west of UTC and half-hour offsets", () => {
    expect(instant("2026-03-08", "12:00", "America/New_York")).toBe("2026-03-08T16:00:00.000Z");
    expect(instant("2026-01-15", "09:00", "Asia/Kolkata")).toBe("2026-01-15T03:30:00.000Z");
    expect(instant("2026-01-15", "09:00", "UTC")).toBe("2026-01-15T09:00:00.000Z");
  });

  it("refuses impossible dates and malformed input", () => {
    expect(localDateTimeToInstant("2026-02-30", "10:00", "UTC").ok).toBe(false);
    expect(localDateTimeToInstant("29/03/2026", "10:00", "UTC").ok).toBe(false);
    expect(localDateTimeToInstant("2026-03-29", "25:00", "UTC").ok).toBe(false);
  });
});

describe("instantToLocal and offsets", () => {
  it("reads an instant back as local date and time", () => {
    expect(instantToLocal(new Date("2026-03-29T09:00:00Z"), "Europe/London")).toEqual({ date: "2026-03-29", time: "10:00" });
    expect(instantToLocal(new Date("2026-01-01T02:00:00Z"), "America/New_York")).toEqual({ date: "2025-12-31", time: "21:00" });
  });

  it("reports offsets from the platform's zone data", () => {
    expect(utcOffsetMinutes(new Date("2026-07-01T12:00:00Z"), "Europe/London")).toBe(60);
    expect(utcOffsetMinutes(new Date("2026-01-01T12:00:00Z"), "Europe/London")).toBe(0);
    expect(utcOffsetMinutes(new Date("2026-01-01T12:00:00Z"), "America/New_York")).toBe(-300);
  });

  it("adds calendar days across month ends", () => {
    expect(addDays("2026-03-28", 7)).toBe("2026-04-04");
    expect(addDays("2026-12-30", 3)).toBe("2027-01-02");
  });
});

describe("calendar dates", () => {
  it("counts days and months on the calendar", () => {
    expect(daysBetween("2026-01-01", "2026-01-03")).toBe(2);
    expect(daysBetween("2026-03-28", "2026-03-30")).toBe(2);
    expect(addMonths("2026-03-31", -1)).toBe("2026-02-28");
    expect(isoWeekday("2026-03-29")).toBe(7);
    expect(isoWeekday("2026-03-30")).toBe(1);
  });

  it("knows the zones the runtime knows, and refuses others", () => {
    expect(isTimeZone("Europe/London")).toBe(true);
    expect(isTimeZone("Mars/Olympus_Mons")).toBe(false);
    expect(() => calendarDaysBetween(new Date(), new Date(), "Mars/Olympus_Mons")).toThrow(RangeError);
    expect(() => localDateTimeToInstant("2026-03-29", "10:00", "Mars/Olympus_Mons")).toThrow(RangeError);
  });
});
