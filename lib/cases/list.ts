import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { complaints } from "@/db/schema";
import type { StaffRole } from "@/lib/auth/roles";
import { nextStep, type NextStep } from "./next-step";
import { allOf, filtersSql, searchSql, viewSql } from "./queue/conditions";
import { countViews, type ViewCounts } from "./queue/counts";
import { loadRowDetails, type RowDetails } from "./queue/facts";
import { viewsFor, type CaseStatusValue, type QueueQuery, type QueueSort, type QueueView } from "./queue/params";
import { decodeCursor, encodeCursor, keysetSql, orderSql, segmentsFor, type Segment } from "./queue/sorts";

/**
 * The case queue: views with counts, filters, search, four sorts with keyset pages, and for
 * every row what needs doing next. Three queries per page: the tab counts, the page's rows (sorted
 * and cut to 25 on the complaints table alone), and one batch of names, promises and follow-ups
 * for those 25. Parsing the URL lives in ./queue/params.
 */

export const CASES_PAGE_SIZE = 25;

export type QueueViewer = { id: string; role: StaffRole };

export type QueueItem = {
  id: string;
  reference: string;
  receivedAt: Date;
  lastActivityAt: Date;
  status: CaseStatusValue;
  severity: "low" | "medium" | "high" | "critical" | null;
  escalated: boolean;
  customerName: string;
  processName: string | null;
  assigneeName: string | null;
  next: NextStep;
  /** Promises past their time and not kept; more than one is said out loud on the row. */
  overduePromises: number;
};

export type QueuePage = {
  view: QueueView;
  sort: QueueSort;
  views: QueueView[];
  counts: ViewCounts;
  items: QueueItem[];
  /** Cursors for the neighbouring pages, or null when there is nothing there. */
  prev: string | null;
  next: string | null;
  /** The search was a case reference, so the view and filters were set aside. */
  byReference: boolean;
};

type Row = Awaited<ReturnType<typeof selectRows>>[number];

type ReadOptions = { forward: boolean; limit: number; useSortIndex: boolean };

function selectRows(db: Db, segment: Segment, where: SQL | undefined, { forward, limit, useSortIndex }: ReadOptions) {
  return db
    .select({
      id: complaints.id,
      reference: complaints.reference,
      receivedAt: complaints.receivedAt,
      lastActivityAt: complaints.lastActivityAt,
      status: complaints.status,
      severity: complaints.severity,
      assigneeId: complaints.assigneeId,
      processId: complaints.processId,
      rootCauseId: complaints.rootCauseId,
      faultAttribution: complaints.faultAttribution,
      firstResponseAt: complaints.firstResponseAt,
      firstResponseDueAt: complaints.firstResponseDueAt,
      escalatedAt: complaints.escalatedAt,
      sortKey: sql<string>`(${segment.key})::text`,
    })
    .from(complaints)
    .where(where)
    .orderBy(...orderSql(segment, forward, useSortIndex))
    .limit(limit);
}

/**
 * Reads one page across the sort's segments: forward from the cursor (or the start) into later
 * segments, or backward into earlier ones. One row more than a page tells whether more lie beyond.
 */
async function readPage(db: Db, sort: QueueSort, base: SQL | undefined, cursorText: string | undefined, useSortIndex: boolean) {
  const segments = segmentsFor(sort);
  const cursor = decodeCursor(cursorText, sort);
  const forward = cursor?.move !== "prev";
  const collected: Array<{ row: Row; segment: number }> = [];
  let index = cursor?.segment ?? 0;
  let edge: { key: string; id: string } | null = cursor;
  while (index >= 0 && index < segments.length && collected.length <= CASES_PAGE_SIZE) {
    const segment = segments[index]!;
    const where = allOf([base, segment.where, edge ? keysetSql(segment, edge, forward) : undefined]);
    const rows = await selectRows(db, segment, where, { forward, limit: CASES_PAGE_SIZE + 1 - collected.length, useSortIndex });
    const at = index;
    collected.push(...rows.map((row) => ({ row, segment: at })));
    index += forward ? 1 : -1;
    edge = null;
  }
  const more = collected.length > CASES_PAGE_SIZE;
  const page = collected.slice(0, CASES_PAGE_SIZE);
  if (!forward) page.reverse();

  const first = page[0];
  const last = page[page.length - 1];
  const prevExists = forward ? cursor !== null : more;
  const nextExists = forward ? more : true;
  const edgeCursor = (move: "next" | "prev", at: { row: Row; segment: number }) =>
    encodeCursor({ move, sort, segment: at.segment, key: at.row.sortKey, id: at.row.id });
  return {
    rows: page.map((p) => p.row),
    prev: first && prevExists ? edgeCursor("prev", first) : null,
    next: last && nextExists ? edgeCursor("next", last) : null,
  };
}

function toItem(row: Row, facts: RowDetails, now: Date, timeZone: string): QueueItem {
  const next = nextStep(
    {
      ...row,
      openPromiseDueDates: facts.earliestPromiseDueAt ? [facts.earliestPromiseDueAt] : [],
      openFollowUpDueAt: facts.openFollowUpDueAt,
    },
    now,
    timeZone,
  );
  return {
    id: row.id,
    reference: row.reference,
    receivedAt: row.receivedAt,
    lastActivityAt: row.lastActivityAt,
    status: row.status,
    severity: row.severity,
    escalated: row.escalatedAt !== null,
    customerName: facts.customerName,
    processName: facts.processName,
    assigneeName: facts.assigneeName,
    next,
    overduePromises: facts.overduePromises,
  };
}

export async function listQueue(
  db: Db,
  viewer: QueueViewer,
  query: QueueQuery,
  options: { now: Date; timeZone: string },
): Promise<QueuePage> {
  const { now, timeZone } = options;
  const views = viewsFor(viewer.role);
  // Authorization next to the data: the page's parser already maps this, but never trust a caller.
  const view = views.includes(query.view) ? query.view : "mine";
  const search = query.filters.q ? searchSql(query.filters.q) : null;
  const scope = search?.byReference ? [search.condition] : [...filtersSql(query.filters, timeZone), search?.condition];
  const listWhere = allOf([...scope, search?.byReference ? undefined : viewSql(view, viewer.id, now)]);

  const [counts, page] = await Promise.all([
    countViews(db, viewer, views, allOf(scope), now),
    readPage(db, query.sort, listWhere, query.cursor, !search || search.byReference),
  ]);
  const details = await loadRowDetails(db, page.rows.map((r) => r.id), now);

  // A case deleted between the two queries has no details and is left out.
  const items = page.rows.flatMap((row) => {
    const facts = details.get(row.id);
    return facts ? [toItem(row, facts, now, timeZone)] : [];
  });
  return { view, sort: query.sort, views, counts, items, prev: page.prev, next: page.next, byReference: Boolean(search?.byReference) };
}
