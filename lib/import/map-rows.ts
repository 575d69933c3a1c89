import { createHash } from "node:crypto";
import { normalizeEmail, normalizePhone } from "@/lib/customers/normalize";
import type { CsvRecord } from "./csv";
import { IMPORT_FIELDS, type ColumnMapping, type ImportFieldKey } from "./fields";
import {
  parseChannel,
  parseDate,
  parseDisputed,
  parseResolutionType,
  parseStatus,
  readResolution,
  type Channel,
  type ResolutionType,
  type Status,
} from "./transforms";

/** One past complaint, ready to write. */
export type ImportRecord = {
  line: number;
  externalId: string;
  receivedAt: Date;
  channel: Channel;
  processName: string | null;
  rootCauseName: string | null;
  description: string;
  /** True when the file had no description and the issue columns stood in for it. */
  descriptionFromIssue: boolean;
  desiredOutcome: string | null;
  orderReference: string | null;
  resolutionDescription: string | null;
  resolutionType: ResolutionType | null;
  status: Status;
  closedAt: Date | null;
  customerAgreement: "agreed" | "disagreed" | null;
  customer: { name: string; email: string | null; phone: string | null; emailNormalized: string | null; phoneNormalized: string | null };
};

/** `key` names the CaseRoot field the problem is in, when it is in one (for highlighting). */
export type RowProblem = { line: number; field: string; key?: ImportFieldKey; message: string };
export type MappedRow = { line: number; record: ImportRecord | null; problems: RowProblem[]; notes: RowProblem[] };

export const MAX_DESCRIPTION = 50_000;
const MAX_TEXT = 10_000;
const MAX_NAME = 200;

const labelOf = (key: ImportFieldKey) => IMPORT_FIELDS.find((f) => f.key === key)!.label;

/** The uniform way to reach a row's cell by field: "" when unmapped or missing. */
function cellReader(columns: string[], mapping: ColumnMapping, cells: string[]) {
  const index = new Map(columns.map((c, i) => [c, i]));
  return (key: ImportFieldKey): string => {
    const column = mapping[key];
    const i = column ? index.get(column) : undefined;
    return i === undefined ? "" : (cells[i] ?? "").trim();
  };
}

/** "CFPB consumer, GA 300XX": who the complaint came from, when the file names nobody. */
function customerLabel(prefix: string, region: string, postcode: string): string {
  const place = [region, postcode].filter(Boolean).join(" ");
  return `${prefix.toUpperCase()} consumer${place ? `, ${place}` : ""}`;
}

/**
 * Turns one CSV record into an ImportRecord through the mapping, collecting every problem
 * (which blocks the import) and note (which does not) with the record's line number.
 */
export function mapRow(row: CsvRecord, columns: string[], mapping: ColumnMapping, prefix: string, now: Date = new Date()): MappedRow {
  const get = cellReader(columns, mapping, row.cells);
  const problems: RowProblem[] = [];
  const notes: RowProblem[] = [];
  const fail = (key: ImportFieldKey, message: string) => problems.push({ line: row.line, field: labelOf(key), key, message });
  const text = (key: ImportFieldKey, max: number) => {
    const value = get(key);
    if (value.length > max) fail(key, `longer than ${max.toLocaleString("en")} characters`);
    return value || null;
  };

  if (row.cells.length !== columns.length) {
    notes.push({ line: row.line, field: "Row", message: `has ${row.cells.length} cells where the header has ${columns.length}` });
  }

  const received = parseDate(get("receivedAt"), now);
  if (!received.ok) fail("receivedAt", received.message);

  const channel = parseChannel(get("channel"));
  if (channel.ok && channel.note) notes.push({ line: row.line, field: labelOf("channel"), key: "channel", message: channel.note });

  const processName = text("process", MAX_NAME);
  const rootCauseName = text("rootCause", MAX_NAME);
  const issue = [rootCauseName, get("rootCauseDetail")].filter(Boolean).join(" / ");
  let description = text("description", MAX_DESCRIPTION);
  const descriptionFromIssue = !description && Boolean(issue);
  if (!description && issue) description = `Issue: ${issue}`;
  if (!description) fail("description", "is empty, and there is no issue to describe the complaint instead");

  const resolutionText = text("resolution", MAX_TEXT);
  const explicitType = parseResolutionType(get("resolutionType"));
  if (!explicitType.ok) fail("resolutionType", explicitType.message);
  const explicitStatus = parseStatus(get("status"));
  if (!explicitStatus.ok) fail("status", explicitStatus.message);
  const read = readResolution(resolutionText ?? "");
  const status = (explicitStatus.ok && explicitStatus.value) || (!resolutionText ? "new" : read.open ? "investigating" : "closed");

  let closedAt: Date | null = null;
  if (get("closedAt")) {
    const closed = parseDate(get("closedAt"), now);
    if (!closed.ok) fail("closedAt", closed.message);
    else if (received.ok && closed.value < received.value) fail("closedAt", "is before the date received");
    else closedAt = closed.value;
  }

  const disputed = parseDisputed(get("customerDisputed"));
  if (!disputed.ok) fail("customerDisputed", disputed.message);

  const email = text("customerEmail", MAX_NAME);
  const phone = text("customerPhone", MAX_NAME);
  if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) fail("customerEmail", `“${email}” is not an email address`);
  const name = text("customerName", MAX_NAME) ?? customerLabel(prefix, get("customerRegion"), get("customerPostcode"));

  // Without an id column, the row's own content identifies it, so re-imports still skip it.
  const id = get("externalId") || `row-${createHash("sha256").update(JSON.stringify(row.cells)).digest("hex").slice(0, 24)}`;
  if (id.length > MAX_NAME) fail("externalId", `longer than ${MAX_NAME} characters`);

  if (problems.length > 0 || !received.ok || !description) return { line: row.line, record: null, problems, notes };
  return {
    line: row.line,
    problems,
    notes,
    record: {
      line: row.line,
      externalId: `${prefix}:${id}`,
      receivedAt: received.value,
      channel: channel.ok ? channel.value : "import",
      processName,
      rootCauseName,
      description,
      descriptionFromIssue,
      desiredOutcome: text("desiredOutcome", MAX_TEXT),
      orderReference: text("orderReference", MAX_NAME),
      resolutionDescription: resolutionText,
      resolutionType: (explicitType.ok && explicitType.value) || read.type,
      status,
      closedAt: status === "closed" || status === "resolved" ? closedAt : null,
      customerAgreement: disputed.ok ? disputed.value : null,
      customer: { name, email, phone, emailNormalized: normalizeEmail(email), phoneNormalized: normalizePhone(phone) },
    },
  };
}
