import "server-only";
import { ImapFlow } from "imapflow";
import type { Db } from "@/db/client";
import { log } from "@/lib/observability/log";
import { clearAttempts, MAX_INGEST_ATTEMPTS, recordFailedAttempt, setAsideUids } from "./attempts";
import { ingestEmail, type IngestOptions } from "./ingest";

/**
 * Reads the business's mailbox over IMAP (imapflow) and hands every new message to ingestEmail.
 * A message is marked (\Seen and the keyword TAKEN) only after its complaint, message or refusal
 * is committed; one that failed or whose reader crashed stays unmarked and is read again. Several
 * readers may share the mailbox: the database decides which one takes a message (see ingest.ts).
 * A message that fails MAX_INGEST_ATTEMPTS times is set aside (attempts.ts): left in the mailbox
 * unmarked, no longer tried, and listed for owners, so it neither loops nor hides.
 * New mail is noticed through IDLE where the server offers it, and by a pass every POLL_MS anyway.
 */

/** The IMAP keyword CaseRoot sets on the messages it took; messages without it are still to read. */
export const TAKEN = "$CaseRootTaken";
export const POLL_MS = 30_000;

export type ImapTarget = { host: string; port: number; secure: boolean; user: string; pass: string; mailbox: string };

/** IMAP_URL (imap[s]://user:password@host[:port][/mailbox]) in the form imapflow takes. */
export function parseImapUrl(url: string): ImapTarget {
  const parsed = new URL(url);
  const secure = parsed.protocol === "imaps:";
  const mailbox = decodeURIComponent(parsed.pathname.replace(/^\/+/, "")) || "INBOX";
  return {
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : secure ? 993 : 143,
    secure,
    user: decodeURIComponent(parsed.username),
    pass: decodeURIComponent(parsed.password),
    mailbox,
  };
}

export function connectImap(target: ImapTarget): ImapFlow {
  return new ImapFlow({
    host: target.host,
    port: target.port,
    secure: target.secure,
    auth: { user: target.user, pass: target.pass },
    logger: false,
    // Poll with NOOP where the server has no IDLE; IDLE is used where it has.
    missingIdleCommand: "NOOP",
    maxIdleTime: 5 * 60_000,
    // Start IDLE a second after each pass (imapflow waits 15 s unless told), so new mail is noticed at once.
    autoIdleDelay: 1_000,
  });
}

/** taken: stored or found stored; failed: ingest threw (left to try again); setAside: no longer tried. */
export type PassReport = { taken: number; failed: number; setAside: number };

/**
 * The mailbox as inbound_emails records it: the account and the folder, since UIDVALIDITY and UIDs
 * are only unique within one folder of one account (two accounts' INBOX may share a UIDVALIDITY).
 */
export function mailboxKey(target: Pick<ImapTarget, "user" | "host" | "mailbox">): string {
  return `${target.user}@${target.host}/${target.mailbox}`;
}

/**
 * One pass over the mailbox: every message without the TAKEN keyword is ingested, then marked.
 * The client must be connected; the mailbox is locked (selected) for the pass.
 */
export async function takeNewMail(client: ImapFlow, db: Db, target: Pick<ImapTarget, "user" | "host" | "mailbox">, options: IngestOptions = {}): Promise<PassReport> {
  const { mailbox } = target;
  const key = mailboxKey(target);
  const report: PassReport = { taken: 0, failed: 0, setAside: 0 };
  const lock = await client.getMailboxLock(mailbox);
  try {
    const opened = client.mailbox;
    if (!opened) throw new Error(`Mailbox ${mailbox} is not open`);
    const uidValidity = Number(opened.uidValidity);
    const uids = (await client.search({ unKeyword: TAKEN }, { uid: true })) || [];
    // Messages that failed too often are skipped before fetching: they stay unmarked in the mailbox.
    const setAside = uids.length > 0 ? await setAsideUids(db, key, uidValidity) : new Set<number>();
    for (const uid of uids) {
      if (setAside.has(uid)) {
        report.setAside += 1;
        continue;
      }
      const message = await client.fetchOne(String(uid), { source: true, envelope: true }, { uid: true });
      if (!message || !message.source) continue; // expunged meanwhile
      const at = { mailbox: key, uidValidity, uid };
      try {
        const result = await ingestEmail(db, message.source, at, options);
        if (result.outcome !== "already_taken") report.taken += 1;
      } catch (error) {
        // Left unmarked: the next pass tries again, up to MAX_INGEST_ATTEMPTS times in all.
        report.failed += 1;
        const from = message.envelope?.from?.[0]?.address ?? null;
        const counted = await recordFailedAttempt(db, { ...at, fromAddress: from, subject: message.envelope?.subject ?? null }, error).catch((countError: unknown) => {
          // The database is probably what failed: nothing is counted, so nothing is set aside for it.
          log.error({ err: countError, mailbox: key, uid }, "could not count a failed attempt at an email");
          return null;
        });
        if (counted?.setAside) {
          log.error(
            { err: error, mailbox: key, uidValidity, uid, attempts: counted.attempts, maxAttempts: MAX_INGEST_ATTEMPTS },
            "email set aside: it failed every attempt; it stays in the mailbox unmarked and is listed at Settings → Mailbox",
          );
        } else {
          log.error({ err: error, mailbox: key, uidValidity, uid, attempts: counted?.attempts }, "could not take an email; it stays in the mailbox to be read again");
        }
        continue;
      }
      // Committed (by this reader or another): its earlier failures, if any, are history. Cleared
      // before the mark, so a crash in between leaves the message unmarked and the next pass
      // (finding it taken) clears again and marks it.
      await clearAttempts(db, at);
      // Mark it so no pass reads it again.
      await client.messageFlagsAdd(String(uid), ["\\Seen", TAKEN], { uid: true });
    }
  } finally {
    lock.release();
  }
  return report;
}

type Reader = { stop: () => Promise<void> };

/**
 * Keeps reading a mailbox: connects, takes what is there, then takes new mail when the server
 * announces it (IDLE) and every `pollMs` regardless; reconnects after a dropped connection.
 */
export function runImapReader(url: string, db: () => Promise<Db>, options: { pollMs?: number; ingest?: IngestOptions } = {}): Reader {
  const target = parseImapUrl(url);
  let client: ImapFlow | null = null;
  let stopped = false;
  let running: Promise<void> | null = null;
  let again = false;
  let reconnect: NodeJS.Timeout | null = null;

  const pass = () => {
    if (running) {
      again = true; // new mail during a pass: one more pass after it
      return;
    }
    running = (async () => {
      do {
        again = false;
        if (!client?.usable) return;
        await takeNewMail(client, await db(), target, options.ingest);
      } while (again && !stopped);
    })()
      .catch((error) => log.error({ err: error }, "mailbox pass failed"))
      .finally(() => {
        running = null;
      });
  };

  const open = async () => {
    if (stopped) return;
    const next = connectImap(target);
    next.on("error", (error: Error) => log.warn({ err: error }, "IMAP connection error"));
    next.on("exists", () => pass());
    next.on("close", () => {
      if (stopped) return;
      log.warn({ host: target.host }, "IMAP connection closed; reconnecting");
      reconnect = setTimeout(() => void open(), 10_000);
      reconnect.unref?.();
    });
    try {
      await next.connect();
      await next.mailboxOpen(target.mailbox);
      client = next;
      pass();
    } catch (error) {
      log.error({ err: error, host: target.host, mailbox: target.mailbox }, "could not open the mailbox; trying again shortly");
      next.close();
    }
  };

  const timer = setInterval(pass, options.pollMs ?? POLL_MS);
  timer.unref?.();
  void open();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      if (reconnect) clearTimeout(reconnect);
      await running;
      await client?.logout().catch(() => client?.close());
    },
  };
}
