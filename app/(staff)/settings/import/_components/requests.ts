import type { ColumnMapping } from "@/lib/import/fields";
import type { PlanSummary } from "@/lib/import/preview";
import type { ImportStreamLine } from "@/lib/import/run";

export type ImportChoices = { file: File; headerLine: number | null; mapping: ColumnMapping | null; prefix: string };

function formFor(choices: ImportChoices): FormData {
  const form = new FormData();
  form.set("file", choices.file);
  form.set("headerLine", choices.headerLine ? String(choices.headerLine) : "");
  form.set("mapping", choices.mapping ? JSON.stringify(choices.mapping) : "");
  form.set("prefix", choices.prefix);
  return form;
}

async function errorOf(response: Response): Promise<string> {
  const body = (await response.json().catch(() => null)) as { error?: string } | null;
  return body?.error ?? `The server answered ${response.status}.`;
}

export async function fetchPreview(choices: ImportChoices, signal: AbortSignal): Promise<PlanSummary> {
  const response = await fetch("/api/import/preview", { method: "POST", body: formFor(choices), signal });
  if (!response.ok) throw new Error(await errorOf(response));
  return (await response.json()) as PlanSummary;
}

/** Posts the import and calls `onLine` for every NDJSON line the server streams back. */
export async function streamImport(choices: ImportChoices, onLine: (line: ImportStreamLine) => void): Promise<void> {
  const response = await fetch("/api/import", { method: "POST", body: formFor(choices) });
  if (!response.ok || !response.body) throw new Error(await errorOf(response));
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (value) buffer += value;
    const lines = buffer.split("\n");
    buffer = lines.pop() ?? "";
    for (const line of lines) if (line.trim()) onLine(JSON.parse(line) as ImportStreamLine);
    if (done) break;
  }
  if (buffer.trim()) onLine(JSON.parse(buffer) as ImportStreamLine);
}
