import type { ImportFieldKey } from "./fields";
import type { MappedRow, RowProblem } from "./map-rows";
import type { ImportPlan } from "./plan";

export const PREVIEW_ROWS = 10;

/** What the preview table shows per row: the values as they will be stored. */
export const PREVIEW_COLUMNS = [
  { key: "receivedAt", label: "Received" },
  { key: "channel", label: "Channel" },
  { key: "process", label: "Process" },
  { key: "rootCause", label: "Root cause" },
  { key: "description", label: "Description" },
  { key: "resolution", label: "Resolution" },
  { key: "status", label: "Status" },
  { key: "customerDisputed", label: "Agreement" },
  { key: "customerName", label: "Customer" },
  { key: "externalId", label: "External id" },
] as const satisfies ReadonlyArray<{ key: ImportFieldKey; label: string }>;

export type PreviewColumnKey = (typeof PREVIEW_COLUMNS)[number]["key"];
export type PreviewRow = {
  line: number;
  values: Partial<Record<PreviewColumnKey, string>>;
  /** Columns whose value came from a fallback, e.g. the issue standing in for the description. */
  derived: PreviewColumnKey[];
  problems: RowProblem[];
  notes: RowProblem[];
};

const short = (text: string, max = 140) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function previewRow(row: MappedRow): PreviewRow {
  const r = row.record;
  if (!r) return { line: row.line, values: {}, derived: [], problems: row.problems, notes: row.notes };
  return {
    line: row.line,
    values: {
      receivedAt: r.receivedAt.toISOString().slice(0, 10),
      channel: r.channel,
      process: r.processName ?? "",
      rootCause: r.rootCauseName ?? "",
      description: short(r.description.replace(/\s+/g, " ")),
      resolution: [r.resolutionType, r.resolutionDescription].filter(Boolean).join(": "),
      status: r.status.replace(/_/g, " "),
      customerDisputed: r.customerAgreement ?? "",
      customerName: r.customer.name,
      externalId: r.externalId,
    },
    derived: r.descriptionFromIssue ? ["description"] : [],
    problems: row.problems,
    notes: row.notes,
  };
}

/**
 * The plan as the owner's page needs it: the header and mapping, totals over the WHOLE file,
 * the first rows mapped, and the first problems (each with its line).
 */
export function summarisePlan(
  plan: ImportPlan,
  alreadyImported: number,
  /** What the import would create: processes and root causes not on record yet. */
  toCreate: { processes: string[]; rootCauses: string[] } = { processes: [], rootCauses: [] },
  maxProblems = 50,
) {
  return {
    toCreate,
    fatal: plan.fatal,
    detectedHeaderLine: plan.detectedHeaderLine,
    headerLine: plan.headerLine,
    columns: plan.columns,
    mapping: plan.mapping,
    suggestedMapping: plan.suggestedMapping,
    mappingProblems: plan.mappingProblems,
    rowCount: plan.rows.length,
    problemCount: plan.problems.length,
    problems: plan.problems.slice(0, maxProblems),
    noteCount: plan.notes.length,
    notes: plan.notes.slice(0, 10),
    descriptionsFromIssue: plan.descriptionsFromIssue,
    alreadyImported,
    preview: plan.rows.slice(0, PREVIEW_ROWS).map(previewRow),
  };
}
export type PlanSummary = ReturnType<typeof summarisePlan>;
