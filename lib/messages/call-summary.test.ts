import { describe, expect, it } from "vitest";
import { callSummaryForEmail, draftCallSummary } from "./call-summary";

const base = {
  customerName: "Morgan Lee",
  staffName: "Sam Porter",
  businessName: "Harbour & Hearth",
  summary: "We will send a fitter on Friday morning to replace the tap.",
  date: new Date("2026-03-04T10:30:00Z"),
  timeZone: "Europe/London",
};

describe("draftCallSummary", () => {
  it("writes a letter around the summary for a call today", () => {
    const text = draftCallSummary({ ...base, now: new Date("2026-03-04T16:00:00Z") });
    expect(text).toBe(
      [
        "Dear Morgan Lee,",
        "Further to our conversation today, here is a summary of what we discussed:",
        "We will send a fitter on Friday morning to replace the tap.",
        "If anything here does not match your understanding, please reply on your case page and we will put it right.",
        "Kind regards,\nSam Porter\nHarbour & Hearth",
      ].join("\n\n"),
    );
  });

  it("names the day when the call was earlier, in the business's time zone", () => {
    const text = draftCallSummary({ ...base, date: new Date("2026-03-02T23:30:00Z"), timeZone: "Europe/Berlin", now: new Date("2026-03-04T09:00:00Z") });
    expect(text).toContain("Further to our conversation on Tuesday 3 March,");
  });

  it("turns several lines into points and drops blank ones", () => {
    const text = draftCallSummary({ ...base, summary: "Tap replaced Friday\n\n* Refund of call-out fee\n", now: base.date });
    expect(text).toContain("- Tap replaced Friday\n- Refund of call-out fee");
  });

  it("greets politely without a name", () => {
    expect(draftCallSummary({ ...base, customerName: " ", now: base.date }).startsWith("Hello,\n\n")).toBe(true);
  });
});

describe("callSummaryForEmail", () => {
  it("keeps what staff wrote and leaves out what the email template says itself", () => {
    const letter = draftCallSummary({ ...base, now: base.date });
    expect(callSummaryForEmail(letter)).toBe(
      "We will send a fitter on Friday morning to replace the tap.\n\nKind regards,\nSam Porter\nHarbour & Hearth",
    );
  });

  it("keeps a letter staff rewrote completely", () => {
    expect(callSummaryForEmail("Thanks for the chat.\n\nThe fitter comes Friday.")).toBe("Thanks for the chat.\n\nThe fitter comes Friday.");
  });
});
