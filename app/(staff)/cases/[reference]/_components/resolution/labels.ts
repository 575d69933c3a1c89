import type { RESOLUTION_SOURCES, RESOLUTION_TYPES } from "@/db/schema/enums";

type ResolutionType = (typeof RESOLUTION_TYPES)[number];

/** Plain names for each kind of resolution, with one line on when it fits. */
export const RESOLUTION_TYPE_OPTIONS: ReadonlyArray<{ value: ResolutionType; label: string; hint: string }> = [
  { value: "repair", label: "Repair", hint: "Fix what is broken or faulty." },
  { value: "redo", label: "Redo the work", hint: "Do the service again, properly this time." },
  { value: "replace", label: "Replace", hint: "Swap the item for a new one." },
  { value: "refund", label: "Refund", hint: "Give money back, in full or in part." },
  { value: "credit", label: "Credit or voucher", hint: "Money off a future order or bill." },
  { value: "explanation", label: "Explanation", hint: "Explain what happened and why, when nothing needs fixing." },
  {
    value: "referral",
    label: "Refer to another business",
    hint: "Point the customer to a business that suits what they need better.",
  },
  { value: "none", label: "No action", hint: "Nothing will change; explain why in the description." },
];

export const RESOLUTION_TYPE_LABELS = Object.fromEntries(RESOLUTION_TYPE_OPTIONS.map((o) => [o.value, o.label])) as Record<ResolutionType, string>;

export const SOURCE_LABELS: Record<(typeof RESOLUTION_SOURCES)[number], string> = {
  staff: "We proposed it",
  customer: "The customer asked for it",
};

export const RATING_LABELS: Record<number, string> = {
  1: "1 – Very unhappy",
  2: "2 – Unhappy",
  3: "3 – Neither happy nor unhappy",
  4: "4 – Happy",
  5: "5 – Very happy",
};
