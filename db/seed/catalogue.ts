import type { Random } from "./random";

type Kind = "cold" | "laundry" | "dishwasher" | "cooking";

const PRODUCTS: ReadonlyArray<{ name: string; kind: Kind; price: number }> = [
  { name: "Beko fridge freezer", kind: "cold", price: 449 },
  { name: "LG American fridge freezer", kind: "cold", price: 1299 },
  { name: "Hisense chest freezer", kind: "cold", price: 279 },
  { name: "Bosch integrated fridge", kind: "cold", price: 689 },
  { name: "Samsung washing machine", kind: "laundry", price: 499 },
  { name: "Miele washer dryer", kind: "laundry", price: 1549 },
  { name: "Hotpoint tumble dryer", kind: "laundry", price: 389 },
  { name: "Candy washing machine", kind: "laundry", price: 299 },
  { name: "Bosch dishwasher", kind: "dishwasher", price: 529 },
  { name: "Zanussi integrated dishwasher", kind: "dishwasher", price: 459 },
  { name: "Neff slimline dishwasher", kind: "dishwasher", price: 619 },
  { name: "AEG electric oven", kind: "cooking", price: 749 },
  { name: "Neff induction hob", kind: "cooking", price: 699 },
  { name: "Smeg range cooker", kind: "cooking", price: 1899 },
  { name: "Indesit freestanding cooker", kind: "cooking", price: 399 },
];

const SYMPTOMS: Record<Kind, readonly string[]> = {
  cold: [
    "it isn't keeping food cold and the freezer drawers are icing up",
    "it makes a loud knocking noise every few minutes, day and night",
    "the fridge light and display keep cutting out",
  ],
  laundry: [
    "the drum won't spin and it stops with an error code halfway through every wash",
    "it leaks water across the kitchen floor on every cycle",
    "the door won't unlock at the end of the programme",
  ],
  dishwasher: [
    "it doesn't drain and shows error E24",
    "the dishes come out dirty and the bottom spray arm doesn't turn",
    "it trips the electrics whenever it starts heating",
  ],
  cooking: [
    "the oven fan doesn't work and the oven never reaches temperature",
    "two of the hob zones cut out after a few minutes",
    "the door glass has cracked from the heat",
  ],
};

const NOUNS: Record<Kind, string> = { cold: "fridge", laundry: "washing machine", dishwasher: "dishwasher", cooking: "cooker" };

const SLOTS = ["7am–12pm", "8am–1pm", "12pm–6pm", "10am–2pm", "1pm–5pm"] as const;

const WEEKDAY = new Intl.DateTimeFormat("en-GB", { weekday: "long", timeZone: "Europe/London" });
const LONG_DATE = new Intl.DateTimeFormat("en-GB", { weekday: "long", day: "numeric", month: "long", timeZone: "Europe/London" });
const MONTH = new Intl.DateTimeFormat("en-GB", { month: "long", timeZone: "Europe/London" });

/** "Friday 14 March", in the business's time zone. */
export function longDate(date: Date): string {
  return LONG_DATE.format(date);
}

export function money(pounds: number): string {
  return `£${pounds.toLocaleString("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** The particulars of one case, used to fill the text templates: `{product}`, `{order}`, ... */
export type CaseDetails = Record<
  "product" | "noun" | "order" | "amount" | "day" | "slot" | "symptom" | "weeks" | "months" | "month" | "fee",
  string
>;

export function caseDetails(random: Random, occurredOn: Date, orderNumbers: Set<number>): CaseDetails {
  const product = random.pick(PRODUCTS);
  let orderNumber = random.int(20000, 48999);
  while (orderNumbers.has(orderNumber)) orderNumber = random.int(20000, 48999);
  orderNumbers.add(orderNumber);
  const monthsOwned = random.int(2, 20);
  const bought = new Date(occurredOn.getTime() - monthsOwned * 30 * 86_400_000);
  return {
    product: product.name,
    noun: NOUNS[product.kind],
    order: `HH-${orderNumber}`,
    amount: money(product.price),
    day: WEEKDAY.format(occurredOn),
    slot: random.pick(SLOTS),
    symptom: random.pick(SYMPTOMS[product.kind]),
    weeks: String(random.int(2, 6)),
    months: String(monthsOwned),
    month: MONTH.format(bought),
    fee: money(random.pick([65, 79, 95, 120])),
  };
}

/** Replaces `{name}` placeholders; an unknown placeholder is a bug in the templates, so it throws. */
export function fill(template: string, details: Partial<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = details[key];
    if (value === undefined) throw new Error(`No value for {${key}} in "${template}"`);
    return value;
  });
}
