import { expect, it } from "vitest";
import type { CaseTimelineEvent } from "@/lib/cases/detail";
import { headline } from "./headline";

const filed = (data: Record<string, unknown>, actorName: string | null): CaseTimelineEvent => ({
  id: 1,
  type: "filed",
  visibility: "customer",
  actorKind: "staff",
  actorName,
  body: "Rang to say the engineer never came.",
  data,
  minutesSpent: 0,
  createdAt: new Date("2026-03-10T12:00:00Z"),
});

it("names who took a complaint down for the customer, and how it came in", () => {
  expect(headline(filed({ channel: "phone", takenDown: true }, "Ada Agent"))).toBe("Complaint taken down by Ada Agent by phone");
  expect(headline(filed({ channel: "letter", takenDown: true }, "Ada Agent"))).toBe("Complaint taken down by Ada Agent from a letter");
  expect(headline(filed({ channel: "in_person", takenDown: true }, null))).toBe("Complaint taken down by a former staff member in person");
});

it("says when a complaint arrived as a new email", () => {
  expect(headline({ ...filed({ channel: "email" }, null), actorKind: "customer" })).toBe("Complaint received by email");
  expect(headline({ ...filed({ channel: "web" }, null), actorKind: "customer" })).toBe("Complaint filed");
});
