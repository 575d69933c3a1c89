import { describe, expect, it } from "vitest";
import { formatCents, parseMoneyToCents } from "./money";

describe("parseMoneyToCents", () => {
  it.each([
    ["25", 2500],
    ["25.5", 2550],
    ["25.50", 2550],
    ["£25.50", 2550],
    ["£ 25", 2500],
    ["GBP 25", 2500],
    ["1,250.00", 125_000],
    ["0", 0],
    [".5", 50],
    ["  12.05 ", 1205],
    ["100000", 10_000_000],
  ])("reads %s as %i cents", (input, cents) => {
    expect(parseMoneyToCents(input)).toEqual({ ok: true, cents });
  });

  it.each([
    ["-5", "negative"],
    ["£-5", "negative"],
    ["-£5", "negative"],
    ["100000.01", "more than £100,000.00"],
    ["25.505", "such as 25"],
    ["12,50", "such as 25"],
    ["twenty", "such as 25"],
    ["", "0 if it costs nothing"],
  ])("refuses %j", (input, message) => {
    const result = parseMoneyToCents(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(message);
  });
});

describe("formatCents", () => {
  it("formats pounds", () => {
    expect(formatCents(2550)).toBe("£25.50");
    expect(formatCents(125_000)).toBe("£1,250.00");
  });
});
