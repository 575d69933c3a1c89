import type { StoredAttachment } from "./store";

/** Types a browser can show safely on its own (no scripts): displayed inline, everything else downloaded. */
const INLINE_TYPES = new Set(["image/jpeg", "image/png", "image/gif", "image/webp", "application/pdf"]);

/** `Content-Disposition` with an ASCII fallback name and the exact name in RFC 5987 form. */
export function contentDisposition(fileName: string, disposition: "inline" | "attachment"): string {
  const ascii = fileName.replace(/[^\x20-\x7E]/g, "_").replace(/["\\]/g, "_") || "attachment";
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/**
 * The response that serves a stored file. The stored type was detected from the bytes at upload,
 * and `nosniff` stops the browser from second-guessing it. Never cached: the files are private.
 */
export function attachmentResponse(file: StoredAttachment): Response {
  const disposition = INLINE_TYPES.has(file.contentType) ? "inline" : "attachment";
  const headers: Record<string, string> = {
    "Content-Type": file.contentType,
    "Content-Length": String(file.content.length),
    "Content-Disposition": contentDisposition(file.fileName, disposition),
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "private, no-store",
    "Referrer-Policy": "no-referrer",
  };
  // Images: even if a browser rendered something active, it would run with no privileges.
  // (Not for PDFs: Chromium refuses to open its PDF viewer in a sandboxed document.)
  if (file.contentType.startsWith("image/")) {
    headers["Content-Security-Policy"] = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox";
  }
  return new Response(new Uint8Array(file.content), { status: 200, headers });
}
