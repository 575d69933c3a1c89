import { parse } from "csv-parse/sync";

/** One CSV record and the file line it starts on (a quoted field may run over several lines). */
export type CsvRecord = { line: number; cells: string[] };

export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number | null,
  ) {
    super(message);
    this.name = "CsvSyntaxError";
  }
}

/**
 * Parses a whole CSV text. Rows may have different numbers of cells (files often carry stray
 * lines before the header), blank lines are skipped, and a stray quote inside an unquoted
 * cell is kept as text. Each record keeps the line number a person would find it on.
 */
export function parseCsv(text: string): CsvRecord[] {
  let parsed: Array<{ record: string[]; raw: string; info: { lines: number } }>;
  try {
    // With `info` and `raw` set, each record comes back as { record, raw, info }.
    parsed = parse(text, {
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      info: true,
      raw: true,
    }) as unknown as typeof parsed;
  } catch (error) {
    const line = typeof (error as { lines?: unknown }).lines === "number" ? (error as { lines: number }).lines : null;
    const reason = error instanceof Error ? error.message.replace(/^Invalid [^:]*:\s*/, "") : String(error);
    throw new CsvSyntaxError(`The file is not valid CSV${line ? ` near line ${line}` : ""}: ${reason}`, line);
  }
  return parsed.map(({ record, raw, info }) => {
    // info.lines is the line the record ends on; step back over the line breaks inside it.
    const inner = raw.replace(/\r?\n$/, "");
    const breaks = inner.match(/\n/g)?.length ?? 0;
    return { line: info.lines - breaks, cells: record };
  });
}
