import { describe, expect, it } from "vitest";
import { applySuggestion } from "./apply-suggestion";
import { checkBlameLanguage } from "./blame-check";

const apply = (text: string) => {
  const [flag] = checkBlameLanguage(text, { faultConfirmedAsService: false });
  if (!flag) throw new Error(`no flag in: ${text}`);
  return applySuggestion(text, flag);
};

describe("applySuggestion", () => {
  it("replaces the whole sentence holding the flagged words", () => {
    expect(apply("Dear Ms Lee, thank you for calling. I know it was our fault that the tap leaked. We will fix it on Friday.")).toBe(
      "Dear Ms Lee, thank you for calling. I'm sorry for the trouble this has caused; we are looking into what happened. We will fix it on Friday.",
    );
  });

  it("works on the first sentence and keeps line breaks", () => {
    expect(apply("It was our fault\nWe will call you tomorrow.")).toBe(
      "I'm sorry for the trouble this has caused; we are looking into what happened.\nWe will call you tomorrow.",
    );
  });

  it("leaves the text alone when the offsets do not fit it", () => {
    expect(applySuggestion("short", { start: 10, end: 20, suggestion: "x" })).toBe("short");
  });
});
