import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { queryRows } from "@/db/client";
import { complaintEvents, complaints, outboxMessages, staffUsers } from "@/db/schema";
import { CaseRuleError } from "@/lib/cases/errors";
import { updateCase } from "@/lib/cases/update-case";
import { fileComplaint } from "@/lib/complaints/intake";
import { parseIntake } from "@/lib/complaints/intake-schema";
import { findComplaintIdByToken } from "@/lib/complaints/tracking";
import { describeEachDatabase } from "@/test/databases";
import { decodeQuotedPrintable, startSmtpServer, unusedPort } from "@/test/smtp-server";
import { enqueueCustomerEmail } from "./enqueue";
import { createSmtpMailer } from "./smtp";
import { deliverDue, type Mailer } from "./worker";

let n = 0;
function intake(overrides: Record<string, unknown> = {}) {
  n += 1;
  const parsed = parseIntake({
    name: "Robin Hale",
    email: `robin${n}-${Date.now()}@example.com`,
    processId: "not_sure",
    description: "The engineer left the boiler leaking.",
    ...overrides,
  });
  if (parsed.kind !== "valid") throw new Error(JSON.stringify(parsed));
  return parsed.data;
}

let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(async () => {
  await smtp.close();
});

const FROM = "Harbour & Hearth <complaints@harbour.test>";

describeEachDatabase("email outbox", ({ db }) => {
  let staffId: string;
  beforeAll(async () => {
    const [staff] = await db()
      .insert(staffUsers)
      .values({ email: "agent@harbour.test", name: "Avery Agent", role: "agent", passwordHash: "x" })
      .returning({ id: staffUsers.id });
    staffId = staff!.id;
  });

  /** Clears earlier tests' messages so each delivery test counts only its own. */
  async function clearOutbox() {
    await db().delete(outboxMessages);
    smtp.received.length = 0;
  }

  it("queues the acknowledgement with the complaint, carrying a link that opens it", async () => {
    const filed = await fileComplaint(db(), intake(), { channel: "web", baseUrl: "https://complaints.harbour.test/" });
    const [complaint] = await db().select().from(complaints).where(eq(complaints.reference, filed.reference));
    const [message] = await db().select().from(outboxMessages).where(eq(outboxMessages.complaintId, complaint!.id));
    expect(message).toMatchObject({ kind: "acknowledgement", status: "pending", dedupeKey: `acknowledgement:${complaint!.id}` });
    expect(message!.subject).toBe(`We have your complaint (${filed.reference})`);
    expect(message!.textBody).toContain(`https://complaints.harbour.test/track/${filed.trackingToken}`);
  });

  it("writes nothing when the action's transaction fails after queuing its email", async () => {
    const filed = await fileComplaint(db(), intake(), { channel: "web" });
    const [complaint] = await db().select().from(complaints).where(eq(complaints.reference, filed.reference));
    const before = await db().select().from(outboxMessages).where(eq(outboxMessages.complaintId, complaint!.id));

    const attempt = updateCase(db(), { complaintId: complaint!.id, actor: { id: staffId, role: "agent" } }, async (tx, current) => {
      await enqueueCustomerEmail(tx, { complaintId: current.id, kind: "staff_reply", message: "We are on it." });
      throw new CaseRuleError("Refused after the email was queued");
    });
    await expect(attempt).rejects.toThrow("Refused after the email was queued");

    const after = await db().select().from(outboxMessages).where(eq(outboxMessages.complaintId, complaint!.id));
    expect(after).toHaveLength(before.length);
    const events = await db().select().from(complaintEvents).where(eq(complaintEvents.complaintId, complaint!.id));
    expect(events.map((e) => e.type)).toEqual(["filed"]);
  });

  it("commits the email with the staff action, with a fresh working link", async () => {
    const filed = await fileComplaint(db(), intake(), { channel: "web" });
    const [complaint] = await db().select().from(complaints).where(eq(complaints.reference, filed.reference));
    await updateCase(db(), { complaintId: complaint!.id, actor: { id: staffId, role: "agent" } }, async (tx, current) => {
      await enqueueCustomerEmail(tx, { complaintId: current.id, kind: "call_summary", summary: "You told us the boiler leaks.", baseUrl: "https://x.test" });
      return { events: [{ type: "call_logged", visibility: "customer", body: "You told us the boiler leaks." }] };
    });
    const [message] = await db().select().from(outboxMessages).where(eq(outboxMessages.kind, "call_summary"));
    expect(message!.textBody).toContain("You told us the boiler leaks.");
    const token = /https:\/\/x\.test\/track\/([A-Za-z0-9_-]{43})/.exec(message!.textBody)?.[1];
    expect(token).toBeDefined();
    expect(await findComplaintIdByToken(db(), token!)).toBe(complaint!.id);
  });

  it("keeps a skipped row, and sends nothing, for a customer who gave only a phone number", async () => {
    const filed = await fileComplaint(db(), intake({ email: "", phone: "07700 900123" }), { channel: "web" });
    const [complaint] = await db().select().from(complaints).where(eq(complaints.reference, filed.reference));
    const [message] = await db().select().from(outboxMessages).where(eq(outboxMessages.complaintId, complaint!.id));
    expect(message).toMatchObject({ status: "skipped", toAddress: null, skipReason: expect.stringMatching(/by phone/) });
  });

  it("delivers to a real SMTP server with the message's contents", async () => {
    await clearOutbox();
    const filed = await fileComplaint(db(), intake({ name: "Robin <Hale>" }), { channel: "web", baseUrl: "https://c.test" });
    const mailer = createSmtpMailer(`smtp://127.0.0.1:${smtp.port}`, FROM);
    const report = await deliverDue(db(), mailer);
    mailer.close();
    expect(report).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0]!;
    expect(mail.from).toBe("complaints@harbour.test");
    const raw = decodeQuotedPrintable(mail.raw);
    expect(raw).toContain(`Subject: We have your complaint (${filed.reference})`);
    expect(raw).toContain(`https://c.test/track/${filed.trackingToken}`);
    expect(raw).toContain("Dear Robin <Hale>,"); // text part, as typed
    expect(raw).toContain("Dear Robin &lt;Hale&gt;,"); // HTML part, escaped
    const [row] = await db().select().from(outboxMessages).where(eq(outboxMessages.status, "sent"));
    expect(row).toMatchObject({ attempts: 1, lastError: null });
    expect(row!.sentAt).toBeInstanceOf(Date);
  });

  it("retries with backoff while SMTP is down, then delivers exactly once when it is back", async () => {
    await clearOutbox();
    await fileComplaint(db(), intake(), { channel: "web" });
    const port = await unusedPort();
    const mailer = createSmtpMailer(`smtp://127.0.0.1:${port}`, FROM);
    const t0 = new Date();

    expect(await deliverDue(db(), mailer, { now: () => t0 })).toEqual({ sent: 0, retrying: 1, failed: 0 });
    const [afterFailure] = await db().select().from(outboxMessages);
    expect(afterFailure).toMatchObject({ status: "pending", attempts: 1 });
    expect(afterFailure!.lastError).toMatch(/ECONNREFUSED|connect/i);
    const delay = afterFailure!.nextAttemptAt.getTime() - t0.getTime();
    expect(delay).toBeGreaterThanOrEqual(27_000);
    // Not due again before its backoff has passed.
    expect(await deliverDue(db(), mailer, { now: () => new Date(t0.getTime() + 1_000) })).toEqual({ sent: 0, retrying: 0, failed: 0 });

    const server = await startSmtpServer(port);
    try {
      const later = new Date(t0.getTime() + delay + 1_000);
      expect(await deliverDue(db(), mailer, { now: () => later })).toEqual({ sent: 1, retrying: 0, failed: 0 });
      expect(await deliverDue(db(), mailer, { now: () => new Date(later.getTime() + 86_400_000) })).toEqual({ sent: 0, retrying: 0, failed: 0 });
      expect(server.received).toHaveLength(1);
    } finally {
      mailer.close();
      await server.close();
    }
    const [row] = await db().select().from(outboxMessages);
    expect(row).toMatchObject({ status: "sent", attempts: 2, lastError: null });
  });

  it("gives up at once on a permanent refusal (5xx)", async () => {
    await clearOutbox();
    await fileComplaint(db(), intake(), { channel: "web" });
    const refusing: Mailer = {
      send: async () => {
        throw Object.assign(new Error("550 mailbox unavailable"), { responseCode: 550 });
      },
    };
    expect(await deliverDue(db(), refusing)).toEqual({ sent: 0, retrying: 0, failed: 1 });
    const [row] = await db().select().from(outboxMessages);
    expect(row).toMatchObject({ status: "failed", lastError: "550 mailbox unavailable" });
  });

  it("never sends a message twice when two workers run at once", async () => {
    await clearOutbox();
    for (let i = 0; i < 12; i++) await fileComplaint(db(), intake(), { channel: "web" });
    const mailers = [0, 1].map(() => createSmtpMailer(`smtp://127.0.0.1:${smtp.port}`, FROM));
    // Each worker drains in small batches until nothing is left, as the runner does.
    const worker = async (mailer: Mailer) => {
      let sent = 0;
      for (;;) {
        const report = await deliverDue(db(), mailer, { limit: 3 });
        sent += report.sent;
        if (report.sent + report.retrying + report.failed === 0) return sent;
      }
    };
    const [a, b] = await Promise.all(mailers.map(worker));
    mailers.forEach((m) => (m as ReturnType<typeof createSmtpMailer>).close());
    expect(a! + b!).toBe(12);
    expect(smtp.received).toHaveLength(12);
    const ids = smtp.received.map((m) => /Message-ID: <([^@]+)@/i.exec(m.raw)?.[1]);
    expect(new Set(ids).size).toBe(12);
    const [counts] = await queryRows<{ sent: number }>(db(), sql`select count(*)::int as sent from outbox_messages where status = 'sent'`);
    expect(counts!.sent).toBe(12);
  });
});
