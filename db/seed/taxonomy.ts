import type { FAULT_ATTRIBUTIONS } from "@/db/schema/enums";

export type Fault = (typeof FAULT_ATTRIBUTIONS)[number];

export const PROCESS_KEYS = ["delivery", "installation", "billing", "returns", "repairs", "service", "online"] as const;
export type ProcessKey = (typeof PROCESS_KEYS)[number];

export const DEMO_PROCESSES: Record<ProcessKey, { name: string; description: string }> = {
  delivery: {
    name: "Delivery",
    description: "Booking delivery slots, the courier's visit and taking away old appliances.",
  },
  installation: {
    name: "Installation",
    description: "Fitting, connecting and commissioning appliances by our installation partners.",
  },
  billing: { name: "Billing", description: "Payments, invoices, finance agreements and charges." },
  returns: { name: "Returns & refunds", description: "Cancellations, collections of returned goods and paying refunds." },
  repairs: {
    name: "Repairs & warranty",
    description: "Faults after delivery, engineer visits and claims under the manufacturer's warranty.",
  },
  service: {
    name: "Customer service (phone & chat)",
    description: "How our contact centre and store teams deal with questions and problems.",
  },
  online: { name: "Online ordering", description: "The website, checkout, order confirmations and stock information." },
};

export const ROOT_CAUSE_KEYS = [
  "courierMissed",
  "damagedInTransit",
  "installerUnqualified",
  "installerNoShow",
  "doubleCharge",
  "refundDelayed",
  "staffRude",
  "wrongInfo",
  "productDefect",
  "weather",
  "changedMind",
  "unreasonable",
  "wrongAddress",
  "unclear",
] as const;
export type RootCauseKey = (typeof ROOT_CAUSE_KEYS)[number];

export const DEMO_ROOT_CAUSES: Record<RootCauseKey, { name: string; description: string; defaultFault: Fault }> = {
  courierMissed: {
    name: "Courier missed delivery window",
    description: "The delivery did not arrive in the booked slot, or the driver left without trying.",
    defaultFault: "service",
  },
  damagedInTransit: {
    name: "Damaged in transit",
    description: "The appliance or the customer's home was damaged between our warehouse and fitting.",
    defaultFault: "service",
  },
  installerUnqualified: {
    name: "Installer not qualified for the model",
    description: "The installer sent could not fit this kind of appliance, or fitted it wrongly.",
    defaultFault: "service",
  },
  installerNoShow: {
    name: "Installer missed the appointment",
    description: "Nobody came for a booked installation, or it was cancelled on the day.",
    defaultFault: "service",
  },
  doubleCharge: {
    name: "Double charge at checkout",
    description: "The customer was charged more than once for one order.",
    defaultFault: "service",
  },
  refundDelayed: {
    name: "Refund delayed by finance",
    description: "An agreed refund was paid late or not at all.",
    defaultFault: "service",
  },
  staffRude: {
    name: "Staff member rude or dismissive",
    description: "The way a member of staff spoke to or treated the customer.",
    defaultFault: "service",
  },
  wrongInfo: {
    name: "Wrong information given by staff",
    description: "A member of staff told the customer something that was not true (sizes, policy, dates).",
    defaultFault: "service",
  },
  productDefect: {
    name: "Product defect from manufacturer",
    description: "A fault in the appliance itself, covered by the manufacturer's warranty.",
    defaultFault: "external",
  },
  weather: {
    name: "Severe weather / road closure",
    description: "Snow, flooding or closed roads stopped a visit going ahead.",
    defaultFault: "external",
  },
  changedMind: {
    name: "Customer changed mind after use",
    description: "The customer no longer wants an appliance they have used and that works as described.",
    defaultFault: "customer",
  },
  unreasonable: {
    name: "Unreasonable expectation beyond policy",
    description: "The request goes well beyond the law, the warranty or what was sold.",
    defaultFault: "customer",
  },
  wrongAddress: {
    name: "Customer gave wrong address",
    description: "The address or access details given at checkout were wrong or incomplete.",
    defaultFault: "customer",
  },
  unclear: {
    name: "Unclear / unresolved",
    description: "The cause could not be established.",
    defaultFault: "undetermined",
  },
};

type Weights = ReadonlyArray<readonly [RootCauseKey, number]>;

/** How often each root cause lies behind an ordinary complaint about each process. */
export const CAUSES_BY_PROCESS: Record<ProcessKey, Weights> = {
  delivery: [
    ["courierMissed", 40],
    ["damagedInTransit", 20],
    ["weather", 14],
    ["wrongAddress", 13],
    ["wrongInfo", 5],
    ["staffRude", 3],
    ["unclear", 5],
  ],
  installation: [
    ["installerUnqualified", 32],
    ["installerNoShow", 28],
    ["damagedInTransit", 8],
    ["productDefect", 10],
    ["unreasonable", 8],
    ["wrongAddress", 5],
    ["unclear", 9],
  ],
  billing: [
    ["doubleCharge", 45],
    ["refundDelayed", 12],
    ["wrongInfo", 15],
    ["unreasonable", 15],
    ["unclear", 13],
  ],
  returns: [
    ["refundDelayed", 35],
    ["changedMind", 28],
    ["unreasonable", 14],
    ["wrongInfo", 12],
    ["unclear", 11],
  ],
  repairs: [
    ["productDefect", 48],
    ["unreasonable", 16],
    ["wrongInfo", 12],
    ["staffRude", 8],
    ["unclear", 16],
  ],
  service: [
    ["staffRude", 48],
    ["wrongInfo", 38],
    ["unclear", 14],
  ],
  online: [
    ["doubleCharge", 38],
    ["wrongInfo", 20],
    ["changedMind", 14],
    ["wrongAddress", 12],
    ["unclear", 16],
  ],
};

/** The installation surge: most of it is the installers' doing. */
export const SURGE_CAUSES: Weights = [
  ["installerUnqualified", 50],
  ["installerNoShow", 40],
  ["productDefect", 4],
  ["unreasonable", 2],
  ["wrongAddress", 2],
  ["unclear", 2],
];
