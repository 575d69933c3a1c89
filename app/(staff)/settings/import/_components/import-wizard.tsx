"use client";

import { useRef, useState } from "react";
import { Alert, Button, Card, TextField } from "@/components/ui";
import type { ColumnMapping, ImportFieldKey } from "@/lib/import/fields";
import type { PlanSummary } from "@/lib/import/preview";
import type { ImportOutcome, ImportProgress } from "@/lib/import/run";
import { ImportOutcomeView, ImportProgressBar } from "./import-outcome";
import { MappingFields } from "./mapping-fields";
import { PlanOverview } from "./plan-overview";
import { fetchPreview, streamImport, type ImportChoices } from "./requests";

const MAX_BYTES = 20 * 1024 * 1024;

/**
 * Upload → header line → column mapping → preview → import with a progress bar. Every change
 * asks the server to re-read the whole file, so the totals and problems always match what an
 * import would do.
 */
export function ImportWizard() {
  const [file, setFile] = useState<File | null>(null);
  const [summary, setSummary] = useState<PlanSummary | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping | null>(null);
  const [headerInput, setHeaderInput] = useState("");
  const [prefix, setPrefix] = useState("import");
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const pending = useRef<AbortController | null>(null);
  // The source name the current preview was made with: "already imported" depends on it.
  const previewedPrefix = useRef(prefix);

  async function preview(choices: ImportChoices) {
    pending.current?.abort();
    const controller = new AbortController();
    pending.current = controller;
    setLoading(true);
    setError(null);
    previewedPrefix.current = choices.prefix;
    try {
      const next = await fetchPreview(choices, controller.signal);
      setSummary(next);
      setMapping(next.mapping);
      setHeaderInput(next.headerLine ? String(next.headerLine) : "");
    } catch (e) {
      if (!controller.signal.aborted) setError(e instanceof Error ? e.message : "The file could not be read.");
    } finally {
      if (pending.current === controller) setLoading(false);
    }
  }

  function chooseFile(chosen: File | null) {
    setFile(chosen);
    setSummary(null);
    setOutcome(null);
    setProgress(null);
    if (!chosen) return;
    if (chosen.size > MAX_BYTES) return setError("The file is larger than 20 MB. Split it and import the parts one after another.");
    void preview({ file: chosen, headerLine: null, mapping: null, prefix });
  }

  function changeMapping(key: ImportFieldKey, column: string | null) {
    if (!file) return;
    const next = { ...mapping, [key]: column };
    setMapping(next);
    void preview({ file, headerLine: summary?.headerLine ?? null, mapping: next, prefix });
  }

  async function runImport() {
    if (!file || !summary) return;
    setOutcome(null);
    setError(null);
    setProgress({ phase: "checking", done: 0, total: summary.rowCount });
    try {
      await streamImport({ file, headerLine: summary.headerLine, mapping, prefix }, (line) => {
        if (line.type === "progress") setProgress(line);
        else if (line.type === "result") setOutcome(line.outcome);
        else setError(line.message);
      });
    } catch (e) {
      setError(e instanceof Error ? e.message : "The import could not be started.");
    } finally {
      setProgress((p) => (p && p.phase === "writing" ? p : null));
    }
  }

  const running = progress !== null && outcome === null && error === null;
  // Not blocked while a preview refreshes: the server checks every row again before writing anything.
  const importable = summary && !summary.fatal && summary.problemCount === 0 && !running;

  return (
    <div className="space-y-5">
      <Card title="1. Choose the file">
        <div className="grid gap-4 md:grid-cols-2">
          <div className="space-y-1">
            <label htmlFor="import-file" className="block text-sm font-medium text-slate-800">
              CSV file <span className="text-red-700">*</span>
            </label>
            <p id="import-file-hint" className="text-sm text-slate-600">UTF-8 text, up to 20 MB. Lines before the header are skipped.</p>
            <input
              id="import-file"
              type="file"
              accept=".csv,text/csv"
              aria-describedby="import-file-hint"
              disabled={running}
              onChange={(e) => chooseFile(e.target.files?.[0] ?? null)}
              className="block w-full text-sm text-slate-800 file:mr-3 file:rounded-md file:border-0 file:bg-brand-700 file:px-3 file:py-2 file:text-sm file:font-medium file:text-white hover:file:bg-brand-800"
            />
          </div>
          <TextField
            id="import-prefix"
            label="Source name"
            hint="Put before every external id (e.g. cfpb:3384392). Use the same name each time you import from this system, a different one for another system."
            value={prefix}
            disabled={running}
            onChange={(e) => setPrefix(e.target.value)}
            // The source name decides which rows count as already imported: re-check on leaving the field.
            onBlur={() => file && summary && prefix !== previewedPrefix.current && void preview({ file, headerLine: summary.headerLine, mapping, prefix })}
          />
        </div>
        {file && summary?.columns.length ? (
          <form
            className="mt-4 flex flex-wrap items-end gap-3"
            onSubmit={(e) => {
              e.preventDefault();
              void preview({ file, headerLine: Number(headerInput) || null, mapping: null, prefix });
            }}
          >
            <TextField id="import-header-line" label="Header row (line number)" hint={summary.detectedHeaderLine ? `Detected: line ${summary.detectedHeaderLine}` : "Not detected: enter it"} inputMode="numeric" value={headerInput} onChange={(e) => setHeaderInput(e.target.value)} className="w-28" />
            <Button type="submit" variant="secondary" disabled={loading || running}>
              Use this line
            </Button>
          </form>
        ) : null}
      </Card>

      {error ? <Alert tone="error">{error}</Alert> : null}
      {loading ? <p role="status" className="text-sm text-slate-600">Reading the file…</p> : null}

      {summary && file ? (
        <>
          {summary.columns.length > 0 && mapping ? (
            <Card title="2. Match the columns">
              <MappingFields columns={summary.columns} mapping={mapping} disabled={running} onChange={changeMapping} />
            </Card>
          ) : null}
          <Card title="3. Check the preview">
            <PlanOverview summary={summary} />
          </Card>
          <Card title="4. Import">
            <div className="space-y-4">
              <Button onClick={() => void runImport()} disabled={!importable}>
                {running ? "Importing…" : `Import ${summary.rowCount.toLocaleString("en")} rows`}
              </Button>
              {progress ? <ImportProgressBar progress={progress} /> : null}
              {outcome ? <ImportOutcomeView outcome={outcome} /> : null}
            </div>
          </Card>
        </>
      ) : null}
    </div>
  );
}
