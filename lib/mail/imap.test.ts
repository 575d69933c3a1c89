import { eq } from "drizzle-orm";
import type { ImapFlow } from "imapflow";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { complaints, inboundEmails } from "@/db/schema";
import { describeEachDatabase } from "@/test/databases";
import { dovecotInstalled, startDovecot, type Dovecot } from "@/test/dovecot";
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
    expect(await takeNewMail(c, db(), target(box))).toEqual({ taken: 2, failed: 0 });
    const flags = await flagsOf(c);
    expect([...flags.values()].map((f) => f.has("\\Seen") && f.has(TAKEN))).toEqual([true, true]);
    const mine = await db().select().from(inboundEmails).where(eq(inboundEmails.mailbox, `${box}@127.0.0.1/INBOX`)).orderBy(inboundEmails.id);
    expect(mine.map((r) => r.outcome)).toEqual(["complaint", "complaint"]);
    expect(mine.every((r) => r.uidValidity! > 0 && r.uid! > 0)).toBe(true);
    expect(await takeNewMail(c, db(), target(box))).toEqual({ taken: 0, failed: 0 });
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
    expect(crash).toEqual({ taken: 0, failed: 1 });
    expect(await db().select().from(inboundEmails).where(eq(inboundEmails.messageKey, `<${box}-crash@example.com>`))).toHaveLength(0);
    expect([...(await flagsOf(c)).values()][0]!.has(TAKEN)).toBe(false);
    expect(await takeNewMail(c, db(), target(box))).toEqual({ taken: 1, failed: 0 });
    const rows = await db().select().from(inboundEmails).where(eq(inboundEmails.messageKey, `<${box}-crash@example.com>`));
    expect(rows.map((r) => r.outcome)).toEqual(["complaint"]);
    expect([...(await flagsOf(c)).values()][0]!.has(TAKEN)).toBe(true);
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
