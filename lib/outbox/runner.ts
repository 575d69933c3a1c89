import "server-only";
import { getDb, type Db } from "@/db/client";
import { env } from "@/lib/env";
import { enqueueDailyDigests } from "@/lib/reminders/digest";
import { createSmtpMailer } from "./smtp";
import { deliverDue, type Mailer } from "./worker";
import { log } from "@/lib/observability/log";

const TICK_MS = 5_000;
const DIGEST_CHECK_MS = 60_000;

type Loop = { stop: () => Promise<void> };
const globalForWorker = globalThis as unknown as { caserootOutboxWorker?: Loop };

/**
 * Starts delivering the outbox from this process: a timer every few seconds (one pass at a time),
 * plus the daily staff digests once a minute. Does nothing without SMTP_URL (emails then wait in
 * the outbox for an owner to read at /settings/outbox) or with OUTBOX_WORKER=off. Idempotent.
 */
export function startOutboxWorker(): Loop | null {
  if (globalForWorker.caserootOutboxWorker) return globalForWorker.caserootOutboxWorker;
  if (env.OUTBOX_WORKER === "off") return null;
  if (!env.SMTP_URL) {
    log.info("SMTP_URL is not set: emails are kept in the outbox (Settings → Outbox) and not sent.");
    return null;
  }
  const mailer = createSmtpMailer(env.SMTP_URL, env.MAIL_FROM);
  const loop = runLoop(getDb, mailer, { onStop: () => mailer.close() });
  globalForWorker.caserootOutboxWorker = loop;
  return loop;
}

/** The loop itself, separate from the environment so scripts/worker.ts and tests can run it. */
export function runLoop(db: () => Promise<Db>, mailer: Mailer, options: { tickMs?: number; onStop?: () => void } = {}): Loop {
  let running: Promise<void> | null = null;
  let lastDigestCheck = 0;
  const tick = () => {
    if (running) return; // the previous pass is still sending
    running = (async () => {
      const database = await db();
      if (Date.now() - lastDigestCheck >= DIGEST_CHECK_MS) {
        lastDigestCheck = Date.now();
        await enqueueDailyDigests(database, { mailConfigured: true });
      }
      // Drain what is due now, a batch at a time, before sleeping again.
      for (let pass = 0; pass < 10; pass++) {
        const report = await deliverDue(database, mailer);
        if (report.sent + report.retrying + report.failed === 0) break;
      }
    })()
      .catch((error) => log.error({ err: error }, "outbox delivery pass failed"))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, options.tickMs ?? TICK_MS);
  timer.unref?.();
  tick();
  return {
    async stop() {
      clearInterval(timer);
      await running;
      options.onStop?.();
    },
  };
}
