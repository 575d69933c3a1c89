import type { CsvRecord } from "./csv";

/** How far down a file the header is looked for: stray lines before it are usually few. */
const HEADER_SEARCH_RECORDS = 20;
export const MIN_HEADER_COLUMNS = 3;

const NUMBER = /^[-+]?[\d.,\s]+%?$/;
const DATE_LIKE = /^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}/;

/** A cell that reads like a column name rather than a value: some letters, not a number or a date. */
function looksLikeLabel(cell: string): boolean {
  const value = cell.trim();
  return /\p{L}/u.test(value) && !NUMBER.test(value) && !DATE_LIKE.test(value) && value.length <= 80;
}

/**
 * The line of the first record that looks like a header: at least MIN_HEADER_COLUMNS cells,
 * none empty, at least 80% of them label-like, and its column names distinct. Null when no such
 * record appears near the top (then the person picks the line themselves).
 */
export function detectHeaderLine(records: CsvRecord[]): number | null {
  for (const record of records.slice(0, HEADER_SEARCH_RECORDS)) {
    const cells = record.cells.map((c) => c.trim());
    if (cells.length < MIN_HEADER_COLUMNS || cells.some((c) => c === "")) continue;
    const labels = cells.filter(looksLikeLabel).length;
    if (labels / cells.length < 0.8) continue;
    if (new Set(cells.map((c) => c.toLowerCase())).size !== cells.length) continue;
    return record.line;
  }
  return null;
}

export type CsvTable = {
  headerLine: number;
  columns: string[];
  /** Data records after the header, each with its starting line. */
  rows: CsvRecord[];
};

export type TableResult = { ok: true; table: CsvTable } | { ok: false; message: string };

/**
 * Splits the records at the header line. Column names are trimmed; blank or repeated names get
 * a position suffix so every column can still be told apart in the mapping form.
 */
export function tableAt(records: CsvRecord[], headerLine: number): TableResult {
  const index = records.findIndex((r) => r.line === headerLine);
  if (index === -1) {
    const later = records.find((r) => r.line > headerLine);
    const hint = later ? ` (line ${headerLine} is blank or inside a multi-line cell; the next record starts on line ${later.line})` : "";
    return { ok: false, message: `No CSV record starts on line ${headerLine}${hint}.` };
  }
  const seen = new Map<string, number>();
  const columns = records[index]!.cells.map((cell, i) => {
    const name = cell.trim() || `Column ${i + 1}`;
    const count = (seen.get(name.toLowerCase()) ?? 0) + 1;
    seen.set(name.toLowerCase(), count);
    return count > 1 ? `${name} (${count})` : name;
  });
  return { ok: true, table: { headerLine, columns, rows: records.slice(index + 1) } };
}
