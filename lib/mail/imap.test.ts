import { eq } from "drizzle-orm";
import type { ImapFlow } from "imapflow";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { complaints, inboundAttempts, inboundEmails } from "@/db/schema";
import { describeEachDatabase } from "@/test/databases";
import { dovecotInstalled, startDovecot, type Dovecot } from "@/test/dovecot";
import { listFailingEmails, MAX_INGEST_ATTEMPTS } from "./attempts";
import { connectImap, parseImapUrl, runImapReader, takeNewMail, TAKEN } from "./imap";

vi.hoisted(() => {
  vi.stubEnv("MAIL_FROM", "Harbour & Hearth <complaints@harbour.test>");
});
// Read by lib/env when the modules load (above); put back for the next test file in this worker.
afterAll(() => {
  vi.unstubAllEnvs();
});

// CI installs Dovecot (.ci/run); elsewhere these tests say why they did not run rather than fail.
const suite = dovecotInstalled || process.env.CI ? describe : describe.skip;

let dovecot: Dovecot;
beforeAll(async () => {
  if (dovecotInstalled || process.env.CI) dovecot = await startDovecot();
});
afterAll(async () => {
  await dovecot?.close();
});

function complaintEmail(id: string, from = `customer-${id}@example.com`): string {
  return `From: Customer ${id} <${from}>\r\nTo: complaints@harbour.test\r\nSubject: Complaint ${id}\r\nMessage-ID: <${id}@example.com>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nThe engineer for job ${id} never arrived and nobody called.\r\n`;
}

const target = (user: string) => parseImapUrl(dovecot.url(user));

async function client(user: string): Promise<ImapFlow> {
  const c = connectImap(parseImapUrl(dovecot.url(user)));
  await c.connect();
  return c;
}

async function flagsOf(c: ImapFlow): Promise<Map<number, Set<string>>> {
  const lock = await c.getMailboxLock("INBOX");
  try {
    const flags = new Map<number, Set<string>>();
    for await (const message of c.fetch("1:*", { uid: true, flags: true })) flags.set(message.uid, message.flags ?? new Set());
    return flags;
  } finally {
    lock.release();
  }
}

let run = 0;
suite("IMAP_URL", () => {
  it("reads user, password, host, port and folder, with TLS for imaps", () => {
    expect(parseImapUrl("imaps://complaints%40example.com:p%40ss@imap.example.com/Support%2FIn")).toEqual({
      host: "imap.example.com",
      port: 993,
      secure: true,
      user: "complaints@example.com",
      pass: "p@ss",
      mailbox: "Support/In",
    });
    expect(parseImapUrl("imap://u:p@127.0.0.1:1143")).toMatchObject({ port: 1143, secure: false, mailbox: "INBOX" });
  });
});

describeEachDatabase("email in over IMAP (Dovecot)", ({ db, kind }) => {
  if (!dovecotInstalled && !process.env.CI) {
    it.skip("needs Dovecot (apt-get install dovecot-imapd)", () => {});
    return;
  }
  /** A mailbox of its own per test: users of the throwaway server are created on first sign-in. */
  const user = () => `box-${kind}-${++run}`;

  it("takes each new message once, marks it \\Seen and taken only after it is stored, and a second pass finds nothing", async () => {
    const box = user();
    const c = await client(box);
    await c.append("INBOX", complaintEmail(`${box}-a`));
    await c.append("INBOX", complaintEmail(`${box}-b`));
    expect(await takeNewMail(c, db(), target(box))).toEqual({ taken: 2, failed: 0, setAside: 0 });
    const flags = await flagsOf(c);
    expect([...flags.values()].map((f) => f.has("\\Seen") && f.has(TAKEN))).toEqual([true, true]);
    const mine = await db().select().from(inboundEmails).where(eq(inboundEmails.mailbox, `${box}@127.0.0.1/INBOX`)).orderBy(inboundEmails.id);
    expect(mine.map((r) => r.outcome)).toEqual(["complaint", "complaint"]);
    expect(mine.every((r) => r.uidValidity! > 0 && r.uid! > 0)).toBe(true);
    expect(await takeNewMail(c, db(), target(box))).toEqual({ taken: 0, failed: 0, setAside: 0 });
    await c.logout();
  });

  it("two workers reading one mailbox at once deliver each message once", async () => {
    const box = user();
    const writer = await client(box);
    const ids = Array.from({ length: 8 }, (_, i) => `${box}-${i}`);
    for (const id of ids) await writer.append("INBOX", complaintEmail(id, `same-${box}-${id}@example.com`));
    const [one, two] = [await client(box), await client(box)];
    const reports = await Promise.all([takeNewMail(one, db(), target(box)), takeNewMail(two, db(), target(box))]);
    expect(reports[0]!.failed + reports[1]!.failed).toBe(0);
    expect(reports[0]!.taken + reports[1]!.taken).toBe(ids.length);
    for (const id of ids) {
      const rows = await db().select().from(inboundEmails).where(eq(inboundEmails.messageKey, `<${id}@example.com>`));
      expect(rows).toHaveLength(1);
      const filed = await db().select().from(complaints).where(eq(complaints.id, rows[0]!.complaintId!));
      expect(filed).toHaveLength(1);
    }
    const flags = await flagsOf(writer);
    expect([...flags.values()].every((f) => f.has(TAKEN))).toBe(true);
    await Promise.all([one.logout(), two.logout(), writer.logout()]);
  });

  it("a crash after reading and before the commit leaves the message unmarked, and the next pass takes it", async () => {
    const box = user();
    const c = await client(box);
    await c.append("INBOX", complaintEmail(`${box}-crash`));
    const crash = await takeNewMail(c, db(), target(box), {
      beforeCommit: async () => {
        throw new Error("simulated crash before commit");
      },
    });
    expect(crash).toEqual({ taken: 0, failed: 1, setAside: 0 });
    expect(await db().select().from(inboundEmails).where(eq(inboundEmails.messageKey, `<${box}-crash@example.com>`))).toHaveLength(0);
    expect([...(await flagsOf(c)).values()][0]!.has(TAKEN)).toBe(false);
    expect(await takeNewMail(c, db(), target(box))).toEqual({ taken: 1, failed: 0, setAside: 0 });
    const rows = await db().select().from(inboundEmails).where(eq(inboundEmails.messageKey, `<${box}-crash@example.com>`));
    expect(rows.map((r) => r.outcome)).toEqual(["complaint"]);
    expect([...(await flagsOf(c)).values()][0]!.has(TAKEN)).toBe(true);
    await c.logout();
  });

  it(`a message whose ingest always fails is tried ${MAX_INGEST_ATTEMPTS} times, then set aside unmarked and listed, while the mail after it is still taken`, async () => {
    const box = user();
    const c = await client(box);
    const poisonKey = `<${box}-poison@example.com>`;
    await c.append("INBOX", complaintEmail(`${box}-poison`));
    await c.append("INBOX", complaintEmail(`${box}-good-1`));
    let tries = 0;
    const options = {
      beforeCommit: async ({ messageKey }: { messageKey: string }) => {
        if (messageKey !== poisonKey) return;
        tries += 1;
        throw new Error("this message always fails");
      },
    };
    const reports = [];
    for (let pass = 0; pass < MAX_INGEST_ATTEMPTS; pass++) reports.push(await takeNewMail(c, db(), target(box), options));
    // The good message behind it is taken on the first pass; the poison one fails on each.
    expect(reports[0]).toEqual({ taken: 1, failed: 1, setAside: 0 });
    expect(reports.slice(1)).toEqual(Array.from({ length: MAX_INGEST_ATTEMPTS - 1 }, () => ({ taken: 0, failed: 1, setAside: 0 })));
    expect(tries).toBe(MAX_INGEST_ATTEMPTS);

    // Set aside: no longer tried, while new mail is still taken.
    await c.append("INBOX", complaintEmail(`${box}-good-2`));
    expect(await takeNewMail(c, db(), target(box), options)).toEqual({ taken: 1, failed: 0, setAside: 1 });
    expect(tries).toBe(MAX_INGEST_ATTEMPTS);
    const good = await db().select().from(inboundEmails).where(eq(inboundEmails.mailbox, `${box}@127.0.0.1/INBOX`)).orderBy(inboundEmails.id);
    expect(good.map((r) => r.messageKey)).toEqual([`<${box}-good-1@example.com>`, `<${box}-good-2@example.com>`]);

    // Still in the mailbox, neither \Seen nor taken, and listed for owners with its error and count.
    const flags = [...(await flagsOf(c)).values()];
    expect(flags.map((f) => f.has(TAKEN))).toEqual([false, true, true]);
    expect(flags[0]!.has("\\Seen")).toBe(false);
    const [listed] = (await listFailingEmails(db())).filter((r) => r.mailbox === `${box}@127.0.0.1/INBOX`);
    expect(listed).toMatchObject({
      uid: good[0]!.uid! - 1,
      fromAddress: `customer-${box}-poison@example.com`,
      subject: `Complaint ${box}-poison`,
      attempts: MAX_INGEST_ATTEMPTS,
      setAside: true,
      lastError: "Error: this message always fails",
    });
    await c.logout();
  });

  it("a message that failed and is then taken has its count cleared", async () => {
    const box = user();
    const c = await client(box);
    await c.append("INBOX", complaintEmail(`${box}-flaky`));
    const once = await takeNewMail(c, db(), target(box), {
      beforeCommit: async () => {
        throw new Error("a passing fault");
      },
    });
    expect(once).toEqual({ taken: 0, failed: 1, setAside: 0 });
    const mine = () => db().select().from(inboundAttempts).where(eq(inboundAttempts.mailbox, `${box}@127.0.0.1/INBOX`));
    expect((await mine()).map((r) => r.attempts)).toEqual([1]);
    expect(await takeNewMail(c, db(), target(box))).toEqual({ taken: 1, failed: 0, setAside: 0 });
    expect(await mine()).toHaveLength(0);
    await c.logout();
  });

  it("a running reader picks up mail that arrives while it waits (IDLE)", async () => {
    const box = user();
    const reader = runImapReader(dovecot.url(box), async () => db(), { pollMs: 3_600_000 });
    try {
      const c = await client(box);
      const takenOnce = (id: string) =>
        vi.waitFor(
          async () => {
            const rows = await db().select().from(inboundEmails).where(eq(inboundEmails.messageKey, `<${id}@example.com>`));
            expect(rows.map((r) => r.outcome)).toEqual(["complaint"]);
          },
          { timeout: 20_000, interval: 200 },
        );
      // The first message shows the reader has connected and made its first pass…
      await c.append("INBOX", complaintEmail(`${box}-first`));
      await takenOnce(`${box}-first`);
      // …so this one arrives while it waits, and only the server's announcement can bring it (the poll is an hour away).
      await c.append("INBOX", complaintEmail(`${box}-idle`));
      await takenOnce(`${box}-idle`);
      await c.logout();
    } finally {
      await reader.stop();
    }
  });
});
