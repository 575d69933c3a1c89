import type { Db } from "@/db/client";
import type { RowProblem } from "./map-rows";
import { planImport, type ImportPlan, type PlanOptions } from "./plan";
import { newTaxonomyNames } from "./taxonomy";
import { findImportedIds, writeImport, type ImportCounts, type ImportProgress } from "./write";

/** How many row problems are shown at most; the total is always given. */
export const MAX_REPORTED_PROBLEMS = 50;

export type ImportOutcome =
  /** The file or the mapping cannot be read: nothing was written. */
  | { kind: "unreadable"; message: string; mappingProblems: string[] }
  /** Some rows are wrong: nothing was written. */
  | { kind: "invalid"; rows: number; problemCount: number; problems: RowProblem[] }
  | {
      kind: "dry-run";
      rows: number;
      wouldImport: number;
      alreadyImported: number;
      descriptionsFromIssue: number;
      notes: number;
      wouldCreate: { processes: string[]; rootCauses: string[] };
    }
  | ({ kind: "imported"; rows: number; descriptionsFromIssue: number; notes: number } & ImportCounts);

/** One line of the import route's NDJSON answer. */
export type ImportStreamLine = ({ type: "progress" } & ImportProgress) | { type: "result"; outcome: ImportOutcome } | { type: "error"; message: string };

export type RunOptions = PlanOptions & { dryRun?: boolean; onProgress?: (p: ImportProgress) => void; plan?: ImportPlan };

/**
 * The whole import of one CSV text: read and check every row first; when any row has a problem,
 * report them (with their file lines) and write nothing; otherwise write everything in one
 * transaction. Shared by the command line and the owner's import page.
 */
export async function runImport(db: Db, text: string, options: RunOptions): Promise<ImportOutcome> {
  const plan = options.plan ?? planImport(text, options);
  if (plan.fatal) return { kind: "unreadable", message: plan.fatal, mappingProblems: plan.mappingProblems };
  const rows = plan.rows.length;
  if (plan.problems.length > 0) {
    return { kind: "invalid", rows, problemCount: plan.problems.length, problems: plan.problems.slice(0, MAX_REPORTED_PROBLEMS) };
  }
  const records = plan.rows.map((r) => r.record!);
  const shared = { rows, descriptionsFromIssue: plan.descriptionsFromIssue, notes: plan.notes.length };
  if (options.dryRun) {
    const already = await findImportedIds(db, records.map((r) => r.externalId));
    const wouldCreate = await newTaxonomyNames(db, records.filter((r) => !already.has(r.externalId)));
    return { kind: "dry-run", ...shared, wouldImport: records.length - already.size, alreadyImported: already.size, wouldCreate };
  }
  const counts = await writeImport(db, records, { source: options.prefix, onProgress: options.onProgress });
  return { kind: "imported", ...shared, ...counts };
}

export { planImport, type ImportPlan, type ImportProgress };
