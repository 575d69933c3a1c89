import { z } from "zod";
import { columnMappingSchema, type ColumnMapping } from "./fields";
import { importPrefixSchema } from "./plan";

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export type ImportRequest = { text: string; headerLine: number | null; mapping: ColumnMapping | null; prefix: string };
export type ImportRequestResult = { ok: true; request: ImportRequest } | { ok: false; status: number; message: string };

const fieldsSchema = z.object({
  headerLine: z.preprocess((v) => (v === "" || v == null ? null : Number(v)), z.number().int("The header line must be a whole number").min(1, "The header line must be 1 or more").max(10_000).nullable()),
  mapping: z.preprocess((v) => {
    if (typeof v !== "string" || v === "") return null;
    try {
      return JSON.parse(v) as unknown;
    } catch {
      return "not json";
    }
  }, columnMappingSchema.nullable()),
  prefix: z.preprocess((v) => (v === "" || v == null ? "import" : v), importPrefixSchema),
});

/** The upload form of the import page (file, header line, mapping as JSON, source name), checked. */
export async function readImportForm(form: FormData): Promise<ImportRequestResult> {
  const file = form.get("file");
  if (!(file instanceof Blob) || file.size === 0) return { ok: false, status: 400, message: "Choose a CSV file to import." };
  if (file.size > MAX_IMPORT_BYTES) return { ok: false, status: 413, message: "The file is larger than 20 MB. Split it and import the parts one after another." };
  const fields = fieldsSchema.safeParse({ headerLine: form.get("headerLine"), mapping: form.get("mapping"), prefix: form.get("prefix") });
  if (!fields.success) return { ok: false, status: 400, message: fields.error.issues.map((i) => i.message).join(" ") };
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(await file.arrayBuffer());
  } catch {
    return { ok: false, status: 400, message: "The file is not UTF-8 text. Save it as “CSV UTF-8” and try again." };
  }
  return { ok: true, request: { text, ...fields.data } };
}
