/**
 * Runs once when a server instance starts: applies pending migrations, so a deployment of
 * several instances needs no separate migration step (an advisory lock makes them take turns).
 */
export async function register() {
  // NEXT_RUNTIME is set by Next itself (not configuration): migrations need Node, not the edge runtime.
  // eslint-disable-next-line no-restricted-properties
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  (await import("@/lib/resilience/event-loop")).startEventLoopMonitor(); // For /api/health: how late the event loop runs
  const { getDb, databaseKind } = await import("@/db/client");
  const { migrateDatabase } = await import("@/db/migrate");
  try {
    await migrateDatabase(await getDb(), await databaseKind());
  } catch (error) {
    // A database that is down at start must not keep the server from starting: requests report
    // the outage (see /api/health) and the app recovers when the database returns.
    (await import("@/lib/observability/log")).log.error({ err: error }, "could not apply migrations at start");
  }
  (await import("@/lib/outbox/runner")).startOutboxWorker(); // Email delivery from the outbox, every few seconds (off without SMTP_URL; see lib/outbox)
  await (await import("@/lib/mail/runner")).startMailReader(); // Customers' emails from IMAP_URL: new complaints and replies (off without IMAP_URL; see lib/mail)
  (await import("@/lib/maintenance/runner")).startMaintenance(); // Rate-limit sweep and the retention rule, every five minutes
  (await import("@/lib/analytics/engine/runtime")).startAnalyticsCopy(); // Loads this instance's analytics copy now, then keeps it current (off with ANALYTICS_ENGINE=postgres)
}
