import { describe, expect, it } from "vitest";
import { eventDetails } from "./event-details";

describe("eventDetails", () => {
  it("describes known event data", () => {
    expect(eventDetails({ type: "status_changed", data: { from: "new", to: "acknowledged" } }).lines).toEqual(["New → Acknowledged"]);
    expect(eventDetails({ type: "restated", data: { issues: ["Late", "Broken"] } }).items).toEqual(["Late", "Broken"]);
    expect(eventDetails({ type: "satisfaction_rated", data: { rating: 4 } }).lines).toEqual(["Rated 4 out of 5"]);
    expect(eventDetails({ type: "root_cause_set", data: { rootCause: "Courier missed", faultAttribution: "external" } }).lines).toEqual([
      "Root cause: Courier missed · Fault: External",
    ]);
  });

  it("ignores missing or unexpected data", () => {
    expect(eventDetails({ type: "status_changed", data: { to: "nonsense" } })).toEqual({ lines: [], items: [] });
    expect(eventDetails({ type: "restated", data: { issues: "not a list" } })).toEqual({ lines: [], items: [] });
    expect(eventDetails({ type: "note", data: {} })).toEqual({ lines: [], items: [] });
  });
});
