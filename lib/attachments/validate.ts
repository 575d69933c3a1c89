import { createHash } from "node:crypto";
import { fileTypeFromBuffer } from "file-type";

export const MAX_ATTACHMENTS = 5;
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/**
 * What customers may attach: photos and PDFs. The type is read from the file's first bytes,
 * never from its name or the browser's claim, so a renamed program is refused.
 */
export const ALLOWED_CONTENT_TYPES = [
  "image/jpeg",
  "image/png",
  "image/gif",
  "image/webp",
  "image/heic",
  "image/heif",
  "application/pdf",
] as const;
export type AllowedContentType = (typeof ALLOWED_CONTENT_TYPES)[number];

/** The extensions a file of each type may carry; the first is the one given when the name has none of them. */
const EXTENSIONS: Record<AllowedContentType, readonly string[]> = {
  "image/jpeg": [".jpg", ".jpeg", ".jpe", ".jfif"],
  "image/png": [".png"],
  "image/gif": [".gif"],
  "image/webp": [".webp"],
  "image/heic": [".heic"],
  "image/heif": [".heif", ".heic"],
  "application/pdf": [".pdf"],
};

/**
 * The name with an extension that matches the type detected from the bytes. A file that is both a
 * PNG and an HTML page, named "x.html", is stored as image/png; downloaded as "x.html" it would be
 * opened by whatever handles .html on the customer's or the agent's computer. So "x.html" becomes
 * "x.png" (the last extension is replaced; a name without one gets one).
 */
export function fileNameForType(fileName: string, contentType: string): string {
  const allowed = EXTENSIONS[contentType as AllowedContentType];
  if (!allowed) return fileName;
  const dot = fileName.lastIndexOf(".");
  const extension = dot > 0 ? fileName.slice(dot).toLowerCase() : "";
  if (allowed.includes(extension)) return fileName;
  const stem = dot > 0 ? fileName.slice(0, dot) : fileName;
  return `${stem}${allowed[0]}`;
}

/** A file that passed every check, ready to store. */
export type ValidAttachment = {
  fileName: string;
  contentType: AllowedContentType;
  sizeBytes: number;
  sha256: string;
  content: Buffer;
};

/** The shape of an uploaded file we need: the web File and test doubles both fit. */
export type UploadLike = { name: string; size: number; arrayBuffer(): Promise<ArrayBuffer> };

export type AttachmentCheck = { ok: true; files: ValidAttachment[] } | { ok: false; error: string };

/** A name safe to store and to put in a download header: no folders, no control characters, not too long. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const cleaned = base.replace(/[\u0000-\u001F\u007F-\u009F"<>|:*?]/g, "").trim().replace(/^\.+/, "");
  if (!cleaned) return "attachment";
  if (cleaned.length <= 150) return cleaned;
  const dot = cleaned.lastIndexOf(".");
  const extension = dot > 0 && cleaned.length - dot <= 10 ? cleaned.slice(dot) : "";
  return cleaned.slice(0, 150 - extension.length) + extension;
}

function isAllowed(mime: string | undefined): mime is AllowedContentType {
  return (ALLOWED_CONTENT_TYPES as readonly string[]).includes(mime ?? "");
}

/** Form fields that are not files, and the empty file browsers send when nothing was chosen. */
export function chosenFiles(entries: Iterable<unknown>): UploadLike[] {
  const files: UploadLike[] = [];
  for (const entry of entries) {
    if (typeof entry !== "object" || entry === null) continue;
    const file = entry as Partial<UploadLike>;
    if (typeof file.arrayBuffer !== "function" || typeof file.size !== "number") continue;
    if (file.size === 0) continue;
    files.push(file as UploadLike);
  }
  return files;
}

/** Checks the count, size and real type of each upload; the first problem is reported by file name. */
export async function checkAttachments(uploads: UploadLike[]): Promise<AttachmentCheck> {
  const files = uploads.filter((upload) => upload.size > 0);
  if (files.length > MAX_ATTACHMENTS) {
    return { ok: false, error: `Please attach at most ${MAX_ATTACHMENTS} files (you chose ${files.length})` };
  }
  const valid: ValidAttachment[] = [];
  for (const file of files) {
    const fileName = safeFileName(file.name);
    if (file.size > MAX_ATTACHMENT_BYTES) {
      return { ok: false, error: `${fileName} is larger than 10 MB: please attach a smaller copy` };
    }
    const content = Buffer.from(await file.arrayBuffer());
    if (content.length === 0) continue;
    if (content.length > MAX_ATTACHMENT_BYTES) {
      return { ok: false, error: `${fileName} is larger than 10 MB: please attach a smaller copy` };
    }
    const contentType = (await fileTypeFromBuffer(content))?.mime;
    if (!isAllowed(contentType)) {
      return { ok: false, error: `${fileName} is not a photo or PDF` };
    }
    valid.push({
      fileName: fileNameForType(fileName, contentType),
      contentType,
      sizeBytes: content.length,
      sha256: createHash("sha256").update(content).digest("hex"),
      content,
    });
  }
  return { ok: true, files: valid };
}
