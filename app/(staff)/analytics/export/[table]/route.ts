import { getDb, getReportsDb } from "@/db/client";
import { csvStream } from "@/lib/analytics/csv";
import { csvResponse } from "@/lib/http/csv-response";
import { EXPORT_TABLES, exportTable, type ExportTable } from "@/lib/analytics/export";
import { parseAnalyticsFilters } from "@/lib/analytics/filters";
import { loadEarliestComplaintDate } from "@/lib/analytics/queries/filter-options";
import { localDate } from "@/lib/time/zone";
import { analyticsSource } from "@/lib/analytics/engine/runtime";
import { loadAnalyticsReport } from "@/lib/analytics/report";
import { getStaffForRoute } from "@/lib/auth/session";
import { getBusinessTimeZone } from "@/lib/settings/business";

/** CSV of one analytics table, with the same filters and role limits as the page. */
export async function GET(request: Request, { params }: { params: Promise<{ table: string }> }) {
  const user = await getStaffForRoute();
  if (!user) return new Response("Sign in to download analytics.", { status: 401 });
  const { table } = await params;
  if (!(EXPORT_TABLES as readonly string[]).includes(table)) return new Response("No such table.", { status: 404 });

  const db = await getDb();
  const timeZone = await getBusinessTimeZone(db);
  const search = Object.fromEntries(new URL(request.url).searchParams);
  const { filters, rangeRefused } = parseAnalyticsFilters(search, localDate(new Date(), timeZone), await loadEarliestComplaintDate(db, timeZone));
  // A file is read away from the page's notice: never hand over another range than the one asked for.
  if (rangeRefused) return new Response(`Date range refused: ${rangeRefused}`, { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
  // On the reports' own pool, like the page: exports must not crowd out the agents' work.
  const reportsDb = await getReportsDb();
  const { figures } = await analyticsSource(reportsDb, timeZone);
  const report = await loadAnalyticsReport(reportsDb, user, filters, timeZone, undefined, figures);
  const csv = exportTable(report, table as ExportTable);
  return csvResponse(csv.fileName, csvStream(csv.header, csv.rows));
}
