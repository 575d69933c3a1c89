import { describe, expect, it } from "vitest";
import { minutesSpent } from "./input";

// One minutes rule for every case action (issue: two helper families once read a blank field
// differently). A blank field is "not given", so the action's usual amount applies.
describe("minutes spent on a case action", () => {
  const minutes = minutesSpent(10);

  it("takes the action's usual amount when the field is blank, missing or only spaces", () => {
    expect(minutes.parse("")).toBe(10);
    expect(minutes.parse("   ")).toBe(10);
    expect(minutes.parse(undefined)).toBe(10);
  });

  it("takes what was typed, from a form or from code, including zero", () => {
    expect(minutes.parse("7")).toBe(7);
    expect(minutes.parse(" 25 ")).toBe(25);
    expect(minutes.parse(0)).toBe(0);
    expect(minutes.parse("1440")).toBe(1440);
  });

  it("refuses anything else with a message that says what to type", () => {
    const message = (value: unknown) => minutes.safeParse(value).error?.issues[0]?.message;
    expect(message("ten")).toBe("Enter the minutes as a number.");
    expect(message("1.5")).toBe("Enter whole minutes.");
    expect(message("-1")).toBe("Minutes cannot be negative.");
    expect(message("1441")).toBe("At most 1440 minutes (one day) per action.");
  });
});
