import { describe, expect, it } from "vitest";
import { withoutRepeatedStatuses, type TimelineEntry } from "./tracking";

let nextId = 1;
function entry(type: string, toStatus: TimelineEntry["toStatus"] = null): TimelineEntry {
  return { id: nextId++, type, actor: "business", body: null, toStatus, fileName: null, rating: null, createdAt: new Date() };
}

describe("the customer's timeline", () => {
  it("shows a status only when the label the customer reads changes", () => {
    const timeline = [
      entry("filed"),
      entry("status_changed", "investigating"),
      entry("status_changed", "resolution_proposed"),
      entry("message"),
      // "Awaiting customer" reads "Waiting for your answer" too: the customer saw that already.
      entry("status_changed", "awaiting_customer"),
      entry("status_changed", "resolution_proposed"),
      entry("status_changed", "resolved"),
    ];
    const shown = withoutRepeatedStatuses(timeline).map((e) => `${e.type}${e.toStatus ? `:${e.toStatus}` : ""}`);
    expect(shown).toEqual([
      "filed",
      "status_changed:investigating",
      "status_changed:resolution_proposed",
      "message",
      "status_changed:resolved",
    ]);
  });

  it("keeps every other event, and a status line with no status it can name", () => {
    const timeline = [entry("message"), entry("status_changed"), entry("status_changed"), entry("customer_message")];
    expect(withoutRepeatedStatuses(timeline)).toEqual(timeline);
  });
});
