import { sql, type SQL } from "drizzle-orm";
import { sqlLiteral } from "@/db/bulk-read";
import { FAULT_ATTRIBUTIONS, INTAKE_CHANNELS, REQUEST_JUDGEMENTS, SEVERITIES } from "@/db/schema/enums";

/**
 * The analytics copy's columns: one row per complaint with exactly what the figures read, and
 * one row per hard-interaction debrief. Each column says how PostgreSQL produces it and how the
 * copy stores it, so the full load, the incremental refresh and the tables cannot drift apart.
 *
 * Time is stored as the complaint's local calendar day in the business's time zone
 * (`received_day`): every range, bucket and "period before" is a range of local days, so the copy
 * needs no time-zone arithmetic per row. A change of time zone reloads the copy.
 *
 * The database's enums are enums in the copy too (the same labels, from db/schema/enums.ts): a
 * one-byte code per row, which groups and filters several times faster than text.
 */
export const ENUM_TYPES: Record<string, readonly string[]> = {
  intake_channel: INTAKE_CHANNELS,
  severity: SEVERITIES,
  fault_attribution: FAULT_ATTRIBUTIONS,
  request_judgement: REQUEST_JUDGEMENTS,
};

/**
 * A label of one of the copy's enums as a typed literal, for comparing with its column:
 * `c.fault = ${enumLabel("fault_attribution", "service")}` compares one-byte codes, where a text
 * literal makes DuckDB turn the column into text on every row first.
 */
export function enumLabel(type: keyof typeof ENUM_TYPES, label: string): SQL {
  if (!ENUM_TYPES[type]?.includes(label)) throw new RangeError(`${label} is not a label of ${type}`);
  return sql.raw(`${sqlLiteral(label)}::${type}`);
}

type Kind = "uuid" | "date" | "enum" | "double" | "integer" | "boolean";
type Column = { name: string; kind: Kind; from: string; enumType?: keyof typeof ENUM_TYPES };

const DUCK_TYPE: Record<Exclude<Kind, "enum">, string> = { uuid: "UUID", date: "DATE", double: "DOUBLE", integer: "INTEGER", boolean: "BOOLEAN" };
const duckType = (c: Column) => (c.kind === "enum" ? c.enumType! : DUCK_TYPE[c.kind]);

export const FACT_COLUMNS: readonly Column[] = [
  { name: "id", kind: "uuid", from: "c.id" },
  // to_char, not a cast: its output does not depend on the session's DateStyle.
  { name: "received_day", kind: "date", from: "to_char(c.received_at at time zone $TZ, 'YYYY-MM-DD')" },
  { name: "customer_id", kind: "uuid", from: "c.customer_id" },
  // Imported history is compared differently (lib/analytics/queries/customers.ts).
  { name: "customer_imported", kind: "boolean", from: "cu.imported_at is not null" },
  { name: "process_id", kind: "uuid", from: "c.process_id" },
  { name: "channel", kind: "enum", enumType: "intake_channel", from: "c.channel" },
  { name: "assignee_id", kind: "uuid", from: "c.assignee_id" },
  { name: "responsible_staff_id", kind: "uuid", from: "c.responsible_staff_id" },
  { name: "root_cause_id", kind: "uuid", from: "c.root_cause_id" },
  { name: "fault", kind: "enum", enumType: "fault_attribution", from: "c.fault_attribution" },
  { name: "severity", kind: "enum", enumType: "severity", from: "c.severity" },
  { name: "request_judgement", kind: "enum", enumType: "request_judgement", from: "c.request_judgement" },
  { name: "first_response_hours", kind: "double", from: "c.first_response_hours" },
  { name: "resolution_hours", kind: "double", from: "c.resolution_hours" },
  // The first-response deadline is stored on the case; only the outcome is needed.
  { name: "fr_with_target", kind: "boolean", from: "c.first_response_at is not null and c.first_response_due_at is not null" },
  { name: "fr_on_time", kind: "boolean", from: "coalesce(c.first_response_at <= c.first_response_due_at, false)" },
  { name: "satisfaction", kind: "integer", from: "c.satisfaction" },
  { name: "promises_kept", kind: "integer", from: "c.promises_kept" },
  { name: "reopened_count", kind: "integer", from: "c.reopened_count" },
  { name: "goodwill_cost_cents", kind: "integer", from: "c.goodwill_cost_cents" },
  { name: "minutes_spent", kind: "integer", from: "c.minutes_spent" },
];

export const HARD_INTERACTION_COLUMNS: readonly Column[] = [
  { name: "complaint_id", kind: "uuid", from: "d.complaint_id" },
  { name: "author_id", kind: "uuid", from: "d.author_id" },
];

/** The small tables the figures join for names, flags and targets; reloaded whole when they change. */
export const DIMENSIONS = {
  processes: { columns: "id UUID, name VARCHAR, archived BOOLEAN", select: sql`select id::text, name, archived_at is not null as archived from processes` },
  staff_users: { columns: "id UUID, name VARCHAR, active BOOLEAN", select: sql`select id::text, name, active from staff_users` },
  root_causes: { columns: "id UUID, name VARCHAR, default_fault VARCHAR", select: sql`select id::text, name, default_fault::text from root_causes` },
  severity_targets: { columns: "severity severity, resolution_days INTEGER", select: sql`select severity::text, resolution_days from severity_targets` },
} as const;
export type DimensionName = keyof typeof DIMENSIONS;

export function duckTableSql(table: string, columns: readonly Column[]): string {
  return `create table ${table} (${columns.map((c) => `${c.name} ${duckType(c)}`).join(", ")})`;
}

/** The copy's enum types, created once in each new DuckDB database. */
export function duckEnumTypesSql(): string {
  return Object.entries(ENUM_TYPES)
    .map(([name, labels]) => `create type ${name} as enum (${labels.map((l) => sqlLiteral(l)).join(", ")})`)
    .join("; ");
}

/** DuckDB's read_csv of a file written from `select` below: the columns by name and type, PostgreSQL's CSV dialect. */
export function readCsvSql(path: string, columns: readonly Column[]): string {
  const types = columns.map((c) => `${sqlLiteral(c.name)}: ${sqlLiteral(duckType(c))}`).join(", ");
  return `read_csv(${sqlLiteral(path)}, header = false, auto_detect = false, columns = {${types}}, nullstr = '', quote = '"', escape = '"')`;
}

/** A list of complaint ids as a PostgreSQL array literal (COPY takes no parameters); each is checked to be a UUID. */
function idsLiteral(ids: readonly string[]): string {
  for (const id of ids) if (!UUID.test(id)) throw new RangeError(`not a complaint id: ${id}`);
  return `${sqlLiteral(`{${ids.join(",")}}`)}::uuid[]`;
}
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The PostgreSQL select of the fact rows for a time zone, as text for COPY (values inlined): every
 * complaint (the full load) or the current rows of some (a refresh; a deleted one has none).
 */
export function factsSelect(timeZone: string, ids: readonly string[] | null): string {
  const list = FACT_COLUMNS.map((c) => `${c.from.replace("$TZ", sqlLiteral(timeZone))} as ${c.name}`).join(", ");
  return `select ${list} from complaints c join customers cu on cu.id = c.customer_id${ids ? ` where c.id = any(${idsLiteral(ids)})` : ""}`;
}

/** The hard-interaction debriefs: all of them, or those of some complaints. */
export function hardInteractionsSelect(ids: readonly string[] | null): string {
  const list = HARD_INTERACTION_COLUMNS.map((c) => `${c.from} as ${c.name}`).join(", ");
  return `select ${list} from debriefs d where d.hard_interaction${ids ? ` and d.complaint_id = any(${idsLiteral(ids)})` : ""}`;
}
