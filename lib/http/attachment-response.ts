import { ATTACHMENT_POLICY, IMAGE_ATTACHMENT_POLICY, PDF_ATTACHMENT_POLICY } from "@/lib/security/csp";
import type { StoredAttachment } from "@/lib/attachments/store";
import { fileNameForType } from "@/lib/attachments/validate";

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
 * and `nosniff` stops the browser from second-guessing it; the download name carries the extension
 * of that type (files stored before names were corrected too). Never cached: the files are private.
 * `inline` shows photos and PDFs in the customer's browser; staff always download (a file is
 * customer input and must not open in the workspace's origin).
 */
export function attachmentResponse(
  file: Pick<StoredAttachment, "fileName" | "contentType" | "content">,
  { download = false }: { download?: boolean } = {}): Response {
  const disposition = !download && INLINE_TYPES.has(file.contentType) ? "inline" : "attachment";
  const headers: Record<string, string> = {
    "Content-Type": file.contentType,
    "Content-Length": String(file.content.length),
    "Content-Disposition": contentDisposition(fileNameForType(file.fileName, file.contentType), disposition),
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "private, no-store",
    "Referrer-Policy": "no-referrer",
    // Images (and anything downloaded): even if a browser rendered something active, it would run
    // with no privileges. Not for a PDF shown inline: Chromium refuses to open its PDF viewer in a
    // sandboxed document.
    "Content-Security-Policy":
      disposition === "inline" ? (file.contentType === "application/pdf" ? PDF_ATTACHMENT_POLICY : IMAGE_ATTACHMENT_POLICY) : ATTACHMENT_POLICY,
  };
  return new Response(new Uint8Array(file.content), { status: 200, headers });
}
