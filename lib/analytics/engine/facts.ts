import { sql, type SQL } from "drizzle-orm";

/**
 * The analytics copy's columns: one row per complaint with exactly what the figures read, and
 * one row per hard-interaction debrief. Each column says how PostgreSQL produces it and how the
 * copy stores it, so the full load, the incremental refresh and the tables cannot drift apart.
 *
 * Time is stored as the complaint's local calendar day in the business's time zone
 * (`received_day`): every range, bucket and "period before" is a range of local days, so the copy
 * needs no time-zone arithmetic per row. A change of time zone reloads the copy.
 */
type Kind = "uuid" | "date" | "text" | "double" | "integer" | "boolean";
type Column = { name: string; kind: Kind; from: string };

const DUCK_TYPE: Record<Kind, string> = { uuid: "UUID", date: "DATE", text: "VARCHAR", double: "DOUBLE", integer: "INTEGER", boolean: "BOOLEAN" };

export const FACT_COLUMNS: readonly Column[] = [
  { name: "id", kind: "uuid", from: "c.id" },
  { name: "received_day", kind: "date", from: "to_char(c.received_at at time zone $TZ, 'YYYY-MM-DD')" },
  { name: "customer_id", kind: "uuid", from: "c.customer_id" },
  // Imported history is compared differently (lib/analytics/queries/customers.ts).
  { name: "customer_imported", kind: "boolean", from: "cu.imported_at is not null" },
  { name: "process_id", kind: "uuid", from: "c.process_id" },
  { name: "channel", kind: "text", from: "c.channel::text" },
  { name: "assignee_id", kind: "uuid", from: "c.assignee_id" },
  { name: "responsible_staff_id", kind: "uuid", from: "c.responsible_staff_id" },
  { name: "root_cause_id", kind: "uuid", from: "c.root_cause_id" },
  { name: "fault", kind: "text", from: "c.fault_attribution::text" },
  { name: "severity", kind: "text", from: "c.severity::text" },
  { name: "request_judgement", kind: "text", from: "c.request_judgement::text" },
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
  severity_targets: { columns: "severity VARCHAR, resolution_days INTEGER", select: sql`select severity::text, resolution_days from severity_targets` },
} as const;
export type DimensionName = keyof typeof DIMENSIONS;

export function duckTableSql(table: string, columns: readonly Column[]): string {
  return `create table ${table} (${columns.map((c) => `${c.name} ${DUCK_TYPE[c.kind]}`).join(", ")})`;
}

export function columnKinds(columns: readonly Column[]): Kind[] {
  return columns.map((c) => c.kind);
}

/** The PostgreSQL select list of the fact rows, for a time zone. */
function factSelect(timeZone: string): SQL {
  const list = FACT_COLUMNS.map((c) => {
    const [before, after] = c.from.split("$TZ");
    return after === undefined ? sql.raw(`${c.from} as ${c.name}`) : sql`${sql.raw(before!)}${timeZone}${sql.raw(after)} as ${sql.raw(c.name)}`;
  });
  return sql.join(list, sql`, `);
}

/** One batch of the full load: the complaints after `afterId` in id order (keyset, no OFFSET). */
export function factBatchQuery(timeZone: string, afterId: string | null, limit: number): SQL {
  return sql`select ${factSelect(timeZone)} from complaints c join customers cu on cu.id = c.customer_id
    where ${afterId ? sql`c.id > ${afterId}::uuid` : sql`true`} order by c.id limit ${limit}`;
}

/** The current rows of some complaints (a deleted one simply has none). */
export function factRowsQuery(timeZone: string, ids: string[]): SQL {
  return sql`select ${factSelect(timeZone)} from complaints c join customers cu on cu.id = c.customer_id
    where c.id = any(${`{${ids.join(",")}}`}::uuid[])`;
}

export function hardInteractionsQuery(ids: string[] | null): SQL {
  const select = sql.raw(HARD_INTERACTION_COLUMNS.map((c) => `${c.from} as ${c.name}`).join(", "));
  return ids
    ? sql`select ${select} from debriefs d where d.hard_interaction and d.complaint_id = any(${`{${ids.join(",")}}`}::uuid[])`
    : sql`select ${select} from debriefs d where d.hard_interaction`;
}
