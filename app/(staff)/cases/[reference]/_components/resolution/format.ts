import { instantToLocal } from "@/lib/cases/actions/local-time";
import { formatDate, formatDateTime } from "../../../../_components/format";

/** "10 Mar 2026, 17:00", or "end of 10 Mar 2026" for a promise made for a day without a time. */
export function formatDue(dueAt: Date, timeZone: string): string {
  return instantToLocal(dueAt, timeZone).time === "23:59" ? `end of ${formatDate(dueAt, timeZone)}` : formatDateTime(dueAt, timeZone);
}

/** "£" for GBP: the symbol shown beside money inputs. */
export function currencySymbol(currency: string): string {
  return new Intl.NumberFormat("en-GB", { style: "currency", currency }).formatToParts(0).find((p) => p.type === "currency")?.value ?? currency;
}
