import { getDb } from "@/db/client";
import { attachmentResponse } from "@/lib/http/attachment-response";
import { getAttachmentForComplaint } from "@/lib/attachments/store";
import { findComplaintIdByToken } from "@/lib/complaints/tracking";

function notFound(): Response {
  return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}

/** A customer's own file, through their tracking link only: another case's file id finds nothing. */
export async function GET(_request: Request, { params }: { params: Promise<{ token: string; id: string }> }): Promise<Response> {
  const { token, id } = await params;
  const db = await getDb();
  const complaintId = await findComplaintIdByToken(db, token);
  if (!complaintId) return notFound();
  const file = await getAttachmentForComplaint(db, complaintId, id);
  return file ? attachmentResponse(file) : notFound();
}
