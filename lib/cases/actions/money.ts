/**
 * Money typed by staff, as whole cents. The business works in one currency (see CURRENCY);
 * amounts are stored as integers so sums in analytics are exact.
 */

/**
 * The business's currency. business_settings has no currency column yet, so the workspace
 * uses pounds sterling, like the rest of the app's money displays.
 */
export const CURRENCY = "GBP";

/** The most a single goodwill extra may cost, in whole units of the currency. */
export const MAX_GOODWILL_UNITS = 100_000;

export type MoneyParse = { ok: true; cents: number } | { ok: false; message: string };

const SYMBOLS = /^(?:£|\$|€|gbp|usd|eur)\s*/i;

/**
 * Reads "25", "25.5", "25.50", "£25.50", "£ 1,250" or "GBP 25" as cents. Refuses negative
 * amounts, more than two decimals, anything that is not a number, and amounts over the maximum.
 */
export function parseMoneyToCents(input: string, maxUnits: number = MAX_GOODWILL_UNITS): MoneyParse {
  let text = input.trim();
  if (!text) return { ok: false, message: "Enter the cost (0 if it costs nothing)." };
  let negative = false;
  if (text.startsWith("-")) {
    negative = true;
    text = text.slice(1).trim();
  }
  text = text.replace(SYMBOLS, "");
  if (text.startsWith("-")) {
    negative = true;
    text = text.slice(1).trim();
  }
  // Thousands separators only in their proper places: "1,250.00" yes, "12,50" no.
  if (!/^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d{1,2})?$/.test(text) && !/^\.\d{1,2}$/.test(text)) {
    return { ok: false, message: "Enter an amount such as 25 or 25.50." };
  }
  if (negative) return { ok: false, message: "The cost cannot be negative." };
  const [units = "0", fraction = ""] = text.replace(/,/g, "").split(".");
  const cents = Number(units || "0") * 100 + Number(fraction.padEnd(2, "0") || "0");
  if (cents > maxUnits * 100) return { ok: false, message: `The cost cannot be more than ${formatCents(maxUnits * 100)}.` };
  return { ok: true, cents };
}

/** "£25.50", "£1,250.00". */
export function formatCents(cents: number, currency: string = CURRENCY): string {
  return new Intl.NumberFormat("en-GB", { style: "currency", currency }).format(cents / 100);
}
