import { describe, expect, it } from "vitest";
import {
  REFERENCE_ALPHABET,
  generateReference,
  generateTrackingToken,
  hashTrackingToken,
  isWellFormedTrackingToken,
  normalizeReference,
} from "./reference";

describe("references", () => {
  it("look like CR-XXXX-XXXX using only unambiguous characters", () => {
    for (let i = 0; i < 200; i++) {
      const reference = generateReference();
      expect(reference).toMatch(/^CR-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
      for (const c of reference.slice(3).replace("-", "")) expect(REFERENCE_ALPHABET).toContain(c);
    }
  });

  it("normalise what people type", () => {
    expect(normalizeReference("cr 7kq4m9ta")).toBe("CR-7KQ4-M9TA");
    expect(normalizeReference(" CR-7KQ4-M9TA ")).toBe("CR-7KQ4-M9TA");
    expect(normalizeReference("7kq4-m9ta")).toBe("CR-7KQ4-M9TA");
  });

  it("refuse what cannot be a reference", () => {
    expect(normalizeReference("CR-7KQ4-M9T")).toBeNull();
    expect(normalizeReference("CR-0KQ4-M9TA")).toBeNull(); // 0 is not in the alphabet
    expect(normalizeReference("")).toBeNull();
  });
});

describe("tracking tokens", () => {
  it("are 43 URL-safe characters and different every time", () => {
    const a = generateTrackingToken();
    const b = generateTrackingToken();
    expect(isWellFormedTrackingToken(a)).toBe(true);
    expect(a).not.toBe(b);
  });

  it("hash to a stable SHA-256 hex digest", () => {
    const token = generateTrackingToken();
    expect(hashTrackingToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashTrackingToken(token)).toBe(hashTrackingToken(token));
  });

  it("reject malformed tokens", () => {
    expect(isWellFormedTrackingToken("short")).toBe(false);
    expect(isWellFormedTrackingToken(`${"a".repeat(42)}!`)).toBe(false);
    expect(isWellFormedTrackingToken("a".repeat(44))).toBe(false);
  });
});
