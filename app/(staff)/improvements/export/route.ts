import { getDb } from "@/db/client";
import { csvStream } from "@/lib/analytics/csv";
import { hasRole } from "@/lib/auth/roles";
import { getStaffForRoute } from "@/lib/auth/session";
import { csvResponse } from "@/lib/http/csv-response";
import { ACTIONS_CSV_HEADER, actionCsvRows } from "@/lib/improvements/export";
import { listCorrectiveActions } from "@/lib/improvements/queries";
import { getBusinessTimeZone } from "@/lib/settings/business";
import { localDate } from "@/lib/time/zone";

/** CSV of every corrective action, as the /improvements list shows them. */
export async function GET() {
  const user = await getStaffForRoute();
  if (!user) return new Response("Sign in to download corrective actions.", { status: 401 });
  if (!hasRole(user.role, "supervisor")) return new Response("Only a supervisor or an owner can download corrective actions.", { status: 403 });
  const db = await getDb();
  const today = localDate(new Date(), await getBusinessTimeZone(db));
  const actions = await listCorrectiveActions(db, today);
  return csvResponse(`corrective-actions-${today}.csv`, csvStream(ACTIONS_CSV_HEADER, actionCsvRows(actions)));
}
