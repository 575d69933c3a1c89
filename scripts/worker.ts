// Delivers the email outbox (with SMTP_URL) and reads the mailbox (with IMAP_URL) from a separate
// process: `npm run worker`. Any number may run beside the app (outbox claims use FOR UPDATE SKIP
// LOCKED; each email is taken once, lib/mail/ingest.ts); set OUTBOX_WORKER=off and MAIL_WORKER=off
// on the app to leave the work to them. Needs PostgreSQL (DATABASE_URL): the embedded database
// belongs to one process, the app.
import { openDatabase } from "@/db/client";
import { runImapReader } from "@/lib/mail/imap";
import { runLoop } from "@/lib/outbox/runner";
import { createSmtpMailer } from "@/lib/outbox/smtp";
import { env } from "@/lib/env";
import { log } from "@/lib/observability/log";

async function main() {
  if (!env.SMTP_URL && !env.IMAP_URL) {
    log.fatal("Neither SMTP_URL nor IMAP_URL is set: there is no email to deliver or read. Set SMTP_URL (e.g. smtp://user:pass@mail.example.com:587) and/or IMAP_URL and retry.");
    process.exit(1);
  }
  if (!env.DATABASE_URL) {
    log.fatal("DATABASE_URL is not set. The embedded database can only be opened by the app itself, which delivers email on its own.");
    process.exit(1);
  }
  const handle = await openDatabase({ url: env.DATABASE_URL });
  const mailer = env.SMTP_URL ? createSmtpMailer(env.SMTP_URL, env.MAIL_FROM) : null;
  const loop = mailer ? runLoop(async () => handle.db, mailer, { onStop: () => mailer.close() }) : null;
  const reader = env.IMAP_URL ? runImapReader(env.IMAP_URL, async () => handle.db) : null;
  log.info(`Worker running (${[loop && "delivering the outbox", reader && "reading the mailbox"].filter(Boolean).join(", ")}). Ctrl+C to stop.`);
  // Keep the process alive: the loop's timer is unref'd so the app can exit freely.
  const keepAlive = setInterval(() => {}, 60_000);
  const stop = async () => {
    clearInterval(keepAlive);
    await loop?.stop();
    await reader?.stop();
    await handle.close();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error) => {
  log.fatal({ err: error }, "the outbox worker stopped");
  process.exit(1);
});
