import { z } from "zod";
import { CsvSyntaxError, parseCsv } from "./csv";
import { checkMapping, suggestMapping, type ColumnMapping } from "./fields";
import { detectHeaderLine, tableAt } from "./header";
import { mapRow, type MappedRow, type RowProblem } from "./map-rows";

/** The source name put before each external id ("cfpb:3384392"): short, lower-case, no spaces. */
export const importPrefixSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9_-]{0,31}$/, "Use 1–32 letters, digits, “-” or “_” for the source name, e.g. cfpb");

export type PlanOptions = {
  /** The header's line in the file; unset: detected. */
  headerLine?: number | null;
  /** Unset: suggested from the header names. */
  mapping?: ColumnMapping | null;
  prefix: string;
  now?: Date;
};

export type ImportPlan = {
  /** A problem with the file or the mapping as a whole; when set, no row was read. */
  fatal: string | null;
  detectedHeaderLine: number | null;
  headerLine: number | null;
  columns: string[];
  suggestedMapping: ColumnMapping;
  mapping: ColumnMapping;
  mappingProblems: string[];
  rows: MappedRow[];
  /** Every problem in every row (each blocks the import), in file order. */
  problems: RowProblem[];
  notes: RowProblem[];
  /** Rows whose description was made from the issue columns. */
  descriptionsFromIssue: number;
};

function emptyPlan(fatal: string, extra: Partial<ImportPlan> = {}): ImportPlan {
  return { fatal, detectedHeaderLine: null, headerLine: null, columns: [], suggestedMapping: {}, mapping: {}, mappingProblems: [], rows: [], problems: [], notes: [], descriptionsFromIssue: 0, ...extra };
}

/**
 * Everything known about a file before anything is written: its header, the mapping (given or
 * suggested) and every row mapped and checked. The preview, the dry run and the import share it.
 */
export function planImport(text: string, options: PlanOptions): ImportPlan {
  let records;
  try {
    records = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError) return emptyPlan(error.message);
    throw error;
  }
  if (records.length === 0) return emptyPlan("The file is empty.");
  const detectedHeaderLine = detectHeaderLine(records);
  const headerLine = options.headerLine ?? detectedHeaderLine;
  if (!headerLine) return emptyPlan("No header row found near the top of the file: enter the line number of the header.");
  const table = tableAt(records, headerLine);
  if (!table.ok) return emptyPlan(table.message, { detectedHeaderLine });

  const { columns, rows } = table.table;
  const suggestedMapping = suggestMapping(columns);
  const mapping = options.mapping ?? suggestedMapping;
  const base = { detectedHeaderLine, headerLine, columns, suggestedMapping, mapping };
  const mappingProblems = checkMapping(mapping, columns);
  if (mappingProblems.length > 0) return { ...emptyPlan("The column mapping is not complete.", base), mappingProblems };
  if (rows.length === 0) return emptyPlan("The file has a header but no rows after it.", base);

  const now = options.now ?? new Date();
  const mapped = rows.map((row) => mapRow(row, columns, mapping, options.prefix, now));
  flagRepeatedIds(mapped);
  return {
    ...base,
    fatal: null,
    mappingProblems,
    rows: mapped,
    problems: mapped.flatMap((r) => r.problems),
    notes: mapped.flatMap((r) => r.notes),
    descriptionsFromIssue: mapped.filter((r) => r.record?.descriptionFromIssue).length,
  };
}

/** The same external id twice in one file is a mistake in the file: say where the first one was. */
function flagRepeatedIds(rows: MappedRow[]): void {
  const firstLine = new Map<string, number>();
  for (const row of rows) {
    if (!row.record) continue;
    const seen = firstLine.get(row.record.externalId);
    if (seen === undefined) firstLine.set(row.record.externalId, row.line);
    else {
      row.problems.push({ line: row.line, field: "External id", key: "externalId", message: `${row.record.externalId} is already on line ${seen}` });
      row.record = null;
    }
  }
}
