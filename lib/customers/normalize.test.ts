import { describe, expect, it } from "vitest";
import { normalizeEmail, normalizePhone } from "./normalize";

describe("normalizeEmail", () => {
  it("trims and lower-cases, keeping tags and dots", () => {
    expect(normalizeEmail("  Sam.Carter+shop@Example.COM ")).toBe("sam.carter+shop@example.com");
  });
  it("returns null for nothing", () => {
    expect(normalizeEmail("   ")).toBeNull();
    expect(normalizeEmail(null)).toBeNull();
    expect(normalizeEmail(undefined)).toBeNull();
  });
});

describe("normalizePhone", () => {
  it("keeps digits only", () => {
    expect(normalizePhone("020 7946-0018")).toBe("02079460018");
    expect(normalizePhone("(020) 7946.0018")).toBe("02079460018");
  });
  it("writes international numbers with a leading +", () => {
    expect(normalizePhone("+44 20 7946 0018")).toBe("+442079460018");
    expect(normalizePhone("0044 20 7946 0018")).toBe("+442079460018");
  });
  it("returns null when fewer than 6 digits are left", () => {
    expect(normalizePhone("12-34")).toBeNull();
    expect(normalizePhone("")).toBeNull();
    expect(normalizePhone(null)).toBeNull();
  });
});
