import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { complaints } from "@/db/schema";
import { QUEUE_SORTS, type QueueSort } from "./params";

/**
 * Every sort is keyset-paginated: a page continues strictly after (or before) the sort key and id
 * of the row at its edge, so pages stay fast at any depth and never skip or repeat a row.
 *
 * A sort is a list of segments read one after another. Most sorts have one. "Due soonest" has
 * two: cases with something pending, earliest deadline first (complaints.next_due_at, kept by
 * the database, read along its partial index), then every other case newest first (read along
 * the received_at index).
 */
export type Segment = { key: SQL; direction: "asc" | "desc"; where?: SQL };

export function segmentsFor(sort: QueueSort): Segment[] {
  switch (sort) {
    case "newest":
      return [{ key: sql`${complaints.receivedAt}`, direction: "desc" }];
    case "oldest":
      return [{ key: sql`${complaints.receivedAt}`, direction: "asc" }];
    case "activity":
      return [{ key: sql`${complaints.lastActivityAt}`, direction: "desc" }];
    case "due":
      return [
        { key: sql`${complaints.nextDueAt}`, direction: "asc", where: sql`${complaints.nextDueAt} is not null` },
        { key: sql`${complaints.receivedAt}`, direction: "desc", where: sql`${complaints.nextDueAt} is null` },
      ];
  }
}

/**
 * Where a page edge is. `key` is PostgreSQL's own text for the timestamp: a JavaScript Date
 * keeps milliseconds only, and rounding away the microseconds would skip or repeat rows.
 * "next" continues after the last row shown, "prev" goes back before the first one.
 */
export type QueueCursor = { move: "next" | "prev"; sort: QueueSort; segment: number; key: string; id: string };

const PG_TIMESTAMP = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}(:?\d{2})?|Z)$/;

export function encodeCursor(cursor: QueueCursor): string {
  return Buffer.from([cursor.move, cursor.sort, cursor.segment, cursor.key, cursor.id].join("|")).toString("base64url");
}

/** The cursor from a URL, or null for anything malformed or meant for another sort (first page). */
export function decodeCursor(value: string | undefined | null, sort: QueueSort): QueueCursor | null {
  if (!value || value.length > 300) return null;
  const [move, cursorSort, segment, key, id] = Buffer.from(value, "base64url").toString("utf8").split("|");
  if (move !== "next" && move !== "prev") return null;
  if (cursorSort !== sort || !z.enum(QUEUE_SORTS).safeParse(cursorSort).success) return null;
  const index = Number(segment);
  if (!Number.isInteger(index) || index < 0 || index >= segmentsFor(sort).length) return null;
  if (!key || !PG_TIMESTAMP.test(key) || !z.uuid().safeParse(id).success) return null;
  return { move, sort, segment: index, key, id: id! };
}

/** Rows strictly beyond `edge` in reading order (forward) or strictly before it (backward). */
export function keysetSql(segment: Segment, edge: { key: string; id: string }, forward: boolean): SQL {
  const after = (segment.direction === "asc") === forward;
  const row = sql`(${segment.key}, ${complaints.id})`;
  const at = sql`(${edge.key}::timestamptz, ${edge.id}::uuid)`;
  return after ? sql`${row} > ${at}` : sql`${row} < ${at}`;
}

/**
 * The indexes are "desc nulls last" (drizzle's default for .desc()); PostgreSQL's own "desc" means
 * nulls first. Keys are never null, so the nulls position changes no result, only whether the
 * planner may read rows in index order. That is what we want for a plain list (stop after 26
 * rows), but not for a search: walking a million index entries to find five matches is far slower
 * than collecting the matches from their own indexes and sorting those, so searches ask for the
 * other nulls position on purpose.
 */
export function orderSql(segment: Segment, forward: boolean, useSortIndex = true): SQL[] {
  const asc = (segment.direction === "asc") === forward;
  const nulls = asc === useSortIndex ? sql.raw("nulls first") : sql.raw("nulls last");
  const dir = sql.raw(asc ? "asc" : "desc");
  return [sql`${segment.key} ${dir} ${nulls}`, sql`${complaints.id} ${dir} ${nulls}`];
}
