import { eq } from "drizzle-orm";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { complaints } from "@/db/schema";
import { fileComplaint } from "@/lib/complaints/intake";
import { parseIntake } from "@/lib/complaints/intake-schema";
import { enqueueCustomerEmail } from "@/lib/outbox/enqueue";
import { createSmtpMailer } from "@/lib/outbox/smtp";
import { DEFAULT_TEMPLATES } from "@/lib/outbox/templates";
import { deliverDue } from "@/lib/outbox/worker";
import { describeEachDatabase } from "@/test/databases";
import { startSmtpServer } from "@/test/smtp-server";
import { ingestEmail } from "./ingest";
import { caseThreadId } from "./threading";

vi.hoisted(() => {
  vi.stubEnv("MAIL_FROM", "Harbour & Hearth <complaints@harbour.test>");
  vi.stubEnv("MAIL_REPLY_TO", "complaints@harbour.test");
});
// Read by lib/env when the modules load (above); put back for the next test file in this worker.
afterAll(() => {
  vi.unstubAllEnvs();
});

let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(async () => {
  await smtp.close();
});

let n = 0;
describeEachDatabase("threading out", ({ db }) => {
  async function fileOne() {
    n += 1;
    const parsed = parseIntake({ name: "Robin Hale", email: `robin-thread-${n}@example.com`, processId: "not_sure", description: "The boiler is leaking onto the floor." });
    if (parsed.kind !== "valid") throw new Error("bad intake");
    const filed = await fileComplaint(db(), parsed.data, { channel: "web" });
    const [c] = await db().select().from(complaints).where(eq(complaints.reference, filed.reference));
    return c!;
  }

  async function deliveredTo(address: string) {
    const mailer = createSmtpMailer(`smtp://127.0.0.1:${smtp.port}`, "Harbour & Hearth <complaints@harbour.test>");
    try {
      await deliverDue(db(), mailer);
    } finally {
      mailer.close();
    }
    return Promise.all(smtp.received.filter((m) => m.to.includes(address)).map((m) => simpleParser(m.raw)));
  }

  it("every email about a case has its own stable Message-ID, refers to the case's thread, and replies to the case's own address", async () => {
    const c = await fileOne();
    await db().transaction((tx) => enqueueCustomerEmail(tx, { complaintId: c.id, kind: "staff_reply", message: "Could we come back on Thursday?" }));
    const mails = await deliveredTo(`robin-thread-${n}@example.com`);
    expect(mails).toHaveLength(2); // the acknowledgement and the reply
    const [token] = await db().select({ token: complaints.replyToken }).from(complaints).where(eq(complaints.id, c.id));
    expect(token!.token).toMatch(/^[0-9a-f]{32}$/);
    for (const mail of mails) {
      expect(mail.messageId).toMatch(/^<[0-9a-f-]{36}@caseroot\.outbox>$/);
      expect(mail.inReplyTo).toBe(caseThreadId(c.id));
      expect(mail.references).toBe(caseThreadId(c.id));
      expect(mail.replyTo?.value[0]?.address).toBe(`complaints+${token!.token}@harbour.test`);
    }
    expect(new Set(mails.map((m) => m.messageId)).size).toBe(2);
  });

  it("another case gets another reply address; a reply to either lands on its own case", async () => {
    const first = await fileOne();
    const second = await fileOne();
    const [a] = await deliveredTo(`robin-thread-${n - 1}@example.com`);
    const [b] = await deliveredTo(`robin-thread-${n}@example.com`);
    const addressA = a!.replyTo!.value[0]!.address!;
    const addressB = b!.replyTo!.value[0]!.address!;
    expect(addressA).not.toBe(addressB);
    const reply = (to: string, id: string) =>
      Buffer.from(`From: Robin Hale <robin@example.com>\r\nTo: ${to}\r\nSubject: Re: thanks\r\nMessage-ID: <${id}@example.com>\r\n\r\nThank you, that is helpful.\r\n`);
    expect(await ingestEmail(db(), reply(addressB, "to-b"), null)).toMatchObject({ outcome: "message", complaintId: second.id });
    expect(await ingestEmail(db(), reply(addressA, "to-a"), null)).toMatchObject({ outcome: "message", complaintId: first.id });
  });

  it("a guessed reply address matches no case", async () => {
    const raw = Buffer.from(
      `From: Mallory <mallory@example.com>\r\nTo: complaints+${"0".repeat(32)}@harbour.test\r\nSubject: Re: your complaint\r\nMessage-ID: <guess@example.com>\r\n\r\nPlease refund me for the complaint I am guessing at.\r\n`,
    );
    expect((await ingestEmail(db(), raw, null)).outcome).toBe("complaint");
  });

  it("the templates invite the customer to reply to the email", () => {
    for (const kind of ["acknowledgement", "call_summary", "staff_reply", "resolution_proposed", "follow_up", "closure"] as const) {
      expect(DEFAULT_TEMPLATES[kind].body).toMatch(/reply to this email/);
    }
    for (const template of Object.values(DEFAULT_TEMPLATES)) expect(template.body).not.toMatch(/do not reply|don't reply|no-reply|noreply/i);
  });
});
