import { describe, expect, it } from "vitest";
import { type BlameKind, checkBlameLanguage } from "./blame-check";

const UNCONFIRMED = { faultConfirmedAsService: false };
const CONFIRMED = { faultConfirmedAsService: true };

// [sentence, kind expected first, the text it should highlight]
const FLAGGED: [string, BlameKind, string][] = [
  ["It was our fault.", "fault_admission", "our fault"],
  ["I’m afraid this is all our fault.", "fault_admission", "our fault"],
  ["Sorry, my mistake!", "fault_admission", "my mistake"],
  ["This is entirely our error.", "fault_admission", "our error"],
  ["Honestly, we messed up.", "fault_admission", "we messed up"],
  ["We've really screwed this up.", "fault_admission", "We've really screwed this up"],
  ["We made a serious mistake with your booking.", "fault_admission", "We made a serious mistake"],
  ["I got your order wrong.", "fault_admission", "I got your order wrong"],
  ["I'm sorry we caused this.", "fault_admission", "we caused"],
  ["Sorry for the inconvenience we have caused.", "fault_admission", "we have caused"],
  ["We have lost your parcel.", "fault_admission", "We have lost your"],
  ["We admit the fitting was not done properly.", "fault_admission", "We admit"],
  ["Our installer broke the window frame.", "fault_admission", "Our installer broke"],
  ["The fault lies with us.", "fault_admission", "The fault lies with us"],
  ["We are clearly at fault here.", "fault_admission", "We are clearly at fault"],
  ["We take full blame for this.", "fault_admission", "We take full blame"],
  ["It was the company’s fault.", "fault_admission", "the company’s fault"],
  ["We are responsible for the damage.", "liability", "We are responsible for the damage"],
  ["We're fully liable for your losses.", "liability", "We're fully liable"],
  ["We accept full liability.", "liability", "accept full liability"],
  ["We take responsibility for what happened.", "liability", "take responsibility for what happened"],
  ["We will compensate you for the damage as we are liable.", "liability", "compensate you for the damage"],
  ["My colleague got it wrong.", "blames_colleague", "My colleague got it wrong"],
  ["The warehouse team messed up again.", "blames_colleague", "The warehouse team messed up"],
  ["Our delivery partner made a mistake with the address.", "blames_colleague", "Our delivery partner made a mistake"],
  ["Frankly the courier is useless.", "blames_colleague", "the courier is useless"],
  ["That's the night shift's fault.", "blames_colleague", "the night shift's fault"],
  ["You can blame the installer for that.", "blames_colleague", "blame the installer"],
  ["He should never have told you that.", "blames_colleague", "He should never have told"],
  ["She shouldn’t have said that to you.", "blames_colleague", "She shouldn’t have said"],
  ["Our driver is an idiot.", "blames_colleague", "Our driver is an idiot"],
  ["My colleague gave you the wrong information.", "blames_colleague", "My colleague gave you the wrong"],
  ["There is no doubt it was our fault.", "fault_admission", "our fault"],
  ["Our billing system is a mess.", "blames_process", "Our billing system is a mess"],
  ["The booking software is completely useless.", "blames_process", "The booking software is completely useless"],
  ["Blame the system, not me.", "blames_process", "Blame the system"],
  ["The system made an error with your invoice.", "blames_process", "The system made an error"],
];

const NOT_FLAGGED = [
  "I'm sorry for the inconvenience.",
  "I’m sorry this has been so frustrating.",
  "We apologise for the delay you experienced.",
  "I understand how disappointing this is.",
  "We will look into what happened.",
  "Thank you for your patience.",
  "Our team will contact you tomorrow.",
  "This was not your fault.",
  "It wasn't our fault, but we will still help.",
  "I don't think it was our mistake.",
  "Was this our fault? We are checking with the warehouse.",
  "Are we responsible for the damage? I will find out.",
  "We are responsible for handling your complaint from start to finish.",
  "I will take responsibility for getting this sorted.",
  "As a gesture of goodwill we will refund your delivery charge.",
  "Our engineer will visit on Tuesday between 9 and 12.",
  "Our system shows the parcel was delivered at 14:02.",
  "Our fault-finding team will test the boiler.",
  "We made a note of everything you told us.",
  "I'm sorry for any inconvenience caused.",
  "The fault you reported has been fixed.",
  "Please don't blame yourself.",
  "Our team is looking into this today.",
  "We cannot accept liability until the investigation is complete.",
  "We are responsible for this repair and will book it today.",
  "I know how stressful a late delivery is.",
  "Your colleague mentioned the same problem.",
  "We will check whether our engineer damaged the pipe.",
  "If we made a mistake, we will put it right.",
  "We are not liable for delays caused by the weather.",
  "Hi, I am responsible for your case.",
];

describe("flags fault, liability and blame", () => {
  it("has enough examples", () => {
    expect(FLAGGED.length).toBeGreaterThanOrEqual(25);
    expect(NOT_FLAGGED.length).toBeGreaterThanOrEqual(20);
  });

  it.each(FLAGGED)("%s", (sentence, kind, match) => {
    const flags = checkBlameLanguage(sentence, UNCONFIRMED);
    expect(flags[0]).toMatchObject({ kind, match });
    for (const f of flags) {
      expect(sentence.slice(f.start, f.end)).toBe(f.match);
      expect(f.explanation).toMatch(/\w/);
      expect(f.suggestion).toMatch(/\w/);
    }
  });
});

describe("leaves sympathy, neutral wording, negations and questions alone", () => {
  it.each(NOT_FLAGGED)("%s", (sentence) => {
    expect(checkBlameLanguage(sentence, UNCONFIRMED)).toEqual([]);
  });
});

describe("when the fault is confirmed as the service's", () => {
  it("allows admissions and liability", () => {
    for (const [sentence, kind] of FLAGGED) {
      if (kind === "fault_admission" || kind === "liability") {
        expect(checkBlameLanguage(sentence, CONFIRMED), sentence).toEqual([]);
      }
    }
  });

  it("still flags blaming a colleague or a process", () => {
    for (const [sentence, kind, match] of FLAGGED) {
      if (kind === "blames_colleague" || kind === "blames_process") {
        expect(checkBlameLanguage(sentence, CONFIRMED)[0], sentence).toMatchObject({ kind, match });
      }
    }
  });
});

describe("positions and details", () => {
  it("reports every match in order with exact offsets", () => {
    const text = "Thanks for waiting. It was our fault, and my colleague got it wrong. Our billing system is a mess.";
    const flags = checkBlameLanguage(text, UNCONFIRMED);
    expect(flags.map((f) => [f.kind, f.start, f.end])).toEqual([
      ["fault_admission", 27, 36],
      ["blames_colleague", 42, 67],
      ["blames_process", 69, 97],
    ]);
    expect(flags.map((f) => text.slice(f.start, f.end))).toEqual([
      "our fault",
      "my colleague got it wrong",
      "Our billing system is a mess",
    ]);
  });

  it("finds two liability phrases in one sentence", () => {
    const flags = checkBlameLanguage("We will compensate you for the damage as we are liable.", UNCONFIRMED);
    expect(flags.map((f) => f.match)).toEqual(["compensate you for the damage", "we are liable"]);
    expect(flags[0]?.suggestion).toContain("goodwill");
  });

  it("explains in plain words and suggests neutral wording", () => {
    const [flag] = checkBlameLanguage("it was our fault", UNCONFIRMED);
    expect(flag?.explanation).toContain("Admitting fault before it has been established can expose the business legally");
    expect(flag?.suggestion).toBe("I'm sorry for the trouble this has caused; we are looking into what happened.");
  });

  it("handles curly apostrophes and capitals", () => {
    expect(checkBlameLanguage("WE’VE MESSED UP.", UNCONFIRMED)[0]?.match).toBe("WE’VE MESSED UP");
    expect(checkBlameLanguage("That’s the night shift’s fault", UNCONFIRMED)[0]?.kind).toBe("blames_colleague");
  });

  it("returns nothing for empty text", () => {
    expect(checkBlameLanguage("", UNCONFIRMED)).toEqual([]);
  });
});
