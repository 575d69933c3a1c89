/** Sizes and money symbols as people read them (British English). */

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
