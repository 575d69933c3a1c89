import "server-only";
import { getDb } from "@/db/client";
import { env } from "@/lib/env";
import { log } from "@/lib/observability/log";

type Reader = { stop: () => Promise<void> };
const globalForReader = globalThis as unknown as { caserootMailReader?: Reader };

/**
 * Starts reading the mailbox at IMAP_URL from this process (instrumentation.ts), like the outbox
 * worker: nothing without IMAP_URL, nothing with MAIL_WORKER=off. Idempotent. Any number of
 * instances may read one mailbox: each message is still taken once (lib/mail/ingest.ts).
 */
export async function startMailReader(): Promise<Reader | null> {
  if (globalForReader.caserootMailReader) return globalForReader.caserootMailReader;
  if (env.MAIL_WORKER === "off" || !env.IMAP_URL) return null;
  log.info("Reading customers' emails from the mailbox at IMAP_URL.");
  // The mail libraries load only where a mailbox is read: loading them blocks a starting server's
  // event loop for a noticeable moment, which its health check reports as "degraded".
  const { runImapReader } = await import("./imap");
  const reader = runImapReader(env.IMAP_URL, getDb);
  globalForReader.caserootMailReader = reader;
  return reader;
}
