import { getDb } from "@/db/client";
import { runImport, type ImportStreamLine } from "@/lib/import/run";
import { requestLog } from "@/lib/observability/log";
import { guardImport } from "./_guard";

/**
 * Runs the import and streams NDJSON: progress lines while it writes, then one result line.
 * The whole transaction lives inside this one request, so it works on any app instance.
 */
export async function POST(request: Request) {
  const guard = await guardImport(request);
  if (!guard.ok) return guard.response;
  const db = await getDb();
  const logger = await requestLog();
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (line: ImportStreamLine) => controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
      try {
        const outcome = await runImport(db, guard.input.text, { ...guard.input, onProgress: (p) => send({ type: "progress", ...p }) });
        send({ type: "result", outcome });
      } catch (error) {
        logger.error({ err: error }, "CSV import failed");
        send({ type: "error", message: "The import failed and nothing was saved. Try again; if it keeps failing, check the server log." });
      } finally {
        controller.close();
      }
    },
  });
  return new Response(stream, { headers: { "Content-Type": "application/x-ndjson; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" } });
}
