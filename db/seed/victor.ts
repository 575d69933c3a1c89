import type { INTAKE_CHANNELS, REQUEST_JUDGEMENTS } from "@/db/schema/enums";
import type { Fault, ProcessKey, RootCauseKey } from "./taxonomy";

export type Channel = (typeof INTAKE_CHANNELS)[number];
export type Judgement = (typeof REQUEST_JUDGEMENTS)[number];

/**
 * The difficult repeat complainer's cases, written out one by one: ten complaints in ninety
 * days over four processes, almost all asking for far more than policy or the law gives.
 * One (the double charge) is a genuine service fault, as real difficult customers also have.
 */
export type VictorCase = {
  daysAgo: number;
  process: ProcessKey;
  rootCause: RootCauseKey;
  judgement: Judgement;
  fault: Fault;
  channel: Channel;
  order: string;
  description: string;
  desiredOutcome: string;
  escalate?: boolean;
  disagree?: boolean;
  hardDebrief?: boolean;
};

export const VICTOR_CASES: readonly VictorCase[] = [
  {
    daysAgo: 86, process: "returns", rootCause: "changedMind", judgement: "unreasonable", fault: "customer", channel: "email", order: "HH-31877",
    description: "I am returning the Smeg range cooker I bought in June because the cream colour clashes with my new tiles. Your store says it has been used and will only take it back with a restocking fee. That is outrageous. I demand a full refund of £1,899.00 plus £60 for my time and the taxi to your store.",
    desiredOutcome: "Full refund and £60 compensation.", disagree: true,
  },
  {
    daysAgo: 78, process: "service", rootCause: "unreasonable", judgement: "unreasonable", fault: "customer", channel: "phone", order: "HH-31877",
    description: "Your phone agent refused to put me through to your managing director. I want the name and direct line of your MD and a written apology for wasting 40 minutes of my time on hold.",
    desiredOutcome: "A written apology and the managing director's direct number.", disagree: true, hardDebrief: true,
  },
  {
    daysAgo: 69, process: "online", rootCause: "unreasonable", judgement: "unreasonable", fault: "customer", channel: "web", order: "HH-33402",
    description: "I ordered the LG American fridge freezer on your website and it arrived two days later. I have since found it £80 cheaper elsewhere. I want the difference refunded AND to keep the free delivery, otherwise I will send it back and review you everywhere I can.",
    desiredOutcome: "Refund the £80 difference.", disagree: true,
  },
  {
    daysAgo: 61, process: "billing", rootCause: "doubleCharge", judgement: "reasonable", fault: "service", channel: "email", order: "HH-33402",
    description: "You have charged my card £1,299.00 twice for order HH-33402. Typical. Refund the second payment today.",
    desiredOutcome: "Refund of the duplicate payment.",
  },
  {
    daysAgo: 50, process: "returns", rootCause: "unreasonable", judgement: "unreasonable", fault: "customer", channel: "email", order: "HH-34115",
    description: "The collection of my washer dryer was booked for 8am–1pm and your driver arrived at 12:55. I had to rearrange my whole morning around you. I want £250 compensation for the morning I lost.",
    desiredOutcome: "£250 compensation.", escalate: true, disagree: true, hardDebrief: true,
  },
  {
    daysAgo: 41, process: "service", rootCause: "unclear", judgement: "unreasonable", fault: "undetermined", channel: "phone", order: "HH-34115",
    description: "The chat agent was short with me and closed the chat before I'd finished. I want to know what disciplinary action you are taking.",
    desiredOutcome: "Tell me what action has been taken against the agent.",
  },
  {
    daysAgo: 33, process: "online", rootCause: "unreasonable", judgement: "unreasonable", fault: "customer", channel: "web", order: "HH-35560",
    description: "Your website said \"free delivery\" but did not say that doesn't include carrying the appliance up to my second-floor flat. The drivers left it in the communal hall. I want the drivers disciplined and £100 compensation.",
    desiredOutcome: "£100 compensation and the drivers disciplined.", escalate: true, disagree: true, hardDebrief: true,
  },
  {
    daysAgo: 22, process: "billing", rootCause: "unreasonable", judgement: "unreasonable", fault: "customer", channel: "email", order: "HH-34115",
    description: "I dispute the restocking fee of £189.90 on my return. I never agreed to it. Refund it immediately or I will go to my bank and the ombudsman.",
    desiredOutcome: "Refund the restocking fee.", escalate: true, disagree: true, hardDebrief: true,
  },
  {
    daysAgo: 12, process: "returns", rootCause: "changedMind", judgement: "unreasonable", fault: "customer", channel: "web", order: "HH-36021",
    description: "I want to return the Miele washer dryer I bought three months ago. It is too loud on the spin cycle. Full refund and collection by Friday.",
    desiredOutcome: "Full refund and collection by Friday.", disagree: true,
  },
  {
    daysAgo: 3, process: "service", rootCause: "unreasonable", judgement: "unreasonable", fault: "customer", channel: "email", order: "HH-36021",
    description: "I was promised a call back by end of day yesterday and nobody called. This is the ninth time I have had to complain to you. I want £500 for the total time I have wasted dealing with your company.",
    desiredOutcome: "£500 compensation.", hardDebrief: true,
  },
];
