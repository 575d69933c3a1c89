import type { ProcessKey, RootCauseKey } from "./taxonomy";

/**
 * What customers write, in their own words, by root cause. A template may be limited to the
 * processes it makes sense for. Placeholders come from catalogue.ts `caseDetails`.
 */
type Story = { text: string; processes?: readonly ProcessKey[] };

export const DESCRIPTIONS: Record<RootCauseKey, readonly Story[]> = {
  courierMissed: [
    { text: "I took {day} off work for the delivery of my {product} (order {order}). The slot was {slot} and nobody turned up. Nobody called either. When I rang at 4pm I was told it was \"on the van\" and then it simply never arrived." },
    { text: "This is the second time my {product} delivery has been missed. I had a text in the morning confirming the {slot} window, waited in all day, then got another text at 7pm saying it had been rescheduled. No explanation at all." },
    { text: "The driver marked my delivery as \"customer not in\" but I was at home the whole time and my doorbell camera shows nobody came to the door. Order {order}, {product}." },
  ],
  damagedInTransit: [
    { text: "My {product} arrived with a big dent in the side panel and the door doesn't close properly. The drivers had gone before I could check it. I have photos." },
    { text: "When we unpacked the {product} the front was cracked. The box had obviously been dropped, one corner was completely crushed. Order {order}." },
    { text: "The delivery team scraped the {product} along our hallway and the back of the unit is bent. It rattles when it runs and there's a long scuff on our freshly painted wall too." },
  ],
  installerUnqualified: [
    { text: "The installer arrived for my {product} and said he wasn't trained to fit integrated models, so he left it in the box in the middle of my kitchen. I paid {fee} for installation on order {order}." },
    { text: "Your installer connected my {product} but said the rest of the connection \"wasn't his job\" and we'd need a specialist. I now have a {noun} I can't use and I paid for full installation." },
    { text: "The {product} was installed on {day} and has leaked twice since. A plumber friend looked at it and says the waste hose is fitted wrongly and the unit isn't level. I paid for professional installation." },
    { text: "The fitter couldn't work out how to take out the old appliance and install the new {product}. He spent two hours on the phone and then told me to book another appointment. My kitchen was left in a mess." },
    { text: "The installer fitted my {product} but didn't attach the door panel properly, so it hangs crooked and catches on the cupboard next to it. He said he'd \"never done one of these before\"." },
  ],
  installerNoShow: [
    { text: "I was given an installation appointment for {day}, {slot}, for my {product}. Nobody came. When I called I was told the installer had been \"reallocated\" to another job. I've now been without a working {noun} for {weeks} days." },
    { text: "The installation of my {product} has been cancelled on the morning of the appointment twice now. Each time I only find out because I ring to check. Order {order}." },
    { text: "The delivery arrived fine but the installation team that was supposed to come the same day never showed up. The {product} is still sitting in my hallway blocking the door." },
    { text: "Booked installation for {day} and took the day off. At 3pm I got a text saying the installer was running late, then nothing. Nobody has been in touch since about order {order}." },
  ],
  doubleCharge: [
    { text: "I was charged twice for order {order}: two payments of {amount} on my bank statement on the same day. The website showed an error the first time so I paid again, but both went through.", processes: ["online", "billing"] },
    { text: "My card was charged {amount} for my {product} and then again three days later. I only ordered one.", processes: ["billing"] },
    { text: "Checkout took my payment but then said the order had failed. I ordered again and now I have two charges of {amount} and only one order confirmation.", processes: ["online"] },
  ],
  refundDelayed: [
    { text: "I returned the {product} and was told the refund of {amount} would take 5 working days. It has now been {weeks} weeks and I still don't have my money.", processes: ["returns", "billing"] },
    { text: "Your team confirmed my refund for order {order} on the phone and again by email, but nothing has arrived. Every time I call I'm told finance are \"processing it\".", processes: ["returns", "billing"] },
    { text: "I was promised a refund of the {fee} installation fee when the installation was cancelled. It has not been paid. It's not a huge amount but it's the principle.", processes: ["returns", "billing"] },
  ],
  staffRude: [
    { text: "I called about my {product} and the person I spoke to was sarcastic and kept talking over me. When I asked for a manager I was told none was available and then the line went dead.", processes: ["service", "repairs"] },
    { text: "The man in your store was dismissive when I asked about order {order}. He said \"that's not my problem\" and turned to serve someone else while I was still talking.", processes: ["service"] },
    { text: "Your chat agent kept pasting the same answer and then closed the chat while I was still typing. I've never been treated like that by a shop before.", processes: ["service"] },
    { text: "The driver was rude when I asked him to bring the {product} into the kitchen, swore at my husband and left it on the drive.", processes: ["delivery"] },
  ],
  wrongInfo: [
    { text: "I was told on the phone that the {product} would fit a 60cm space. It doesn't: it's 60cm without the handle and the door won't open fully. I wouldn't have bought it if I'd known.", processes: ["service", "online"] },
    { text: "Your staff told me the old appliance would be taken away for free at delivery. The driver refused and said I hadn't paid for removal.", processes: ["delivery", "service"] },
    { text: "I was told I could return the {product} within 30 days, no questions asked. Now I'm told that doesn't apply because it has been installed.", processes: ["returns", "service"] },
    { text: "I was told the 0% finance would cover the installation as well. My first statement shows interest on the installation fee.", processes: ["billing"] },
    { text: "The person on the phone said the engineer's visit would be free under warranty. Now I've had an invoice for the call-out.", processes: ["repairs"] },
    { text: "The website chat said the {product} was in stock for next-day delivery. Two days later I got an email saying it's on back order for {weeks} weeks.", processes: ["online"] },
  ],
  productDefect: [
    { text: "My {product} is only {months} months old and has stopped working properly: {symptom}. It's still under warranty." },
    { text: "The {product} has a fault: {symptom}. I've had it since {month} and it has already been repaired once." },
    { text: "Brand new {product} and {symptom} from the first week. Order {order}." },
  ],
  weather: [
    { text: "My {product} delivery was cancelled on the day \"because of the weather\". It was a bit windy, that's all. Nobody offered me another slot." },
    { text: "The delivery was meant to come on {day} but was postponed because of a road closure. I understand things happen but I wasn't told until I called." },
    { text: "The van couldn't get up our lane because of the flooding, fair enough, but I've been waiting over a week for a new date for order {order}." },
  ],
  changedMind: [
    { text: "I want to return the {product}. We've used it for a few weeks and decided it's too noisy for our open-plan kitchen. The store is refusing a refund.", processes: ["returns", "online"] },
    { text: "The {product} is a different shade from the one in the photos. It's been installed and used, but I'd like to swap it for another model.", processes: ["returns", "online"] },
    { text: "We've decided to redo the kitchen and no longer need the {product} we bought in {month}. I'd like a full refund.", processes: ["returns"] },
  ],
  unreasonable: [
    { text: "My {product} broke after three years and I expect a free replacement. An appliance like that should last ten years.", processes: ["repairs"] },
    { text: "The delivery was two hours late, so I expect the whole order ({amount}) to be refunded.", processes: ["delivery", "billing"] },
    { text: "I want the installer to move my kitchen units and re-tile behind the {product} at no extra cost, because it looks unfinished.", processes: ["installation"] },
    { text: "I'd like the interest on my finance agreement written off entirely, because the paperwork took longer than I expected.", processes: ["billing"] },
    { text: "I'm returning the {product} after {months} months of use and I want a full refund plus the cost of the new one I've bought elsewhere.", processes: ["returns"] },
  ],
  wrongAddress: [
    { text: "My {product} was delivered to the wrong house. I live at 14, not 41. I want it collected and brought to me today.", processes: ["delivery", "online"] },
    { text: "The driver couldn't find my flat and took the {product} back to the depot. Now I'm told I have to pay for another delivery.", processes: ["delivery", "installation"] },
    { text: "The order went to my old address even though I'm sure I changed it. Order {order}.", processes: ["online", "delivery"] },
  ],
  unclear: [
    { text: "Just very unhappy with the whole experience of buying my {product}. Everything took too long, I had to chase every step and nobody seems to know what's going on." },
    { text: "Something isn't right with order {order}: the tracking says delivered but also says pending. Can someone explain what is happening?" },
    { text: "The {product} sometimes makes a strange noise and I was given different answers by different people about whether that's normal." },
  ],
};

export const DESIRED_OUTCOMES: Record<RootCauseKey, readonly string[]> = {
  courierMissed: ["A guaranteed delivery slot this week and the delivery charge refunded.", "Compensation for the day off work I lost.", "Just deliver it, please, on a day you will actually turn up."],
  damagedInTransit: ["A new replacement and the damaged one taken away.", "Replace it and pay for the wall to be repaired.", "A partial refund, I'll keep it if the price is right."],
  installerUnqualified: ["Send someone who knows how to fit it, at no cost.", "Refund the installation fee and I'll get my own fitter.", "A qualified installer this week and the leak damage put right."],
  installerNoShow: ["A firm installation date and something for the time I've wasted.", "Refund the installation fee.", "Someone to come out this week, guaranteed."],
  doubleCharge: ["Refund the second payment straight away.", "Refund the duplicate charge and confirm it in writing."],
  refundDelayed: ["My money back this week.", "The refund paid today and an explanation of the delay."],
  staffRude: ["An apology, and for the staff member to be spoken to.", "I want to know this has been dealt with."],
  wrongInfo: ["Swap it for a model that fits, at no extra cost.", "Honour what I was told.", "Take it back and refund me in full."],
  productDefect: ["Repair or replace it under the warranty.", "A replacement, I don't want it repaired again.", "An engineer visit this week."],
  weather: ["A new delivery date as soon as possible.", "Keep me informed next time."],
  changedMind: ["A full refund.", "Swap it for a different model."],
  unreasonable: ["A full refund plus compensation.", "A free replacement.", "Do the extra work free of charge."],
  wrongAddress: ["Deliver it to the right address free of charge.", "Collect it from the wrong house and bring it to me today."],
  unclear: ["Someone to explain what is going on.", "Sort it out."],
};

/** Short notes customers add on the tracking page while a case is open. */
export const CUSTOMER_MESSAGES = [
  "Any update please? I haven't heard anything since we last spoke.",
  "Thanks for the call earlier. Just to add: the problem happened again this morning.",
  "Please can you call me rather than email, I'm at work most of the day.",
] as const;

export const CUSTOMER_DISAGREEMENTS = [
  "That isn't good enough. I want what I asked for.",
  "I don't accept this. I've spent hours on this and deserve more than that.",
  "This doesn't deal with the problem I raised.",
] as const;

export const CUSTOMER_AGREEMENTS = ["Thank you, that's fine.", "OK, that works for me.", "Yes, please go ahead.", ""] as const;
