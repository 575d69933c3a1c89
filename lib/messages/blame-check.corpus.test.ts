import { describe, expect, it } from "vitest";
import { type BlameKind, checkBlameLanguage } from "./blame-check";

/**
 * The blame check measured on sentences staff really write: blaming or correcting the customer,
 * apologies that are not apologies, dismissive wording, fault admissions, and good apologies
 * that must pass untouched. Each row is [sentence, the kind expected first, or null for "not
 * flagged"]. The rates in the test names are computed from the table and asserted, so adding a
 * sentence the check gets wrong fails the suite instead of quietly lowering the rate.
 */
const CORPUS: [string, BlameKind | null][] = [
  // Blaming or correcting the customer
  ["You should have read the terms before ordering.", "blames_customer"],
  ["You should have checked the size guide.", "blames_customer"],
  ["You shouldn't have opened the unit yourself.", "blames_customer"],
  ["Unfortunately you failed to return the form in time.", "blames_customer"],
  ["You neglected to tell us about the pets in the house.", "blames_customer"],
  ["You didn't read the delivery instructions we sent.", "blames_customer"],
  ["You did not provide a valid address.", "blames_customer"],
  ["You must have misread the price on the website.", "blames_customer"],
  ["As clearly stated on our website, returns take 30 days.", "blames_customer"],
  ["As was explicitly explained at the time of booking, the deposit is not refundable.", "blames_customer"],
  ["As I already told you, the engineer comes on Friday.", "blames_customer"],
  ["Per our policy you must report damage within 48 hours.", "blames_customer"],
  ["According to our terms and conditions, you are required to keep the receipt.", "blames_customer"],
  ["I'm afraid this is your own responsibility.", "blames_customer"],
  ["It was your mistake to book the wrong date.", "blames_customer"],
  ["You are being unreasonable about the refund.", "blames_customer"],
  // Non-apologies
  ["Sorry you feel that way, but you should have read the terms.", "non_apology"],
  ["I'm sorry you feel that the service was poor.", "non_apology"],
  ["We're sorry if you were upset by our engineer.", "non_apology"],
  ["Sorry if this caused you any trouble.", "non_apology"],
  ["I'm sorry, but there is nothing more we can offer.", "non_apology"],
  ["Sorry but the refund has already been processed.", "non_apology"],
  ["We apologise for any inconvenience this may have caused.", "non_apology"],
  ["We apologise for any inconvenience that might have caused.", "non_apology"],
  ["I apologise if you were offended.", "non_apology"],
  ["We are sorry that you were unhappy with the repair.", "non_apology"],
  ["Mistakes were made, and we have moved on.", "non_apology"],
  ["Sorry for the misunderstanding on your part.", "non_apology"],
  // Dismissive wording
  ["Please calm down so we can talk about this.", "dismissive"],
  ["There is nothing we can do about the weather.", "dismissive"],
  ["I'm afraid that's not our problem.", "dismissive"],
  ["Courier delays are not our concern.", "dismissive"],
  ["That's just the way it is with sale items.", "dismissive"],
  ["The offer stands: take it or leave it.", "dismissive"],
  ["There is no need to get upset.", "dismissive"],
  // Fault admissions and blaming others (the check's first job, kept)
  ["It was entirely our fault.", "fault_admission"],
  ["We messed up your order.", "fault_admission"],
  ["We are responsible for the damage to your floor.", "liability"],
  ["My colleague got it wrong when he quoted you.", "blames_colleague"],
  ["Our booking system is useless.", "blames_process"],
  // Good apologies and replies: none may be flagged
  ["I'm sorry for the trouble this has caused you.", null],
  ["I am truly sorry that your delivery arrived late.", null],
  ["We're sorry your order arrived damaged.", null],
  ["I'm sorry for the frustration of waiting in all day.", null],
  ["We apologise for the delay in getting back to you.", null],
  ["I'm sorry for the inconvenience, and thank you for telling us.", null],
  ["I'm sorry this has been so difficult, and I want to put it right.", null],
  ["I understand how upsetting it is to find the door scratched.", null],
  ["Thank you for explaining everything so clearly on the phone.", null],
  ["You should have received a confirmation email this morning.", null],
  ["You should now have our written summary of the call.", null],
  ["If you did not receive the parcel, please tell us and we will send another.", null],
  ["Please let me know if anything in my summary is wrong.", null],
  ["Here is what we can do: a replacement on Thursday or a full refund.", null],
  ["I have asked our warehouse to check the parcel before it leaves.", null],
  ["We will call you on Monday to make sure everything is working.", null],
  ["As a goodwill gesture, we have added a month of free service.", null],
  ["I'm sorry we could not fix this on the first visit.", null],
  ["I'm sorry: the new part arrives on Tuesday and I will book the engineer for Wednesday.", null],
  ["I am sorry the invoice was confusing; here is a clearer breakdown.", null],
  ["Your feedback helps us improve how we handle deliveries.", null],
  ["I understand you felt let down, and I am sorry for that experience.", null],
  ["You were right to contact us about this.", null],
  ["There is no charge for the replacement.", null],
  ["We do not need anything more from you for now.", null],
  ["I will personally follow up to make sure the engineer arrives.", null],
  ["Would Tuesday or Wednesday suit you better for the visit?", null],
  ["Our policy allows returns within 30 days, and your return is within that time.", null],
  ["We can do the repair free of charge.", null],
  ["I'm sorry to hear about the noise from the boiler.", null],
];

const flagged = CORPUS.filter(([, kind]) => kind !== null);
const good = CORPUS.filter(([, kind]) => kind === null).map(([sentence]) => sentence);
const falsePositives = good.filter((sentence) => checkBlameLanguage(sentence, { faultConfirmedAsService: false }).length > 0);
const missed = flagged.filter(([sentence, kind]) => checkBlameLanguage(sentence, { faultConfirmedAsService: false })[0]?.kind !== kind);
const rate = (part: number, whole: number) => `${((100 * part) / whole).toFixed(0)}%`;

describe("the blame check on a corpus of real-sounding sentences", () => {
  it("has at least 60 sentences, with good apologies among them", () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(60);
    expect(good.length).toBeGreaterThanOrEqual(25);
  });

  it(`flags ${flagged.length - missed.length} of ${flagged.length} blaming, non-apology, dismissive and fault sentences with the right kind (miss rate ${rate(missed.length, flagged.length)})`, () => {
    expect(missed.map(([sentence]) => sentence)).toEqual([]);
  });

  it(`flags none of the ${good.length} good apologies and replies (false-positive rate ${rate(falsePositives.length, good.length)})`, () => {
    expect(falsePositives).toEqual([]);
  });

  it.each(flagged)("explains and suggests for: %s", (sentence) => {
    for (const flag of checkBlameLanguage(sentence, { faultConfirmedAsService: false })) {
      expect(sentence.slice(flag.start, flag.end)).toBe(flag.match);
      expect(flag.explanation.length).toBeGreaterThan(40);
      expect(flag.suggestion).toMatch(/\w/);
    }
  });

  it("still flags blaming, non-apologies and dismissive wording once the fault is confirmed as the service's", () => {
    for (const [sentence, kind] of flagged) {
      if (kind === "blames_customer" || kind === "non_apology" || kind === "dismissive") {
        expect(checkBlameLanguage(sentence, { faultConfirmedAsService: true })[0]?.kind, sentence).toBe(kind);
      }
    }
  });
});
