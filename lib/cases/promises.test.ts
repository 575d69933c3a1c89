import { describe, expect, it } from "vitest";
import { calendarDaysBetween, localDate } from "@/lib/time/zone";
import { describeDue, promiseState } from "./promises";

const d = (iso: string) => new Date(iso);
const open = (dueAt: string) => ({ dueAt: d(dueAt), keptAt: null });
const LONDON = "Europe/London";
const NEW_YORK = "America/New_York";

describe("promiseState and describeDue", () => {
  const now = "2026-05-12T10:00:00Z"; // Tuesday 11:00 in London
  it.each([
    ["later today", "2026-05-12T16:00:00Z", "due_today", "due today"],
    ["tomorrow", "2026-05-13T09:00:00Z", "due_soon", "due tomorrow"],
    ["in 2 days", "2026-05-14T09:00:00Z", "due_soon", "due in 2 days"],
    ["in 3 days", "2026-05-15T09:00:00Z", "open", "due in 3 days"],
    ["an hour ago", "2026-05-12T09:00:00Z", "broken", "1 hour overdue"],
    ["minutes ago", "2026-05-12T09:45:00Z", "broken", "just overdue"],
    ["yesterday", "2026-05-11T16:00:00Z", "broken", "1 day overdue"],
    ["two days ago", "2026-05-10T16:00:00Z", "broken", "2 days overdue"],
  ] as const)("due %s", (_label, dueAt, state, phrase) => {
    expect(promiseState(open(dueAt), d(now), LONDON)).toBe(state);
    expect(describeDue(open(dueAt), d(now), LONDON)).toBe(phrase);
  });

  it("a kept promise is kept whatever its date", () => {
    const kept = { dueAt: d("2026-05-01T00:00:00Z"), keptAt: d("2026-05-03T00:00:00Z") };
    expect(promiseState(kept, d(now), LONDON)).toBe("kept");
    expect(describeDue(kept, d(now), LONDON)).toBe("kept");
  });

  it("is due, not broken, at the exact due instant", () => {
    expect(promiseState(open(now), d(now), LONDON)).toBe("due_today");
  });
});

describe("across the Europe/London change to summer time (29 March 2026)", () => {
  it("24 hours from late Saturday lands two calendar days later", () => {
    // Sat 28 Mar 23:30 GMT → Mon 30 Mar 00:30 BST: exactly 24 h, but two local dates on.
    const promise = open("2026-03-29T23:30:00Z");
    expect(localDate(promise.dueAt, LONDON)).toBe("2026-03-30");
    expect(describeDue(promise, d("2026-03-28T23:30:00Z"), LONDON)).toBe("due in 2 days");
    expect(promiseState(promise, d("2026-03-28T23:30:00Z"), LONDON)).toBe("due_soon");
  });

  it("the same UTC date can be tomorrow in London", () => {
    // Sun 29 Mar 00:30 GMT → Mon 30 Mar 00:30 BST.
    expect(describeDue(open("2026-03-29T23:30:00Z"), d("2026-03-29T00:30:00Z"), LONDON)).toBe("due tomorrow");
    // Sun 29 Mar 23:59 BST is still today.
    expect(describeDue(open("2026-03-29T22:59:00Z"), d("2026-03-29T00:30:00Z"), LONDON)).toBe("due today");
  });

  it("counts overdue days by local date across the change", () => {
    // Due Sat 28 Mar 12:00 GMT, now Mon 30 Mar 00:30 BST; Sunday 29 March had only 23 hours.
    expect(describeDue(open("2026-03-28T12:00:00Z"), d("2026-03-29T23:30:00Z"), LONDON)).toBe("2 days overdue");
  });
});

describe("America/New_York, where the UTC date differs from the local date", () => {
  const now = d("2026-06-10T02:00:00Z"); // Tue 9 June 22:00 EDT

  it("a promise on the same UTC date is due tomorrow locally", () => {
    const promise = open("2026-06-10T15:00:00Z"); // Wed 10 June 11:00 EDT
    expect(localDate(now, NEW_YORK)).toBe("2026-06-09");
    expect(describeDue(promise, now, NEW_YORK)).toBe("due tomorrow");
    expect(promiseState(promise, now, NEW_YORK)).toBe("due_soon");
    // In London that same instant pair is the same day.
    expect(describeDue(promise, now, LONDON)).toBe("due today");
  });

  it("a promise on the previous UTC date is only hours overdue locally", () => {
    const promise = open("2026-06-09T20:00:00Z"); // Tue 9 June 16:00 EDT
    expect(describeDue(promise, now, NEW_YORK)).toBe("6 hours overdue");
    expect(promiseState(promise, now, NEW_YORK)).toBe("broken");
  });

  it("late tonight is still today", () => {
    expect(promiseState(open("2026-06-10T03:59:00Z"), now, NEW_YORK)).toBe("due_today");
  });
});

describe("calendarDaysBetween", () => {
  it("is negative backwards and zero within a day", () => {
    expect(calendarDaysBetween(d("2026-01-02T12:00:00Z"), d("2025-12-30T12:00:00Z"), LONDON)).toBe(-3);
    expect(calendarDaysBetween(d("2026-01-02T00:01:00Z"), d("2026-01-02T23:59:00Z"), LONDON)).toBe(0);
  });

  it("rejects an unknown time zone", () => {
    expect(() => calendarDaysBetween(new Date(), new Date(), "Mars/Olympus_Mons")).toThrow(RangeError);
  });
});
