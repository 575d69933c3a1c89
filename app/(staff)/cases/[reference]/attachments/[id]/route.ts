import { getDb } from "@/db/client";
import { attachmentResponse } from "@/lib/http/attachment-response";
import { getStaffForRoute } from "@/lib/auth/session";
import { getCaseAttachment } from "@/lib/cases/detail";
import { normalizeReference } from "@/lib/complaints/reference";
import { recordAudit } from "@/lib/privacy/audit";

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

  return attachmentResponse(file, { download: true });
}
