import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addBusinessDays, businessDaysBetween, isBusinessDay, MONDAY_TO_FRIDAY, type WorkingCalendar } from "./business-days";
import { instantToLocal, localDate } from "./zone";

const LONDON: WorkingCalendar = { timeZone: "Europe/London", workingDays: MONDAY_TO_FRIDAY, holidays: ["2026-04-03", "2026-04-06", "2026-12-25", "2026-12-28"] };
const NEW_YORK: WorkingCalendar = { timeZone: "America/New_York", workingDays: MONDAY_TO_FRIDAY, holidays: [] };
const at = (iso: string) => new Date(iso);

describe("addBusinessDays", () => {
  it("skips the weekend", () => {
    // Thu 12 Mar 2026 10:00 GMT + 2 business days = Mon 16 Mar, same wall time.
    expect(addBusinessDays(at("2026-03-12T10:00:00Z"), 2, LONDON).toISOString()).toBe("2026-03-16T10:00:00.000Z");
    // Saturday + 1 is Monday; Sunday - 1 is Friday.
    expect(addBusinessDays(at("2026-03-14T10:00:00Z"), 1, LONDON).toISOString()).toBe("2026-03-16T10:00:00.000Z");
    expect(addBusinessDays(at("2026-03-15T10:00:00Z"), -1, LONDON).toISOString()).toBe("2026-03-13T10:00:00.000Z");
    expect(addBusinessDays(at("2026-03-14T10:00:00Z"), 0, LONDON).toISOString()).toBe("2026-03-14T10:00:00.000Z");
  });

  it("keeps the wall-clock time across the week the clocks go forward (London, 29 March)", () => {
    // Fri 27 Mar 09:00 GMT + 1 = Mon 30 Mar 09:00 BST (08:00Z): 71 hours, not 72.
    expect(addBusinessDays(at("2026-03-27T09:00:00Z"), 1, LONDON).toISOString()).toBe("2026-03-30T08:00:00.000Z");
    expect(addBusinessDays(at("2026-03-30T08:00:00Z"), -1, LONDON).toISOString()).toBe("2026-03-27T09:00:00.000Z");
  });

  it("keeps the wall-clock time across the week the clocks go back (New York, 1 November)", () => {
    // Fri 30 Oct 17:00 EDT (21:00Z) + 1 = Mon 2 Nov 17:00 EST (22:00Z).
    expect(addBusinessDays(at("2026-10-30T21:00:00Z"), 1, NEW_YORK).toISOString()).toBe("2026-11-02T22:00:00.000Z");
  });

  it("judges the weekday on the local calendar, not UTC's", () => {
    // Fri 6 Nov 22:00 EST is Saturday 03:00 in UTC; +1 is still Monday 9 Nov 22:00 EST.
    expect(addBusinessDays(at("2026-11-07T03:00:00Z"), 1, NEW_YORK).toISOString()).toBe("2026-11-10T03:00:00.000Z");
  });

  it("skips holidays (Easter 2026 and a Christmas that falls on a Friday)", () => {
    // Thu 2 Apr + 1: Good Friday, the weekend and Easter Monday are skipped, so Tue 7 Apr.
    expect(localDate(addBusinessDays(at("2026-04-02T12:00:00Z"), 1, LONDON), "Europe/London")).toBe("2026-04-07");
    expect(localDate(addBusinessDays(at("2026-04-07T12:00:00Z"), -1, LONDON), "Europe/London")).toBe("2026-04-02");
    expect(localDate(addBusinessDays(at("2026-12-24T12:00:00Z"), 1, LONDON), "Europe/London")).toBe("2026-12-29");
  });

  it("moves a time skipped by the clocks forward by the gap", () => {
    const tz: WorkingCalendar = { ...LONDON, workingDays: [1, 2, 3, 4, 5, 6, 7] };
    // Sat 28 Mar 01:30 GMT + 1 = Sun 29 Mar, where 01:30 does not exist: 02:30 BST (01:30Z).
    expect(addBusinessDays(at("2026-03-28T01:30:00Z"), 1, tz).toISOString()).toBe("2026-03-29T01:30:00.000Z");
  });

  it("refuses fractions and calendars without working days", () => {
    expect(() => addBusinessDays(at("2026-03-12T10:00:00Z"), 1.5, LONDON)).toThrow(RangeError);
    expect(() => addBusinessDays(at("2026-03-12T10:00:00Z"), 1, { ...LONDON, workingDays: [] })).toThrow(RangeError);
  });
});

describe("businessDaysBetween", () => {
  it("counts the business days after the first date up to and including the second", () => {
    expect(businessDaysBetween(at("2026-03-13T10:00:00Z"), at("2026-03-16T10:00:00Z"), LONDON)).toBe(1); // Fri → Mon
    expect(businessDaysBetween(at("2026-03-16T08:00:00Z"), at("2026-03-16T18:00:00Z"), LONDON)).toBe(0);
    expect(businessDaysBetween(at("2026-03-16T10:00:00Z"), at("2026-03-13T10:00:00Z"), LONDON)).toBe(-1);
    expect(businessDaysBetween(at("2026-03-09T10:00:00Z"), at("2026-03-23T10:00:00Z"), LONDON)).toBe(10);
  });

  it("leaves out holidays and counts a DST week as five days", () => {
    expect(businessDaysBetween(at("2026-03-27T12:00:00Z"), at("2026-04-03T11:00:00Z"), LONDON)).toBe(4); // Good Friday not worked
    expect(businessDaysBetween(at("2026-10-23T12:00:00Z"), at("2026-10-30T12:00:00Z"), LONDON)).toBe(5);
    expect(businessDaysBetween(at("2026-12-24T12:00:00Z"), at("2026-12-31T12:00:00Z"), LONDON)).toBe(3);
  });

  it("works for a business open Sunday to Thursday", () => {
    const gulf: WorkingCalendar = { timeZone: "Asia/Dubai", workingDays: [7, 1, 2, 3, 4], holidays: [] };
    expect(isBusinessDay("2026-03-13", gulf)).toBe(false); // Friday
    expect(isBusinessDay("2026-03-15", gulf)).toBe(true); // Sunday
    expect(localDate(addBusinessDays(at("2026-03-12T08:00:00Z"), 1, gulf), "Asia/Dubai")).toBe("2026-03-15");
  });
});

describe("business days: properties", () => {
  const zones = fc.constantFrom("Europe/London", "America/New_York", "Australia/Sydney", "America/Santiago", "Asia/Kolkata", "UTC");
  const instant = fc.date({ min: new Date("2024-01-01T00:00:00Z"), max: new Date("2028-12-31T00:00:00Z"), noInvalidDate: true });
  const workingDays = fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 });
  const holidays = fc.uniqueArray(
    fc.date({ min: new Date("2024-01-01T00:00:00Z"), max: new Date("2028-12-31T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
    { maxLength: 20 },
  );
  const calendar = fc.record({ timeZone: zones, workingDays, holidays });

  it("lands on a business day, the right number of business days away, at the same wall time unless skipped", () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: -40, max: 40 }), calendar, (from, days, cal) => {
        const to = addBusinessDays(from, days, cal);
        // Backwards from a day not worked, the first business day is one step (Sunday - 1 is Friday).
        const fromWorked = isBusinessDay(localDate(from, cal.timeZone), cal);
        expect(businessDaysBetween(from, to, cal)).toBe(days >= 0 || fromWorked ? days : days + 1);
        if (days !== 0) expect(isBusinessDay(localDate(to, cal.timeZone), cal)).toBe(true);
        if (days > 0) expect(to.getTime()).toBeGreaterThan(from.getTime());
        if (days < 0) expect(to.getTime()).toBeLessThan(from.getTime());
        const [a, b] = [instantToLocal(from, cal.timeZone).time, instantToLocal(to, cal.timeZone).time];
        if (a !== b) expect(Math.abs(to.getTime() - from.getTime()) % 3_600_000).toBe(0); // only an hour's gap moves it
      }),
    );
  });

  it("is antisymmetric and adds up over a middle point", () => {
    fc.assert(
      fc.property(instant, instant, instant, calendar, (a, b, c, cal) => {
        expect(businessDaysBetween(a, b, cal) + businessDaysBetween(b, a, cal)).toBe(0);
        expect(businessDaysBetween(a, b, cal) + businessDaysBetween(b, c, cal)).toBe(businessDaysBetween(a, c, cal));
      }),
      { numRuns: 50 },
    );
  });
});
