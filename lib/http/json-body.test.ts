import { describe, expect, it } from "vitest";
import { jsonNestedDeeperThan } from "./json-body";

describe("jsonNestedDeeperThan", () => {
  it("counts arrays and objects, not brackets inside strings", () => {
    expect(jsonNestedDeeperThan('{"a":[{"b":1}]}', 3)).toBe(false);
    expect(jsonNestedDeeperThan('{"a":[{"b":[1]}]}', 3)).toBe(true);
    expect(jsonNestedDeeperThan(JSON.stringify({ text: "[[[[[[{{{{{{ \"[[[[" }), 1)).toBe(false);
    expect(jsonNestedDeeperThan('{"a":"\\\\"}', 1)).toBe(false);
    expect(jsonNestedDeeperThan('{"a":"\\\\",  "b":[[1]]}', 2)).toBe(true);
  });
});
