import type { FaultKey } from "@/lib/analytics/queries/time-series";

/** Shared by server sections and client charts: one colour and one word per fault everywhere. */
export const FAULT_SERIES: readonly { key: FaultKey; label: string; color: string }[] = [
  { key: "service", label: "Service", color: "#be123c" },
  { key: "customer", label: "Customer", color: "#d97706" },
  { key: "external", label: "External", color: "#0284c7" },
  { key: "undetermined", label: "Undetermined", color: "#64748b" },
  { key: "unattributed", label: "Not yet attributed", color: "#cbd5e1" },
];

export const FAULT_LABEL: Record<string, string> = Object.fromEntries(FAULT_SERIES.map((f) => [f.key, f.label]));

export const CHANNEL_COLORS = ["#1d4ed8", "#0f766e", "#7c3aed", "#c2410c", "#be185d", "#4d7c0f", "#0369a1", "#57534e"];

const hoursFormat = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 1 });

/** "45 min", "6.5 h", "3.2 d": durations in the unit a person reads at a glance. */
export function duration(hours: number | null): string {
  if (hours === null) return "—";
  if (hours < 1) return `${Math.round(hours * 60)} min`;
  if (hours < 48) return `${hoursFormat.format(hours)} h`;
  return `${hoursFormat.format(hours / 24)} d`;
}

export function share(part: number, whole: number): string {
  if (whole === 0) return "—";
  return `${Math.round((part / whole) * 100)}%`;
}

const money = new Intl.NumberFormat("en-GB", { style: "currency", currency: "GBP" });
export function pounds(cents: number): string {
  return money.format(cents / 100);
}

export function rating(average: number | null, count: number): string {
  return average === null || count === 0 ? "—" : `${average.toFixed(1)} / 5`;
}

const dayFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
const monthFormat = new Intl.DateTimeFormat("en-GB", { month: "short", year: "numeric", timeZone: "UTC" });

/** Axis and table label for a bucket's first day. */
export function bucketLabel(start: string, bucket: "day" | "week" | "month"): string {
  const date = new Date(`${start}T00:00:00Z`);
  if (bucket === "month") return monthFormat.format(date);
  return bucket === "week" ? `w/c ${dayFormat.format(date)}` : dayFormat.format(date);
}

/** Legend labels in body text colour: the light "not yet attributed" swatch would be unreadable as text. */
export function legendText(value: unknown) {
  return <span style={{ color: "#334155" }}>{String(value)}</span>;
}
