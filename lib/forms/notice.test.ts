import { describe, expect, it } from "vitest";
import { readNotice, withNotice } from "./notice";

describe("form notices carried in a page address", () => {
  const now = Date.UTC(2026, 11, 2, 12);

  it("reads back what was written, and keeps the page's own query", () => {
    const path = withNotice("/cases/CR-1?tab=all", { tone: "done", message: "Assessed as high severity." }, now);
    expect(path.startsWith("/cases/CR-1?tab=all&notice=")).toBe(true);
    expect(readNotice(path, now + 1000)).toEqual({ tone: "done", message: "Assessed as high severity." });
  });

  it("replaces an earlier notice instead of adding a second", () => {
    const first = withNotice("/cases/CR-1", { tone: "done", message: "One" }, now);
    const second = withNotice(first, { tone: "refused", message: "Two" }, now);
    expect(new URL(second, "http://x").searchParams.getAll("notice")).toHaveLength(1);
    expect(readNotice(second, now)).toEqual({ tone: "refused", message: "Two" });
  });

  it("shows nothing for a forged, altered or expired notice", () => {
    const path = withNotice("/track/abc", { tone: "done", message: "Thank you" }, now);
    const value = new URL(path, "http://x").searchParams.get("notice")!;
    const [tone, issued, , signature] = value.split(".");
    const forged = `${tone}.${issued}.${Buffer.from("Call 555-0100 to unlock your account").toString("base64url")}.${signature}`;
    expect(readNotice(`/track/abc?notice=${forged}`, now)).toBeNull();
    expect(readNotice(`/track/abc?notice=${value.replace(/^done/, "refused")}`, now)).toBeNull();
    expect(readNotice("/track/abc?notice=done.x.eA.sig", now)).toBeNull();
    expect(readNotice(path, now + 11 * 60 * 1000)).toBeNull();
    expect(readNotice(path, now - 60 * 1000)).toBeNull();
    expect(readNotice("/track/abc", now)).toBeNull();
  });
});
