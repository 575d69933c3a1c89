import "server-only";
import { getReportsDb, type Db } from "@/db/client";
import { env } from "@/lib/env";
import { log } from "@/lib/observability/log";
import { caseWorkActive, quietMoment } from "@/lib/resilience/case-work";
import { AnalyticsCopy, type CopyStatus } from "./copy";
import { copyFigures, postgresFigures, type FigureSource } from "./figures";

/**
 * This instance's analytics copy and the loop that keeps it current. Each instance holds its own
 * copy (reports scale with instances and never queue on one worker); every copy follows the same
 * change log, so all converge (decision record 0013).
 */
const REFRESH_EVERY_MS = 1_000;
// A full load costs about 6 s at a million complaints (4 of them PostgreSQL copying rows out): hourly is enough to catch what a refresh could miss.
const RECONCILE_EVERY_MS = 60 * 60_000;
// Each of a page's queries waits at most this long for agents' pages in flight to finish (case-work.ts).
const QUERY_YIELDS_MS = 250;
// While agents are at work (a page in flight, or one within this long), a query uses one of the two cores, leaving them the other.
const AGENTS_AT_WORK_MS = 1_000;

type Runtime = { copy: Promise<AnalyticsCopy | null>; timers: NodeJS.Timeout[] };
const globalForCopy = globalThis as unknown as { caserootAnalyticsCopy?: Runtime };

/** Starts the copy and its loop in this process (idempotent); the load starts at once, in the background. */
export function startAnalyticsCopy(): Runtime | null {
  if (env.ANALYTICS_ENGINE !== "copy") return null;
  if (globalForCopy.caserootAnalyticsCopy) return globalForCopy.caserootAnalyticsCopy;
  // Without its native engine (a platform DuckDB ships no binary for), the page answers from PostgreSQL.
  const copy = AnalyticsCopy.create({
    log,
    beforeQuery: () => quietMoment(QUERY_YIELDS_MS),
    threadsFor: () => (caseWorkActive(AGENTS_AT_WORK_MS) ? 1 : 2),
  }).catch((error: unknown) => {
    log.error({ err: error }, "analytics copy: DuckDB could not start; figures come from PostgreSQL");
    return null;
  });
  let refreshing = false;
  const refresh = () => {
    if (refreshing) return;
    refreshing = true;
    void (async () => (await copy)?.catchUp(await getReportsDb()))()
      .catch((error) => log.error({ err: error }, "analytics copy: refresh failed"))
      .finally(() => {
        refreshing = false;
      });
  };
  const reconcile = () => {
    void (async () => {
      const c = await copy;
      if (c?.status().state === "ready") await c.reload(await getReportsDb());
    })().catch((error) => log.error({ err: error }, "analytics copy: reconciliation failed"));
  };
  const timers = [setInterval(refresh, REFRESH_EVERY_MS), setInterval(reconcile, RECONCILE_EVERY_MS)];
  for (const t of timers) t.unref();
  globalForCopy.caserootAnalyticsCopy = { copy, timers };
  refresh();
  return globalForCopy.caserootAnalyticsCopy;
}

export type AnalyticsSource = {
  figures: FigureSource;
  /** Set while this instance's copy is still loading: the figures then come from PostgreSQL. */
  preparing: CopyStatus | null;
};

/**
 * The figures for a page: from the copy once it is loaded, brought up to date first (so a change
 * an owner has just made shows at once), otherwise straight from PostgreSQL, with the load's
 * progress. Never from a copy that is still loading.
 */
export async function analyticsSource(db: Db, timeZone: string): Promise<AnalyticsSource> {
  const runtime = startAnalyticsCopy();
  return sourceFor(runtime ? await runtime.copy : null, db, timeZone);
}

/** The choice itself, for a given copy (none when the engine is "postgres"). */
export async function sourceFor(copy: AnalyticsCopy | null, db: Db, timeZone: string): Promise<AnalyticsSource> {
  if (!copy) return { figures: postgresFigures(db), preparing: null };
  if (!copy.isReadyFor(timeZone)) return { figures: postgresFigures(db), preparing: copy.status() };
  await copy.catchUp(db);
  return { figures: copyFigures(copy, db), preparing: null };
}
