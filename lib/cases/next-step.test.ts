import { describe, expect, it } from "vitest";
import { type CaseFacts, nextStep } from "./next-step";

const d = (iso: string) => new Date(iso);
const NOW = d("2026-05-12T10:00:00Z"); // Tuesday 11:00 in London
const TZ = "Europe/London";

// A case that is assigned, assessed, answered and has nothing due: only its status speaks.
const CALM: CaseFacts = {
  status: "investigating",
  severity: "medium",
  assigneeId: "staff-1",
  receivedAt: d("2026-05-11T09:00:00Z"),
  firstResponseAt: d("2026-05-11T10:00:00Z"),
  firstResponseDueAt: d("2026-05-12T09:00:00Z"),
  openPromiseDueDates: [],
  openFollowUpDueAt: null,
  rootCauseId: "rc-1",
  processId: "p-1",
  faultAttribution: "service",
};

const pending = { firstResponseAt: null };

const table: [string, Partial<CaseFacts>, string, string][] = [
  ["broken promise, days", { openPromiseDueDates: [d("2026-05-10T16:00:00Z")] }, "Promise overdue (2 days)", "danger"],
  ["broken promise, same day", { openPromiseDueDates: [d("2026-05-12T07:00:00Z")] }, "Promise overdue (3 h)", "danger"],
  [
    "earliest of several promises wins",
    { openPromiseDueDates: [d("2026-05-20T09:00:00Z"), d("2026-05-11T09:00:00Z")] },
    "Promise overdue (1 day)",
    "danger",
  ],
  ["broken promise beats a late first response", { ...pending, openPromiseDueDates: [d("2026-05-11T09:00:00Z")] }, "Promise overdue (1 day)", "danger"],
  ["first response late", { ...pending, firstResponseDueAt: d("2026-05-12T09:59:00Z") }, "First response overdue", "danger"],
  ["follow-up status", { status: "follow_up_due" }, "Follow-up due", "warning"],
  ["follow-up due today", { status: "resolved", openFollowUpDueAt: d("2026-05-12T16:00:00Z") }, "Follow-up due", "warning"],
  ["follow-up overdue", { status: "follow_up_due", openFollowUpDueAt: d("2026-05-09T09:00:00Z") }, "Follow-up overdue (3 days)", "warning"],
  ["promise due today", { openPromiseDueDates: [d("2026-05-12T16:00:00Z")] }, "Promise due today", "warning"],
  ["response due soon", { ...pending, firstResponseDueAt: d("2026-05-12T13:10:00Z") }, "Respond within 3 h", "warning"],
  ["response due in minutes", { ...pending, firstResponseDueAt: d("2026-05-12T10:45:30Z") }, "Respond within 45 min", "warning"],
  ["unassigned", { assigneeId: null }, "Unassigned", "warning"],
  ["urgent response beats unassigned", { ...pending, assigneeId: null, firstResponseDueAt: d("2026-05-12T11:00:00Z") }, "Respond within 1 h", "warning"],
  ["promise tomorrow", { openPromiseDueDates: [d("2026-05-13T09:00:00Z")] }, "Promise due tomorrow", "info"],
  ["promise in 2 days", { openPromiseDueDates: [d("2026-05-14T09:00:00Z")] }, "Promise due in 2 days", "info"],
  ["promise far off", { openPromiseDueDates: [d("2026-05-30T09:00:00Z")] }, "Propose a resolution", "neutral"],
  ["not assessed", { severity: null, status: "new", ...pending, firstResponseDueAt: d("2026-05-13T09:00:00Z") }, "Assess severity", "info"],
  ["response pending, plenty of time", { ...pending, status: "new", firstResponseDueAt: d("2026-05-13T09:00:00Z") }, "Respond within 23 h", "info"],
  ["response pending for days", { ...pending, status: "new", firstResponseDueAt: d("2026-05-15T09:00:00Z") }, "Respond within 2 days", "info"],
  ["new, already answered", { status: "new" }, "Acknowledge", "neutral"],
  ["acknowledged", { status: "acknowledged" }, "Start investigating", "neutral"],
  ["no root cause", { rootCauseId: null }, "Set root cause to resolve", "info"],
  ["no fault attribution", { status: "resolution_proposed", faultAttribution: null }, "Set fault attribution to resolve", "info"],
  ["proposal ready", { status: "resolution_proposed" }, "Ask customer to agree", "neutral"],
  ["awaiting customer", { status: "awaiting_customer", rootCauseId: null }, "Awaiting customer agreement", "neutral"],
  ["resolved, follow-up later", { status: "resolved", openFollowUpDueAt: d("2026-05-15T09:00:00Z") }, "Follow-up due in 3 days", "neutral"],
  ["resolved, nothing pending", { status: "resolved", assigneeId: null }, "Ready to close", "neutral"],
  ["closed", { status: "closed", assigneeId: null, severity: null }, "Closed", "neutral"],
  // An unkept promise on a closed case is still a broken promise: someone must mark it kept.
  ["closed with a forgotten promise", { status: "closed", openPromiseDueDates: [d("2026-05-01T09:00:00Z")] }, "Promise overdue (11 days)", "danger"],
  // Once resolved, a missing first response no longer drives the row.
  ["resolved without first response", { status: "resolved", ...pending, firstResponseDueAt: d("2026-05-11T09:00:00Z") }, "Ready to close", "neutral"],
];

describe("nextStep", () => {
  it.each(table)("%s", (_name, overrides, label, tone) => {
    expect(nextStep({ ...CALM, ...overrides }, NOW, TZ)).toMatchObject({ label, tone });
  });

  it("judges 'today' in the business's time zone", () => {
    // 02:00 UTC on 13 May is still 12 May in New York: the promise at 15:00 UTC is tomorrow there.
    const now = d("2026-05-13T02:00:00Z");
    const facts = { ...CALM, openPromiseDueDates: [d("2026-05-13T15:00:00Z")] };
    expect(nextStep(facts, now, "America/New_York").label).toBe("Promise due tomorrow");
    expect(nextStep(facts, now, "Europe/London").label).toBe("Promise due today");
  });
});
