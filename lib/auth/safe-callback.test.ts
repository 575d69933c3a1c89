import { describe, expect, it } from "vitest";
import { DEFAULT_AFTER_SIGN_IN, safeCallbackPath } from "./safe-callback";

describe("safeCallbackPath", () => {
  it("keeps paths on this site, with their query", () => {
    expect(safeCallbackPath("/cases/CR-7KQ4-M9TA")).toBe("/cases/CR-7KQ4-M9TA");
    expect(safeCallbackPath("/cases?status=new")).toBe("/cases?status=new");
  });

  it.each([
    "https://evil.example/cases",
    "//evil.example/cases",
    "/\\evil.example",
    "/.//evil.example",
    "/./..//evil.example/cases",
    "/cases/..//evil.example",
    "javascript:alert(1)",
    "cases",
    "/signin?callbackUrl=/cases",
    "/api/auth/signout",
    "/\tevil",
    "",
    undefined,
    42,
  ])("falls back to the case list for %s", (value) => {
    expect(safeCallbackPath(value)).toBe(DEFAULT_AFTER_SIGN_IN);
  });
});
