import { describe, expect, it } from "vitest";
import { hasRole, STAFF_ROLES } from "./roles";

describe("hasRole", () => {
  it("lets each role do what the roles below it can", () => {
    expect(hasRole("owner", "agent")).toBe(true);
    expect(hasRole("owner", "supervisor")).toBe(true);
    expect(hasRole("supervisor", "agent")).toBe(true);
  });

  it("refuses roles below the minimum", () => {
    expect(hasRole("agent", "supervisor")).toBe(false);
    expect(hasRole("agent", "owner")).toBe(false);
    expect(hasRole("supervisor", "owner")).toBe(false);
  });

  it("accepts every role for itself", () => {
    for (const role of STAFF_ROLES) expect(hasRole(role, role)).toBe(true);
  });
});
