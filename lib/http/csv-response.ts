/** A download response for a CSV stream. */
export function csvResponse(fileName: string, body: ReadableStream<Uint8Array>): Response {
  const safeName = fileName.replace(/[^a-zA-Z0-9._-]/g, "-");
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${safeName}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
