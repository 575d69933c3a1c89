import { describe, expect, it } from "vitest";
import { addCalendarDays, instantToLocal, localDateTimeToInstant, utcOffsetMinutes } from "./local-time";

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
    expect(addCalendarDays("2026-03-28", 7)).toBe("2026-04-04");
    expect(addCalendarDays("2026-12-30", 3)).toBe("2027-01-02");
  });
});
