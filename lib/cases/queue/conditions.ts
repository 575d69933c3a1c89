import "server-only";
import { and, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import { complaints, customers, followUps, promises } from "@/db/schema";
import { normalizeReference } from "@/lib/complaints/reference";
import { normalizeEmail, normalizePhone } from "@/lib/customers/normalize";
import { CASE_STATUSES, isOpen, type CaseStatus } from "../state-machine";
import type { QueueFilters, QueueView } from "./params";

/**
 * The queue's WHERE clauses as SQL fragments over `complaints`, shared by the list, the tab
 * counts and the sort segments so that a view means the same thing everywhere.
 */

/** `status in (…)` from our own enum constants (never user input), so the list cannot drift. */
function statusIn(statuses: readonly CaseStatus[], column: SQL | typeof complaints.status = complaints.status): SQL {
  return sql`${column} in (${sql.raw(statuses.map((s) => `'${s}'`).join(", "))})`;
}
const OPEN_STATUSES = CASE_STATUSES.filter(isOpen);

/**
 * Open means someone still has work on it before resolution (state-machine isOpen). Written as
 * IN lists, not NOT IN, so the planner can use complaints_status_received_idx: open cases are a
 * small share of a large table.
 */
export const isOpenSql = statusIn(OPEN_STATUSES);
/** Follow-ups belong to resolved cases: done, but not yet confirmed with the customer. */
const RESOLVED: CaseStatus[] = ["resolved", "follow_up_due"];
const isResolvedSql = statusIn(RESOLVED);
/** Every status but closed: where any work can still be pending. */
const NOT_CLOSED = CASE_STATUSES.filter((s) => s !== "closed");
export const notClosedSql = statusIn(NOT_CLOSED);
/** Promises outlive resolution (a refund promised still has to arrive); only closing ends them. */
const promisesCountSql = notClosedSql;

export const nowParam = (now: Date) => sql`${now.toISOString()}::timestamptz`;

/**
 * Every pending deadline as (case id, due): the first response while unanswered, each unkept
 * promise (until the case is closed), each open follow-up (while resolved). Each branch reads a
 * small, indexed set, so the due-date sort never touches the million cases with nothing due.
 *
 * `scope` is the list's own condition (view, filters, search), repeated inside every branch: the
 * planner cannot carry a join's condition into a grouped subquery, so without it the deadlines of
 * every open case in the business are gathered and grouped on each page view (the promises branch
 * alone walks all open and resolved cases), only to keep the few hundred in one agent's view.
 * Each branch reads `complaints` unaliased so the scope's column references mean its rows; the
 * result is the same, since a case outside the scope is never shown anyway.
 */
function pendingDuesSql(scope: SQL | undefined): SQL {
  const inScope = scope ? sql` and ${scope}` : sql``;
  return sql`
  select ${complaints.id}, ${complaints.firstResponseDueAt} as due from ${complaints}
   where ${isOpenSql} and ${complaints.firstResponseAt} is null and ${complaints.firstResponseDueAt} is not null${inScope}
  union all
  select p.complaint_id, p.due_at from ${promises} as p join ${complaints} on ${complaints.id} = p.complaint_id
   where p.kept_at is null and ${notClosedSql}${inScope}
  union all
  select f.complaint_id, f.due_at from ${followUps} as f join ${complaints} on ${complaints.id} = f.complaint_id
   where f.completed_at is null and ${isResolvedSql}${inScope}`;
}

/** The earliest pending deadline per case in `scope`, to join as `pending_due (id, due)`. */
export function pendingDueJoin(scope: SQL | undefined) {
  return {
    table: sql`(select dues.id, min(dues.due) as due from (${pendingDuesSql(scope)}) as dues group by dues.id) as pending_due`,
    on: sql`pending_due.id = ${complaints.id}`,
    due: sql`pending_due.due`,
  };
}

/** Cases in `scope` with no pending deadline at all (a hashed subplan: the pending set is built once). */
export function nothingPendingSql(scope: SQL | undefined): SQL {
  return sql`${complaints.id} not in (select dues.id from (${pendingDuesSql(scope)}) as dues)`;
}

/** A promise not kept by its time, a follow-up past its time, or a first response that is late. */
export function overdueSql(now: Date): SQL {
  const at = nowParam(now);
  return sql`(
    (${isOpenSql} and ${complaints.firstResponseAt} is null and ${complaints.firstResponseDueAt} < ${at})
    or (${promisesCountSql} and ${complaints.id} in (
      select ${promises.complaintId} from ${promises} where ${promises.keptAt} is null and ${promises.dueAt} < ${at}))
    or (${isResolvedSql} and ${complaints.id} in (
      select ${followUps.complaintId} from ${followUps} where ${followUps.completedAt} is null and ${followUps.dueAt} < ${at}))
  )`;
}

/** A resolved case whose follow-up call has come due (by status, or by its date passing). */
function followUpDueSql(now: Date): SQL {
  return sql`(${complaints.status} = 'follow_up_due' or (${complaints.status} = 'resolved' and ${complaints.id} in (
    select ${followUps.complaintId} from ${followUps} where ${followUps.completedAt} is null and ${followUps.dueAt} <= ${nowParam(now)})))`;
}

/** My cases include resolved ones whose follow-up is due: that call is still mine to make. */
export function viewSql(view: QueueView, viewerId: string, now: Date): SQL | undefined {
  switch (view) {
    case "mine":
      // The status list up front lets the planner use complaints_assignee_status_idx.
      return sql`${complaints.assigneeId} = ${viewerId} and ${notClosedSql} and (${isOpenSql} or ${followUpDueSql(now)})`;
    case "unassigned":
      return sql`${complaints.assigneeId} is null and ${isOpenSql}`;
    case "escalated":
      return sql`${complaints.escalatedAt} is not null and ${isOpenSql}`;
    case "overdue":
      return sql`${notClosedSql} and ${overdueSql(now)}`;
    case "all":
      return undefined;
  }
}

/** Received-date bounds are local calendar days in the business's time zone, both inclusive. */
export function filtersSql(filters: QueueFilters, timeZone: string): SQL[] {
  const out: SQL[] = [];
  if (filters.statuses.length) out.push(inArray(complaints.status, filters.statuses));
  if (filters.process) out.push(filters.process === "none" ? isNull(complaints.processId) : eq(complaints.processId, filters.process));
  if (filters.assignee) {
    out.push(filters.assignee === "unassigned" ? isNull(complaints.assigneeId) : eq(complaints.assigneeId, filters.assignee));
  }
  if (filters.channel) out.push(eq(complaints.channel, filters.channel));
  if (filters.from) out.push(sql`${complaints.receivedAt} >= (${filters.from}::date)::timestamp at time zone ${timeZone}`);
  if (filters.to) out.push(sql`${complaints.receivedAt} < (${filters.to}::date + 1)::timestamp at time zone ${timeZone}`);
  if (filters.rootCause) out.push(eq(complaints.rootCauseId, filters.rootCause));
  if (filters.fault === "none") out.push(isNull(complaints.faultAttribution));
  else if (filters.fault) out.push(eq(complaints.faultAttribution, filters.fault));
  if (filters.customer) out.push(eq(complaints.customerId, filters.customer));
  return out;
}

export type SearchSql = { condition: SQL; byReference: boolean };

const PHONE_LIKE = /^[+\d\s().-]+$/;
/** One token that could be another system's complaint id ("3571115", "cfpb:3571115", "ZD-1042"). */
const EXTERNAL_ID_LIKE = /^[\w.:#/-]{1,100}$/;
/** Name matches are capped: a one-letter search should not pull in half the customer table. */
const MAX_NAME_MATCHES = 500;

/**
 * What the search box matches. A well-formed reference is exact and ignores everything else; an
 * email or phone number finds that customer's cases; otherwise the customer's name (any word
 * starting with what was typed) or the complaint's words. The customer lookups are collected into
 * an array first (`= any(array(...))`) so PostgreSQL can combine index scans with the text search.
 */
export function searchSql(q: string): SearchSql | null {
  const text = q.trim();
  if (!text) return null;
  const reference = normalizeReference(text);
  // An eight-letter word can also spell a reference; only a "CR" prefix or a digit makes it certain.
  if (reference && (/^cr/i.test(text) || /\d/.test(text))) return { condition: eq(complaints.reference, reference), byReference: true };

  const customerMatch = (where: SQL) =>
    sql`${complaints.customerId} = any(array(select ${customers.id} from ${customers} where ${where} limit ${MAX_NAME_MATCHES}))`;
  const parts: SQL[] = reference ? [eq(complaints.reference, reference)] : [];
  if (text.includes("@")) {
    const email = normalizeEmail(text);
    if (email) parts.push(customerMatch(sql`${customers.emailNormalized} = ${email}`));
  } else if (PHONE_LIKE.test(text)) {
    // Digits only: a phone number, never a name, so the name scan is skipped.
    const phone = normalizePhone(text);
    if (phone) parts.push(customerMatch(sql`${customers.phoneNormalized} = ${phone}`));
  } else {
    const prefix = text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`);
    parts.push(customerMatch(sql`(lower(${customers.name}) like ${prefix + "%"} or lower(${customers.name}) like ${"% " + prefix + "%"})`));
  }
  parts.push(sql`${complaints.searchVector} @@ websearch_to_tsquery('english', ${text})`);
  // An imported complaint by its old system's id, with or without the import's source prefix.
  if (EXTERNAL_ID_LIKE.test(text)) {
    // Stored as "<source>:<id>" with the source in lower case (lib/import/map-rows.ts).
    const colon = text.indexOf(":");
    if (colon > 0) parts.push(sql`${complaints.externalId} = ${`${text.slice(0, colon).toLowerCase()}${text.slice(colon)}`}`);
    parts.push(sql`(substr(${complaints.externalId}, strpos(${complaints.externalId}, ':') + 1) = ${text} and ${complaints.externalId} is not null)`);
  }
  return { condition: sql`(${sql.join(parts, sql` or `)})`, byReference: false };
}

export function allOf(conditions: Array<SQL | undefined>): SQL | undefined {
  const present = conditions.filter((c): c is SQL => c !== undefined);
  return present.length ? and(...present) : undefined;
}
