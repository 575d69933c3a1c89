import "server-only";
import { and, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import { complaints, customers, followUps } from "@/db/schema";
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
/** Every status but closed: where any work can still be pending. */
const NOT_CLOSED = CASE_STATUSES.filter((s) => s !== "closed");
export const notClosedSql = statusIn(NOT_CLOSED);

export const nowParam = (now: Date) => sql`${now.toISOString()}::timestamptz`;

/**
 * A promise not kept by its time, a follow-up past its time, or a first response that is late:
 * the case's earliest pending deadline has passed. The database keeps that deadline in
 * complaints.next_due_at (migration 0019), so this reads one indexed column, not three tables for
 * each case not yet closed.
 */
function overdueSql(now: Date): SQL {
  return sql`${complaints.nextDueAt} < ${nowParam(now)}`;
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
