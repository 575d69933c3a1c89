import type { RESOLUTION_TYPES } from "@/db/schema/enums";
import type { RootCauseKey } from "./taxonomy";

export type ResolutionType = (typeof RESOLUTION_TYPES)[number];

/** How staff restate the complaint ("If I understand correctly, ..."), one line per issue. */
export const RESTATED_ISSUES: Record<RootCauseKey, readonly string[]> = {
  courierMissed: ["Nobody arrived in the {slot} slot for the {product}", "Nobody called to say the delivery would not come", "You lost a day off work waiting in"],
  damagedInTransit: ["The {product} arrived damaged", "The damage was not noticed before the team left", "You want it replaced rather than repaired"],
  installerUnqualified: ["The installer could not complete the installation of the {product}", "You paid {fee} for installation on order {order}", "You need the {noun} working as soon as possible"],
  installerNoShow: ["Nobody came for the booked installation of the {product}", "You were not told in advance", "You have been without a working {noun} since"],
  doubleCharge: ["You were charged {amount} twice for order {order}", "Only one order was placed"],
  refundDelayed: ["Your refund of {amount} has not arrived", "You were given a date that has passed", "You have had to chase it several times"],
  staffRude: ["A member of staff spoke to you in a way you found rude and dismissive", "Your question about order {order} was not answered"],
  wrongInfo: ["You were given information before buying that turned out to be wrong", "You relied on it when you ordered the {product}"],
  productDefect: ["The {product} has developed a fault: {symptom}", "It is within the manufacturer's warranty"],
  weather: ["The delivery of the {product} was postponed on the day", "You were not offered a new date"],
  changedMind: ["You would like to return the {product} after using it", "The appliance works but does not suit you"],
  unreasonable: ["You are unhappy with the {product} and how it was handled", "You are asking for more than a repair or replacement"],
  wrongAddress: ["The {product} did not reach you at your home address", "You want it delivered to you without another charge"],
  unclear: ["You are unhappy with how order {order} has gone", "You have had different answers from different people"],
};

/** Internal notes written while investigating. */
export const INVESTIGATION_NOTES: Record<RootCauseKey, readonly string[]> = {
  courierMissed: ["Checked the courier's van log: the van did not reach the postcode on the day.", "Courier confirms the route overran and the last four drops were cancelled."],
  damagedInTransit: ["Photos show impact damage on the packaging; logged a claim with the carrier.", "Warehouse confirms the unit left undamaged; damage happened on the van."],
  installerUnqualified: ["The installer sent is not certified for integrated models; the job was booked with the wrong skill code.", "Partner confirms the fitter was a new starter without the manufacturer's training."],
  installerNoShow: ["Installation partner had two fitters off sick and cancelled without telling our team.", "The job was dropped from the installer's schedule when the route was re-planned."],
  doubleCharge: ["Payment provider log shows two captures for one checkout session after a gateway time-out.", "Confirmed duplicate capture; the second payment is refundable."],
  refundDelayed: ["Refund was approved but sat in the finance queue waiting for a second sign-off.", "Finance had the wrong card details; refund bounced and was not re-issued."],
  staffRude: ["Listened to the call recording: tone was curt and the customer was talked over.", "Spoke to the team member involved; they accept the conversation went badly."],
  wrongInfo: ["Call recording confirms the customer was told this.", "The product page and what the customer was told do not match; raised with the team leader."],
  productDefect: ["Manufacturer's engineer confirms a component fault covered by warranty.", "Known fault on this batch according to the manufacturer's bulletin."],
  weather: ["Met Office warning and road closures on the route that day.", "Depot cancelled all rural routes that day because of flooding."],
  changedMind: ["Appliance inspected: works as specified, signs of several weeks' use.", "Outside the 30-day return window for used and installed goods."],
  unreasonable: ["Request goes beyond the warranty and consumer law; explained our policy.", "Checked the order: what was sold was delivered and works as described."],
  wrongAddress: ["Checkout record shows the address was entered as given; no flat number.", "Customer's own order confirmation shows the old address."],
  unclear: ["Could not establish a single cause; several small delays across the order.", "Checked every step of the order; nothing clearly went wrong."],
};

type Resolution = { type: ResolutionType; text: string; promise: string };

/** What staff offer, by root cause. The first fits a reasonable request; the last an unreasonable one. */
export const RESOLUTIONS: Record<RootCauseKey, readonly Resolution[]> = {
  courierMissed: [
    { type: "redo", text: "Re-book the delivery on a priority slot of your choice and refund the delivery charge.", promise: "Deliver the {product} on the re-booked priority slot" },
    { type: "credit", text: "Re-book the delivery and add a £20 credit to your account for the wasted day.", promise: "Confirm the new delivery slot by phone" },
  ],
  damagedInTransit: [
    { type: "replace", text: "Replace the {product} with a new one and collect the damaged unit at the same visit.", promise: "Deliver the replacement {product} and collect the damaged one" },
    { type: "refund", text: "A partial refund of 20% if you would like to keep the unit as it is.", promise: "Process the partial refund" },
  ],
  installerUnqualified: [
    { type: "redo", text: "Send a manufacturer-certified installer to complete the installation at no charge.", promise: "Book a certified installer and confirm the date" },
    { type: "refund", text: "Refund the {fee} installation fee in full so you can use your own fitter.", promise: "Refund the installation fee" },
  ],
  installerNoShow: [
    { type: "redo", text: "Book the first available installation slot with a named fitter, and refund the installation fee.", promise: "Confirm the installer's name and arrival window the day before" },
    { type: "credit", text: "Re-book the installation and add a £25 credit to your account.", promise: "Complete the installation on the new date" },
  ],
  doubleCharge: [
    { type: "refund", text: "Refund the duplicate payment of {amount} to the card used.", promise: "Refund the duplicate payment and email the confirmation" },
  ],
  refundDelayed: [
    { type: "refund", text: "Release the refund of {amount} today and send you the payment confirmation.", promise: "Send the refund payment confirmation" },
  ],
  staffRude: [
    { type: "explanation", text: "A personal apology from the team leader; the conversation has been reviewed with the staff member.", promise: "Call you back once the review is done" },
  ],
  wrongInfo: [
    { type: "replace", text: "Exchange the {product} for a model that suits, at no extra cost, including delivery and fitting.", promise: "Arrange the exchange delivery" },
    { type: "explanation", text: "Explain what the policy actually covers and honour what you were told this time.", promise: "Confirm in writing what we will honour" },
  ],
  productDefect: [
    { type: "repair", text: "Book a manufacturer's engineer to repair the {product} under warranty.", promise: "Confirm the engineer's visit date" },
    { type: "replace", text: "Replace the {product}, since this is the second time the same fault has appeared.", promise: "Deliver the replacement {product}" },
  ],
  weather: [
    { type: "redo", text: "Re-book the delivery on the first clear day and call you the day before to confirm.", promise: "Call the day before the new delivery" },
  ],
  changedMind: [
    { type: "explanation", text: "Explain our returns policy for used appliances and offer to collect it for resale with a restocking fee.", promise: "Send you the collection quote" },
    { type: "referral", text: "Explain that we cannot take back a used, installed appliance and suggest a local reseller who buys appliances.", promise: "Email you the reseller's details" },
  ],
  unreasonable: [
    { type: "explanation", text: "Explain what the warranty and the law cover, and offer a paid repair at our standard rate.", promise: "Email you our policy and the repair quote" },
    { type: "none", text: "We have explained our policy; we are not able to offer more than what was sold.", promise: "Send you our final response in writing" },
    { type: "referral", text: "Suggest a specialist supplier whose service and terms may suit you better.", promise: "Email you the supplier's details" },
  ],
  wrongAddress: [
    { type: "redo", text: "Re-deliver to the correct address; we will waive the re-delivery charge this once.", promise: "Deliver the {product} to the corrected address" },
  ],
  unclear: [
    { type: "explanation", text: "A full written explanation of what happened with order {order} and a single named contact from now on.", promise: "Send the written explanation" },
  ],
};

export const JUDGEMENT_REASONS = {
  reasonable: [
    "What the customer asks for matches what they were sold and what the law gives them.",
    "Fair request: this is what we would expect in their place.",
    "Proportionate to the inconvenience caused.",
  ],
  partly: [
    "The core request is fair; the compensation asked for goes beyond the loss.",
    "Fair to put it right; not to refund in full as well.",
    "Part of the request is covered by the warranty, part is not.",
  ],
  unreasonable: [
    "Asks for far more than the purchase price and is outside policy and consumer law.",
    "The appliance works as sold; the request is for a refund on a used item outside the return period.",
    "Demands go well beyond what we sold; explained our policy.",
  ],
} as const;

export const ACKNOWLEDGEMENTS = [
  "Thank you for getting in touch about your {product}. I'm {agent} and I'll be looking after your case. I'll be back in touch by {due}.",
  "Thank you for telling us about this. My name is {agent}, I've read your message and I'm looking into it now. You'll hear from me by {due}.",
  "Hello, I'm {agent} from the customer care team. I've picked up your case and will come back to you by {due} at the latest.",
] as const;

// Sympathy for the inconvenience, never an admission of fault: that waits for a supervisor.
export const APOLOGIES = {
  any: [
    "I'm sorry for the inconvenience and frustration this has caused you.",
    "I'm sorry you've had this experience with us, and for the time it has taken you to sort out.",
  ],
  withoutAppliance: ["I'm sorry this has happened. I understand how disruptive it is to be without a working {noun}."],
} as const;

export const FOLLOW_UP_OUTCOMES = {
  happy: ["Customer confirmed everything is working and they are happy with how it was handled.", "Spoke to the customer: all sorted, no further issues.", "Customer happy with the outcome."],
  unhappy: ["Customer still unhappy but accepts this is our final position.", "Customer did not accept the outcome; no further action agreed."],
} as const;

export const SATISFACTION_COMMENTS: Record<1 | 2 | 3 | 4 | 5, readonly string[]> = {
  1: ["Took far too long and I had to chase constantly.", "Not resolved to my satisfaction."],
  2: ["Got there in the end but it shouldn't have been this hard.", ""],
  3: ["OK once someone took ownership.", ""],
  4: ["Sorted out well, thanks.", "Good communication once I got through.", ""],
  5: ["Really impressed with how this was handled, thank you.", "Kept me updated every step. Excellent.", "Above and beyond, thank you!", ""],
};

export const GOODWILL = [
  { text: "A £25 gift voucher for the inconvenience.", cents: 2500 },
  { text: "Free delivery on your next order.", cents: 1999 },
  { text: "An extra 12 months' warranty on the appliance.", cents: 4900 },
  { text: "A £10 account credit.", cents: 1000 },
  { text: "Free removal and recycling of your old appliance.", cents: 2500 },
] as const;

export const ESCALATION_REASONS = {
  repeat: [
    "Customer has contacted us repeatedly about the same kind of issue.",
    "Customer asked for a manager and says they will go to the ombudsman and the press.",
  ],
  disagreed: ["Customer did not accept the proposed resolution and asked for a manager."],
  visit: ["Second failed visit: needs a supervisor to authorise a priority slot."],
  other: ["Customer asked to speak to a manager.", "Goodwill asked for is above an agent's limit."],
} as const;

/** What staff say when a disputed request is still beyond policy after a second look. */
export const FINAL_POSITION =
  "We have reviewed your case again, with a manager, and our position is unchanged. We have explained what we can offer and are not able to go further.";

export const DEBRIEFS = {
  hard: [
    "Forty minutes of being shouted at. I kept to the policy but it took a lot out of me. Needed ten minutes away from the phones afterwards.",
    "Customer made personal remarks about me and threatened to post my name online. Stayed calm, but I'd like a supervisor on any further calls.",
    "Very hard call: every answer was met with a new demand. I don't think anything we offer will be enough.",
    "Customer called me incompetent several times. I'm fine, but flagging it in case it continues.",
  ],
  normal: [
    "Customer was upset but fair. Listening first worked; by the end of the call we were on the same page.",
    "Tricky because the customer had been passed around. Taking ownership early calmed things down.",
  ],
} as const;

export const CALL_NOTES = [
  "Talked the customer through what happened and what we can do next.",
  "Customer explained the problem in detail; agreed to look into it and call back.",
  "Long call: customer very frustrated. Listened, summarised, agreed next steps.",
  "Called to check details and confirm the best way to reach them.",
] as const;

/** Questions staff ask while investigating, and the customer's answer. */
export const INFO_REQUESTS = {
  photos: {
    ask: "Could you send us a couple of photos of the problem and of the label inside the door (it has the serial number)? You can add them on your tracking page.",
    reply: "I've added the photos you asked for. The serial number is on the label inside the door.",
  },
  statement: {
    ask: "Could you send a screenshot of your bank statement showing both payments? Please cover up everything except the two transactions.",
    reply: "I've added a screenshot of my statement with the two payments.",
  },
  availability: {
    ask: "Could you let us know which days next week you are at home, so we can book the visit around you?",
    reply: "I'm available any day next week except Wednesday.",
  },
} as const;
