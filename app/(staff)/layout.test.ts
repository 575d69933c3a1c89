import { beforeEach, describe, expect, it, vi } from "vitest";

// The layout reads the requested path (set by proxy.ts) and reports the end of the response
// through `after`; here the test plays both parts.
let path = "/cases";
const sent: (() => void)[] = [];
vi.mock("server-only", () => ({}));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ [PAGE_PATH_HEADER]: path }) }));
vi.mock("next/server", () => ({ after: (callback: () => void) => sent.push(callback) }));
const signedIn = vi.fn(async () => ({ id: "u1", name: "Ann", email: "ann@example.com", role: "agent" as const }));
vi.mock("@/lib/auth/session", () => ({ requirePageRole: () => signedIn() }));
vi.mock("./_components/staff-header", () => ({ StaffHeader: () => null }));

const { PAGE_PATH_HEADER } = await import("@/lib/http/request-headers");
const { default: StaffLayout } = await import("./layout");
const { caseWorkInFlight } = await import("@/lib/resilience/case-work");

describe("the workspace counts agents' pages as case work, so reports give way to them", () => {
  beforeEach(() => {
    while (sent.length) sent.shift()!();
  });

  it("counts a case page from its start until its response has been sent", async () => {
    path = "/cases?view=mine";
    await StaffLayout({ children: null });
    expect(caseWorkInFlight()).toBe(1);
    sent.shift()!();
    expect(caseWorkInFlight()).toBe(0);
  });

  it("does not count the analytics page, which is the report that gives way", async () => {
    path = "/analytics?range=90d";
    await StaffLayout({ children: null });
    expect(caseWorkInFlight()).toBe(0);
    expect(sent).toHaveLength(0);
  });

  it("stops counting a page refused at the door (a redirect to sign-in or to the 403 page)", async () => {
    path = "/settings/staff";
    signedIn.mockRejectedValueOnce(new Error("NEXT_REDIRECT"));
    await expect(StaffLayout({ children: null })).rejects.toThrow("NEXT_REDIRECT");
    expect(caseWorkInFlight()).toBe(1);
    sent.shift()!();
    expect(caseWorkInFlight()).toBe(0);
  });
});
