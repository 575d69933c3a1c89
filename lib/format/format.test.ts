import { describe, expect, it } from "vitest";
import { formatAge, formatCalendarDate } from "./dates";
import { formatBytes } from "./numbers";

describe("formatAge", () => {
  const now = new Date("2026-05-10T12:00:00Z");
  it.each([
    ["2026-05-10T11:59:40Z", "just now"],
    ["2026-05-10T11:48:00Z", "12 min"],
    ["2026-05-10T07:00:00Z", "5 h"],
    ["2026-05-07T11:00:00Z", "3 d"],
    ["2025-12-01T12:00:00Z", "5 mo"],
    ["2023-05-01T12:00:00Z", "3 y"],
  ])("%s is %s ago", (then, expected) => {
    expect(formatAge(new Date(then), now)).toBe(expected);
  });
});

describe("formatters", () => {
  it("shows calendar dates without shifting the day", () => {
    expect(formatCalendarDate("2026-03-04")).toBe("4 Mar 2026");
  });
  it("shows sizes in readable units", () => {
    expect(formatBytes(512)).toBe("512 B");
    expect(formatBytes(2048)).toBe("2 KB");
    expect(formatBytes(3 * 1024 * 1024)).toBe("3.0 MB");
  });
});
