import { getDb } from "@/db/client";
import { getStaffForRoute } from "@/lib/auth/session";
import { getCaseAttachment } from "@/lib/cases/detail";
import { normalizeReference } from "@/lib/complaints/reference";
import { recordAudit } from "@/lib/privacy/audit";

/** A filename safe for a header: no quotes, slashes or control characters; plus the RFC 5987 form for non-ASCII names. */
function contentDisposition(fileName: string): string {
  const cleaned = fileName.replace(/[\u0000-\u001f\u007f"\\/]/g, "_").slice(0, 200) || "attachment";
  const ascii = cleaned.replace(/[^\x20-\x7e]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(cleaned)}`;
}

/**
 * Serves a customer's attachment to signed-in staff only, and only through the case it belongs
 * to. Always downloaded, never rendered inline: a file is customer input and must not run in
 * the workspace's origin. Each download is written to the audit log (who, which file, which case).
 */
export async function GET(_request: Request, { params }: { params: Promise<{ reference: string; id: string }> }) {
  const user = await getStaffForRoute();
  if (!user) return Response.json({ error: "Sign in to download attachments." }, { status: 401 });

  const { reference, id } = await params;
  const db = await getDb();
  const file = await getCaseAttachment(db, decodeURIComponent(reference), id);
  if (!file) return Response.json({ error: "Attachment not found." }, { status: 404 });
  // The reference, not the file name: the log outlives an erasure and must hold no personal data.
  await recordAudit(db, { staffId: user.id, action: "attachment.viewed", subjectType: "attachment", subjectId: id, detail: { reference: normalizeReference(decodeURIComponent(reference)) } });

  return new Response(new Uint8Array(file.content), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Length": String(file.content.byteLength),
      "Content-Disposition": contentDisposition(file.fileName),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
}
