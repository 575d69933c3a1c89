import { Alert } from "@/components/ui";
import type { PlanSummary } from "@/lib/import/preview";
import { NewTaxonomy, ProblemList } from "./import-outcome";
import { PreviewTable } from "./preview-table";

const n = (value: number) => value.toLocaleString("en");

/** Totals over the whole file, problems with their lines, and the first rows as they will be stored. */
export function PlanOverview({ summary }: { summary: PlanSummary }) {
  if (summary.fatal) {
    return (
      <Alert tone="error" title={summary.fatal}>
        {summary.mappingProblems.length ? (
          <ul className="list-disc pl-5">
            {summary.mappingProblems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        ) : null}
      </Alert>
    );
  }
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-700">
        Header on line {summary.headerLine}, {n(summary.columns.length)} columns, <strong>{n(summary.rowCount)} rows</strong>
        {summary.alreadyImported > 0 ? <>, of which {n(summary.alreadyImported)} already imported (they will be skipped)</> : null}.
      </p>
      {summary.problemCount > 0 ? (
        <Alert tone="error" title={`${n(summary.problemCount)} problem${summary.problemCount === 1 ? "" : "s"} to fix before importing`}>
          <p>Correct the file (or the column choices) and choose it again. Nothing is imported while any row has a problem.</p>
          <ProblemList problems={summary.problems} total={summary.problemCount} />
        </Alert>
      ) : (
        <Alert tone="success">No problems found in any row.</Alert>
      )}
      {summary.descriptionsFromIssue > 0 ? (
        <Alert tone="info">
          {n(summary.descriptionsFromIssue)} rows have no description. Their text will be “Issue: &lt;issue&gt; / &lt;detail&gt;” from the root-cause columns
          (marked “from issue” below) rather than leaving them out.
        </Alert>
      ) : null}
      {summary.noteCount > 0 ? (
        <Alert tone="warning" title={`${n(summary.noteCount)} note${summary.noteCount === 1 ? "" : "s"} (these do not stop the import)`}>
          <ProblemList problems={summary.notes} total={summary.noteCount} />
        </Alert>
      ) : null}
      <NewTaxonomy processes={summary.toCreate.processes} rootCauses={summary.toCreate.rootCauses} tense="will" />
      <p className="text-sm text-slate-600">Past complaints with a resolution are imported as closed; “In progress” ones stay open. No emails are sent to their customers.</p>
      <PreviewTable summary={summary} />
    </div>
  );
}
