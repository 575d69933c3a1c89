import { Alert } from "@/components/ui";
import type { RowProblem } from "@/lib/import/map-rows";
import type { ImportOutcome, ImportProgress } from "@/lib/import/run";

const n = (value: number) => value.toLocaleString("en");

/**
 * The processes and root causes an import creates. They start archived: another system's
 * categories stay off the public form, the staff pick lists and the verdicts' comparisons until
 * the owner restores them.
 */
export function NewTaxonomy({ processes, rootCauses, tense }: { processes: string[]; rootCauses: string[]; tense: "will" | "did" }) {
  if (processes.length === 0 && rootCauses.length === 0) return null;
  const verb = tense === "will" ? "will be created" : "were created";
  return (
    <Alert tone="info" title={`New processes and root causes ${verb}, archived`}>
      <p>They are kept on the imported complaints but not offered on the complaint form or to staff until you restore them in Settings.</p>
      <ul className="mt-1 list-disc pl-5">
        {processes.length ? <li>Processes ({n(processes.length)}): {processes.join(", ")}</li> : null}
        {rootCauses.length ? <li>Root causes ({n(rootCauses.length)}): {rootCauses.join(", ")}</li> : null}
      </ul>
    </Alert>
  );
}

export function ProblemList({ problems, total }: { problems: RowProblem[]; total: number }) {
  return (
    <>
      <ul className="mt-2 max-h-72 list-disc space-y-1 overflow-y-auto pl-5">
        {problems.map((p, i) => (
          <li key={`${p.line}-${p.field}-${i}`}>
            <span className="font-medium">Line {p.line}</span>, {p.field}: {p.message}
          </li>
        ))}
      </ul>
      {total > problems.length ? <p className="mt-2">… and {n(total - problems.length)} more.</p> : null}
    </>
  );
}

/** The progress bar while the import runs; a native <progress> so assistive technology reads it. */
export function ImportProgressBar({ progress }: { progress: ImportProgress }) {
  const label = progress.phase === "checking" ? "Checking for complaints already imported…" : `Saved ${n(progress.done)} of ${n(progress.total)} complaints`;
  return (
    <div className="space-y-1">
      <label htmlFor="import-progress" className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <progress id="import-progress" className="h-3 w-full accent-brand-700" max={Math.max(progress.total, 1)} value={progress.phase === "checking" ? 0 : progress.done} />
    </div>
  );
}

export function ImportOutcomeView({ outcome }: { outcome: ImportOutcome }) {
  switch (outcome.kind) {
    case "unreadable":
      return <Alert tone="error" title="Nothing was imported">{[outcome.message, ...outcome.mappingProblems].join(" ")}</Alert>;
    case "invalid":
      return (
        <Alert tone="error" title={`Nothing was imported: ${n(outcome.problemCount)} problem${outcome.problemCount === 1 ? "" : "s"} in ${n(outcome.rows)} rows`}>
          <ProblemList problems={outcome.problems} total={outcome.problemCount} />
        </Alert>
      );
    case "dry-run":
      return <Alert tone="info">{n(outcome.wouldImport)} would be imported.</Alert>;
    case "imported":
      return (
        <Alert tone="success" title={outcome.imported > 0 ? `Imported ${n(outcome.imported)} complaints` : "Nothing new to import"}>
          <ul className="list-disc pl-5">
            <li>{n(outcome.alreadyImported)} already imported (skipped)</li>
            <li>
              {n(outcome.createdCustomers)} customers, {n(outcome.createdProcesses)} new processes, {n(outcome.createdRootCauses)} new root causes, {n(outcome.events)} timeline
              events
            </li>
            {outcome.descriptionsFromIssue > 0 ? <li>{n(outcome.descriptionsFromIssue)} without a description use their issue as the text</li> : null}
            <li>Took {(outcome.milliseconds / 1000).toFixed(1)} s</li>
          </ul>
          <NewTaxonomy processes={outcome.createdProcessNames} rootCauses={outcome.createdRootCauseNames} tense="did" />
        </Alert>
      );
  }
}
