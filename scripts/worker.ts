// Delivers the email outbox from a separate process: `npm run worker`. Any number may run beside
// the app (claims use FOR UPDATE SKIP LOCKED); set OUTBOX_WORKER=off on the app to leave delivery
// to them. Needs PostgreSQL (DATABASE_URL): the embedded database belongs to one process, the app.
import { openDatabase } from "@/db/client";
import { runLoop } from "@/lib/outbox/runner";
import { createSmtpMailer } from "@/lib/outbox/smtp";
import { env } from "@/lib/env";
import { log } from "@/lib/observability/log";

async function main() {
  if (!env.SMTP_URL) {
    log.fatal("SMTP_URL is not set: there is nowhere to deliver email to. Set it (e.g. smtp://user:pass@mail.example.com:587) and retry.");
    process.exit(1);
  }
  if (!env.DATABASE_URL) {
    log.fatal("DATABASE_URL is not set. The embedded database can only be opened by the app itself, which delivers email on its own.");
    process.exit(1);
  }
  const handle = await openDatabase({ url: env.DATABASE_URL });
  const mailer = createSmtpMailer(env.SMTP_URL, env.MAIL_FROM);
  const loop = runLoop(async () => handle.db, mailer, { onStop: () => mailer.close() });
  log.info("Outbox worker running. Ctrl+C to stop.");
  // Keep the process alive: the loop's timer is unref'd so the app can exit freely.
  const keepAlive = setInterval(() => {}, 60_000);
  const stop = async () => {
    clearInterval(keepAlive);
    await loop.stop();
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
