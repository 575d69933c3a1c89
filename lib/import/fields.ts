import { z } from "zod";

/**
 * The CaseRoot fields a CSV column can fill. `hints` are lower-case header names (or parts of
 * them) that suggest the column, best first; the CFPB export's names are among them.
 */
export const IMPORT_FIELDS = [
  { key: "externalId", label: "External id", help: "The id in the old system; re-importing the same file skips rows already imported.", hints: ["complaint id", "external id", "case id", "ticket id", "ticket number", "id"] },
  { key: "receivedAt", label: "Date received", help: "MM/DD/YYYY or YYYY-MM-DD, with or without a time.", required: true, hints: ["date received", "received", "created at", "created", "date opened", "opened", "date"] },
  { key: "channel", label: "Channel", help: "Web, Phone, Email, Postal mail, Fax, Referral…", hints: ["submitted via", "channel", "source", "via"] },
  { key: "process", label: "Process", help: "Missing processes are created.", hints: ["product", "process", "department", "category", "area"] },
  { key: "processDetail", label: "Process detail", help: "Kept with the complaint's text when there is no description.", hints: ["sub-product", "subproduct", "sub category", "subcategory"] },
  { key: "rootCause", label: "Root cause / issue", help: "Missing root causes are created with an undetermined fault.", hints: ["issue", "root cause", "cause", "reason", "problem"] },
  { key: "rootCauseDetail", label: "Root cause detail", help: "Kept with the complaint's text when there is no description.", hints: ["sub-issue", "subissue", "sub issue", "detail"] },
  { key: "description", label: "Description", help: "The customer's own words. When empty, “Issue: <issue> / <detail>” is used instead.", hints: ["consumer complaint narrative", "narrative", "description", "complaint", "details", "text", "body", "message"] },
  { key: "desiredOutcome", label: "Desired outcome", help: "What the customer asked for.", hints: ["desired outcome", "requested resolution", "request", "wanted"] },
  { key: "resolution", label: "Resolution", help: "What was done. “In progress” keeps the case open; other answers close it.", hints: ["company response to consumer", "resolution", "outcome", "response"] },
  { key: "resolutionType", label: "Resolution type", help: "repair, redo, replace, refund, credit, explanation, referral or none. Unmapped: read from the resolution.", hints: ["resolution type"] },
  { key: "status", label: "Status", help: "Unmapped: closed when there is a resolution, new otherwise.", hints: ["status", "state of case"] },
  { key: "closedAt", label: "Date closed", help: "When the case was resolved; without it, response times are not measured for imported cases.", hints: ["date closed", "closed at", "resolved at", "date resolved", "closed"] },
  { key: "customerDisputed", label: "Customer disputed", help: "Yes → disagreed with the resolution, No → agreed, N/A → not known.", hints: ["consumer disputed?", "consumer disputed", "customer disputed", "disputed"] },
  { key: "customerName", label: "Customer name", help: "Without a name, one is made from the region and postcode.", hints: ["customer name", "consumer name", "name", "full name"] },
  { key: "customerEmail", label: "Customer email", help: "Customers with the same email become one customer.", hints: ["email address", "customer email", "email", "e-mail"] },
  { key: "customerPhone", label: "Customer phone", help: "Customers with the same phone become one customer.", hints: ["phone number", "customer phone", "phone", "telephone", "mobile"] },
  { key: "customerRegion", label: "Customer region", help: "Used in the customer's name when there is none.", hints: ["state", "region", "county", "province"] },
  { key: "customerPostcode", label: "Customer postcode", help: "Used in the customer's name when there is none.", hints: ["zip code", "zip", "postcode", "postal code"] },
  { key: "orderReference", label: "Order reference", help: "An order, invoice or account number.", hints: ["order reference", "order number", "order id", "invoice", "account number"] },
] as const satisfies ReadonlyArray<{ key: string; label: string; help: string; required?: boolean; hints: readonly string[] }>;

export type ImportFieldKey = (typeof IMPORT_FIELDS)[number]["key"];
export const IMPORT_FIELD_KEYS = IMPORT_FIELDS.map((f) => f.key) as [ImportFieldKey, ...ImportFieldKey[]];

/** Field key → the column (by its header name) that fills it; unmapped fields are absent or null. */
export type ColumnMapping = Partial<Record<ImportFieldKey, string | null>>;

export const columnMappingSchema = z
  .object(Object.fromEntries(IMPORT_FIELD_KEYS.map((k) => [k, z.string().trim().min(1).max(200).nullable().optional()])) as Record<ImportFieldKey, z.ZodOptional<z.ZodNullable<z.ZodString>>>)
  .strict();

/** Problems with a mapping against a file's columns, as messages a person can act on. */
export function checkMapping(mapping: ColumnMapping, columns: string[]): string[] {
  const problems: string[] = [];
  for (const field of IMPORT_FIELDS) {
    const column = mapping[field.key];
    if (column && !columns.includes(column)) problems.push(`${field.label}: the file has no column “${column}”.`);
  }
  if (!mapping.receivedAt) problems.push("Choose the column for Date received: every past complaint needs its date.");
  if (!mapping.description && !mapping.rootCause) problems.push("Choose a column for Description or for Root cause / issue: a complaint needs some text.");
  return problems;
}

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, " ");

/**
 * A first mapping from the header names: an exact name match wins over a partial one, hints
 * earlier in a field's list win over later ones, and each column fills at most one field.
 */
export function suggestMapping(columns: string[]): ColumnMapping {
  const candidates: Array<{ key: ImportFieldKey; column: string; score: number }> = [];
  for (const field of IMPORT_FIELDS) {
    field.hints.forEach((hint, rank) => {
      for (const column of columns) {
        const name = norm(column);
        const exact = name === hint;
        // Partial matches only for longer hints: "id" must not match "paid" or "valid".
        const partial = !exact && hint.length >= 5 && name.includes(hint);
        if (exact || partial) candidates.push({ key: field.key, column, score: (exact ? 1000 : 0) - rank * 10 - (partial ? name.length - hint.length : 0) });
      }
    });
  }
  candidates.sort((a, b) => b.score - a.score);
  const mapping: ColumnMapping = {};
  const used = new Set<string>();
  for (const c of candidates) {
    if (mapping[c.key] || used.has(c.column)) continue;
    mapping[c.key] = c.column;
    used.add(c.column);
  }
  return mapping;
}
