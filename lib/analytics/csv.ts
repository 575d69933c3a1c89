/**
 * CSV for spreadsheets: RFC 4180 quoting, and protection against formula injection. A cell that
 * starts with = + - @ tab or carriage return could run as a formula when the file is opened in a
 * spreadsheet, so it gets a leading apostrophe (the usual convention: shown as text, not run).
 * Numbers are written as numbers (a negative count is data, not a formula).
 */
export type CsvValue = string | number | boolean | null | undefined | Date;

const FORMULA_START = /^[=+\-@\t\r]/;
// Spreadsheets guess the separator: many European locales split on ";", and some on tabs. A field
// holding any separator a spreadsheet might use, a quote or a line break is quoted, so it stays one
// cell whatever the reader splits on (and a formula after a ";" is never the start of a cell).
const NEEDS_QUOTES = /[",;\t\r\n]/;

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "yes" : "no";
  let text = value instanceof Date ? value.toISOString() : value;
  if (FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: readonly CsvValue[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}

/**
 * A streamed CSV body: the header first, then each row as it is produced. Starts with a byte-order
 * mark so spreadsheet programs read the UTF-8 names correctly.
 */
export function csvStream(header: readonly string[], rows: Iterable<readonly CsvValue[]>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = rows[Symbol.iterator]();
  let started = false;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(`\uFEFF${csvLine(header)}`));
        return;
      }
      // A few hundred rows per chunk keeps memory flat without a chunk per line.
      let chunk = "";
      for (let i = 0; i < 500; i++) {
        const next = iterator.next();
        if (next.done) {
          if (chunk) controller.enqueue(encoder.encode(chunk));
          controller.close();
          return;
        }
        chunk += csvLine(next.value);
      }
      controller.enqueue(encoder.encode(chunk));
    },
  });
}
