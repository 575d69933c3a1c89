/**
 * Numbers as people read them (British English): counts, shares and ratios in verdicts and on the
 * analytics page (one style for every number a verdict shows), sizes and money symbols.
 */

/** "512 B", "2 KB", "3.0 MB": compact, for staff tables. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  return formatKilobytes(bytes);
}

/** "512 bytes", "2 KB", "3.0 MB": for customers, who may not read "B". */
export function formatBytesInWords(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  return formatKilobytes(bytes);
}

function formatKilobytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** "£" for GBP: the symbol shown beside money inputs. */
export function currencySymbol(currency: string): string {
  return new Intl.NumberFormat("en-GB", { style: "currency", currency }).formatToParts(0).find((p) => p.type === "currency")?.value ?? currency;
}

const whole = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 });

/** "1,999": every count in a sentence goes through here. */
export function num(n: number): string {
  return whole.format(n);
}

/** "1 complaint", "7 complaints", "1,204 processes". */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${whole.format(n)} ${n === 1 ? singular : plural}`;
}

/**
 * Whole percent from 10% to 99%; one decimal below 10% and above 99%, so that 2.4% is not shown
 * as 2%, nor 99.6% as 100%; one significant figure below 0.1%.
 */
function percentNumber(share: number): string {
  const pct = share * 100;
  if (pct <= 0 || pct >= 100) return whole.format(pct);
  if (pct < 0.1) return pct.toPrecision(1);
  if (pct < 9.95) return pct.toFixed(1);
  if (pct <= 99) return whole.format(pct);
  return Math.min(Number(pct.toFixed(1)), 99.9).toFixed(1);
}

export function percent(share: number): string {
  return `${percentNumber(share)}%`;
}

/** "49–97%" */
export function range(interval: { low: number; high: number }): string {
  return `${percentNumber(interval.low)}–${percentNumber(interval.high)}%`;
}

/** "3.1", "0.05", "23": one decimal below 10, two significant figures below 1, whole above 10. */
export function ratio(x: number): string {
  if (x >= 10) return whole.format(x);
  if (x >= 1) return x.toFixed(1);
  return Number(x.toPrecision(2)).toString();
}

/** "p=0.03", "p=0.004", "p=0.0004", "p<0.0001". */
export function pValue(p: number): string {
  if (p < 0.0001) return "p<0.0001";
  if (p < 0.001) return `p=${p.toFixed(4)}`;
  if (p < 0.01) return `p=${p.toFixed(3)}`;
  return `p=${p.toFixed(2)}`;
}

/** "45 min", "3 h", "6 h 40 min". */
export function minutes(total: number): string {
  const h = Math.floor(total / 60);
  const m = Math.round(total % 60);
  if (h === 0) return `${m} min`;
  return m === 0 ? `${whole.format(h)} h` : `${whole.format(h)} h ${m} min`;
}
