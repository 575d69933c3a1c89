import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { attachments, complaintEvents } from "@/db/schema";
import type { ValidAttachment } from "./validate";

/** What lists show about a file: everything but its bytes. */
export type AttachmentSummary = {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  createdAt: Date;
};

export type StoredAttachment = AttachmentSummary & { complaintId: string; content: Buffer };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Stores the customer's files on a complaint and records one customer-visible
 * `attachment_added` event per file. Call inside the transaction that files the complaint.
 */
export async function saveAttachments(tx: Tx, complaintId: string, files: ValidAttachment[], at: Date): Promise<void> {
  for (const file of files) {
    const [row] = await tx
      .insert(attachments)
      .values({ complaintId, ...file, createdAt: at })
      .returning({ id: attachments.id });
    await tx.insert(complaintEvents).values({
      complaintId,
      type: "attachment_added",
      visibility: "customer",
      actorKind: "customer",
      data: { attachmentId: row!.id, fileName: file.fileName, contentType: file.contentType, sizeBytes: file.sizeBytes },
      createdAt: at,
    });
  }
}

/**
 * The files on some complaints, without their bytes, oldest first; files stored together come in
 * `then` order (by id for staff and the export, by name on the tracking page).
 */
export async function listAttachments(db: Db | Tx, complaintIds: string[], then: "id" | "fileName"): Promise<(AttachmentSummary & { complaintId: string })[]> {
  return db
    .select({
      complaintId: attachments.complaintId,
      id: attachments.id,
      fileName: attachments.fileName,
      contentType: attachments.contentType,
      sizeBytes: attachments.sizeBytes,
      createdAt: attachments.createdAt,
    })
    .from(attachments)
    .where(inArray(attachments.complaintId, complaintIds))
    .orderBy(asc(attachments.createdAt), asc(attachments[then]));
}

/**
 * One file with its bytes, only when it belongs to the given complaint. Whoever calls this has
 * already decided the viewer may see that complaint (tracking token, or a staff role).
 */
export async function getAttachmentForComplaint(
  db: Db | Tx,
  complaintId: string,
  attachmentId: string,
): Promise<StoredAttachment | null> {
  if (!UUID.test(attachmentId) || !UUID.test(complaintId)) return null;
  const [row] = await db
    .select()
    .from(attachments)
    .where(and(eq(attachments.id, attachmentId), eq(attachments.complaintId, complaintId)))
    .limit(1);
  if (!row) return null;
  // PGlite returns a Uint8Array, postgres.js a Buffer: callers get a Buffer either way.
  return { ...row, content: Buffer.from(row.content) };
}
