import { getDb } from "@/db/client";
import { attachmentResponse } from "@/lib/http/attachment-response";
import { getStaffForRoute } from "@/lib/auth/session";
import { normalizeReference } from "@/lib/complaints/reference";
import { caseEmailOriginal } from "@/lib/mail/inbound";
import { recordAudit } from "@/lib/privacy/audit";

/**
 * The full original of a customer's email on a case (headers, quoted history, signature), as an
 * .eml download for signed-in staff only and only through its case. Never rendered: the message is
 * customer input. Each download is written to the audit log.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ reference: string; id: string }> }) {
  const user = await getStaffForRoute();
  if (!user) return Response.json({ error: "Sign in to read emails." }, { status: 401 });

  const { reference, id } = await params;
  const normalized = normalizeReference(decodeURIComponent(reference));
  if (!normalized || !/^\d+$/.test(id)) return Response.json({ error: "Email not found." }, { status: 404 });
  const db = await getDb();
  const email = await caseEmailOriginal(db, normalized, Number(id));
  if (!email) return Response.json({ error: "Email not found." }, { status: 404 });
  await recordAudit(db, { staffId: user.id, action: "email.viewed", subjectType: "inbound_email", subjectId: id, detail: { reference: normalized } });

  return attachmentResponse({ fileName: `${normalized}-email-${id}.eml`, contentType: "message/rfc822", content: email.raw }, { download: true });
}
