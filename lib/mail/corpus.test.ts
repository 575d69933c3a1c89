import { readFileSync } from "node:fs";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { attachments, complaintEvents, complaints, customers, inboundEmails, outboxMessages, staffUsers } from "@/db/schema";
import { getCaseDetail } from "@/lib/cases/detail";
import { fileComplaint } from "@/lib/complaints/intake";
import { parseIntake } from "@/lib/complaints/intake-schema";
import { enqueueCustomerEmail } from "@/lib/outbox/enqueue";
import { describeEachDatabase } from "@/test/databases";
import { ingestEmail } from "./ingest";
import { caseEmailOriginal, inboundEmailOriginal, listInboundEmails } from "./inbound";
import { caseThreadId, outboxMessageId } from "./threading";

vi.hoisted(() => {
  vi.stubEnv("MAIL_FROM", "Harbour & Hearth <complaints@harbour.test>");
  vi.stubEnv("MAIL_REPLY_TO", "complaints@harbour.test");
  // Staff alerts are queued only when mail can go out; nothing is delivered in these tests.
  vi.stubEnv("SMTP_URL", "smtp://127.0.0.1:9");
});
// Read by lib/env when the modules load (above); put back for the next test file in this worker.
afterAll(() => {
  vi.unstubAllEnvs();
});

const CORPUS = path.resolve(__dirname, "../../test/mail/corpus");
const eml = (name: string, values: Record<string, string> = {}) =>
  Buffer.from(readFileSync(path.join(CORPUS, name), "latin1").replace(/\{\{(\w+)\}\}/g, (_, key: string) => values[key] ?? ""), "latin1");

describeEachDatabase("email in: the corpus", ({ db }) => {
  /** A case filed on the web whose staff replied by email, as a customer's reply would answer. */
  let threadCase: { id: string; reference: string; replyAddress: string; messageId: string; assigneeId: string };
  beforeAll(async () => {
    const [staff] = await db()
      .insert(staffUsers)
      .values({ email: "agent@harbour.test", name: "Avery Agent", role: "agent", passwordHash: "x" })
      .returning({ id: staffUsers.id });
    const parsed = parseIntake({ name: "Robin Hale", email: "robin.hale@example.com", processId: "not_sure", description: "The boiler is leaking onto the floor." });
    if (parsed.kind !== "valid") throw new Error("bad intake");
    const filed = await fileComplaint(db(), parsed.data, { channel: "web" });
    const [c] = await db().select().from(complaints).where(eq(complaints.reference, filed.reference));
    await db().update(complaints).set({ assigneeId: staff!.id }).where(eq(complaints.id, c!.id));
    const reply = await db().transaction((tx) => enqueueCustomerEmail(tx, { complaintId: c!.id, kind: "staff_reply", message: "Could our engineer come back on Thursday morning?" }));
    const [sent] = await db().select().from(outboxMessages).where(eq(outboxMessages.id, reply.id));
    threadCase = { id: c!.id, reference: c!.reference, replyAddress: sent!.replyTo!, messageId: outboxMessageId(reply.id), assigneeId: staff!.id };
  });

  const replyValues = () => ({ OUR_MESSAGE_ID: threadCase.messageId, THREAD_ID: caseThreadId(threadCase.id), REPLY_ADDRESS: threadCase.replyAddress, REFERENCE: threadCase.reference });

  async function complaintOf(id: string) {
    const [row] = await db()
      .select({ channel: complaints.channel, description: complaints.description, name: customers.name, email: customers.email })
      .from(complaints)
      .innerJoin(customers, eq(customers.id, complaints.customerId))
      .where(eq(complaints.id, id));
    return row!;
  }

  async function acknowledgementOf(id: string) {
    return db().select().from(outboxMessages).where(and(eq(outboxMessages.complaintId, id), eq(outboxMessages.kind, "acknowledgement")));
  }

  it("multipart/alternative: a new complaint from the plain-text part, with channel email and an acknowledgement", async () => {
    const result = await ingestEmail(db(), eml("multipart-alternative.eml"), null);
    expect(result.outcome).toBe("complaint");
    if (result.outcome !== "complaint") return;
    const c = await complaintOf(result.complaintId);
    expect(c).toMatchObject({ channel: "email", name: "Robin Hale", email: "robin.hale@example.com" });
    expect(c.description).toBe("Boiler still leaking after your visit\n\nYour engineer came on Monday and the boiler is still leaking onto the kitchen floor.\nOrder HH-4471.");
    // The same customer as the web complaint: matched, not created again.
    const robins = await db().select().from(customers).where(eq(customers.email, "robin.hale@example.com"));
    expect(robins).toHaveLength(1);
    const [ack] = await acknowledgementOf(result.complaintId);
    expect(ack).toMatchObject({ toAddress: "robin.hale@example.com", status: "pending" });
    expect(ack!.replyTo).toMatch(/^complaints\+[0-9a-f]{32}@harbour\.test$/);
    const [event] = await db().select().from(complaintEvents).where(and(eq(complaintEvents.complaintId, result.complaintId), eq(complaintEvents.type, "filed")));
    expect(event!.data).toEqual({ channel: "email" });
  });

  it("a complaint that arrived as a new email: its filed entry offers the original, reachable through its own case only", async () => {
    const raw = Buffer.from(eml("multipart-alternative.eml").toString("latin1").replace(/Message-ID: <[^>]+>/i, "Message-ID: <original-of-filed@example.com>"), "latin1");
    const result = await ingestEmail(db(), raw, null);
    if (result.outcome !== "complaint") throw new Error(JSON.stringify(result));
    const detail = await getCaseDetail(db(), result.reference);
    const filed = detail!.timeline.find((e) => e.type === "filed");
    expect(filed).toMatchObject({ actorKind: "customer", data: { channel: "email" }, originalEmailId: result.inboundId });
    // Only the filed entry is the email; the rest of the case's history is not.
    expect(detail!.timeline.filter((e) => e.originalEmailId != null).map((e) => e.type)).toEqual(["filed"]);
    expect((await caseEmailOriginal(db(), result.reference, result.inboundId))!.raw.equals(raw)).toBe(true);
    // Another case's reference, or another case's email under this reference, finds nothing.
    expect(await caseEmailOriginal(db(), threadCase.reference, result.inboundId)).toBeNull();
    const [other] = await db().select({ id: inboundEmails.id }).from(inboundEmails).where(eq(inboundEmails.outcome, "complaint")).orderBy(inboundEmails.id).limit(1);
    if (other!.id !== result.inboundId) expect(await caseEmailOriginal(db(), result.reference, other!.id)).toBeNull();
    // A complaint filed on the web has no original email.
    const web = await getCaseDetail(db(), threadCase.reference);
    expect(web!.timeline.find((e) => e.type === "filed")!.originalEmailId).toBeNull();
  });

  it("HTML-only: turned into text without the style, script or tracking image", async () => {
    const result = await ingestEmail(db(), eml("html-only.eml"), null);
    if (result.outcome !== "complaint") throw new Error(JSON.stringify(result));
    const c = await complaintOf(result.complaintId);
    expect(c.description).toContain("Nobody came to fit the new window although I took the day off.");
    expect(c.description).toContain("Please call me & explain.");
    expect(c.description).not.toMatch(/alert|color|<|pixel/);
    expect(c.name).toBe("Sam Okafor");
  });

  it.each([
    ["iso-8859-1.eml", "Jürgen Müller", ["Tür beschädigt\n\nGuten Tag,", "der Techniker hat die Tür beschädigt und ist ohne ein Wort gegangen. Das Schloß klemmt seitdem."]],
    ["windows-1252.eml", "Zoe Clarke", ["I was charged €49 twice for the “premium” clean – nobody answered the phone.", "Zoë"]],
  ])("%s (quoted-printable / base64): body, subject and sender name decoded", async (file, name, phrases) => {
    const result = await ingestEmail(db(), eml(file), null);
    if (result.outcome !== "complaint") throw new Error(JSON.stringify(result));
    const c = await complaintOf(result.complaintId);
    expect(c.name).toBe(name);
    for (const phrase of phrases) expect(c.description).toContain(phrase);
  });

  it("inline image and attachment: both kept through the form's checks, the program refused and named", async () => {
    const result = await ingestEmail(db(), eml("inline-image-and-attachment.eml"), null);
    if (result.outcome !== "complaint") throw new Error(JSON.stringify(result));
    const files = await db().select({ fileName: attachments.fileName, contentType: attachments.contentType }).from(attachments).where(eq(attachments.complaintId, result.complaintId));
    expect(files.map((f) => f.contentType).sort()).toEqual(["application/pdf", "image/png"]);
    const [row] = await db().select().from(inboundEmails).where(eq(inboundEmails.id, result.inboundId));
    expect(row!.reason).toBe("Files not kept: setup.exe is not a photo or PDF");
    const c = await complaintOf(result.complaintId);
    expect(c.description).toContain("The fitter scratched the new worktop, see the photo:");
  });

  it.each([
    ["reply-gmail.eml", "Thursday morning works for me, thank you.\n\nRobin"],
    ["reply-outlook.eml", "The water is coming from the valve under the sink, not the boiler itself."],
    ["reply-apple-mail.eml", "I forgot to say: the leak is worse when the heating is on."],
  ])("%s: a customer message on the case, quoted history and signature trimmed, original kept", async (file, visible) => {
    const raw = eml(file, replyValues());
    const result = await ingestEmail(db(), raw, null);
    expect(result).toMatchObject({ outcome: "message", complaintId: threadCase.id });
    if (result.outcome !== "message") return;
    const [event] = await db()
      .select()
      .from(complaintEvents)
      .where(and(eq(complaintEvents.complaintId, threadCase.id), eq(complaintEvents.type, "customer_message")))
      .orderBy(complaintEvents.id)
      .then((rows) => rows.slice(-1));
    expect(event).toMatchObject({ body: visible, visibility: "customer", actorKind: "customer", data: { channel: "email", inboundEmailId: result.inboundId } });
    // The case page offers the original on the reply's entry.
    const detail = await getCaseDetail(db(), threadCase.reference);
    expect(detail!.timeline.find((e) => e.id === event!.id)!.originalEmailId).toBe(result.inboundId);
    expect((await inboundEmailOriginal(db(), result.inboundId))!.equals(raw)).toBe(true);
    // Staff reach the original through its case only.
    expect((await caseEmailOriginal(db(), threadCase.reference, result.inboundId))!.raw.equals(raw)).toBe(true);
    expect(await caseEmailOriginal(db(), "CR-0000-0000", result.inboundId)).toBeNull();
    // The assignee's alert, as for a message on the tracking page.
    const alerts = await db()
      .select({ textBody: outboxMessages.textBody })
      .from(outboxMessages)
      .where(and(eq(outboxMessages.complaintId, threadCase.id), eq(outboxMessages.kind, "staff_alert"), eq(outboxMessages.staffUserId, threadCase.assigneeId)));
    expect(alerts.some((a) => a.textBody.includes("The customer wrote a message") && a.textBody.includes(visible.split("\n")[0]!))).toBe(true);
  });

  it("a reply naming the case only in its subject is a new complaint, not a message on that case", async () => {
    const raw = Buffer.from(
      `From: Someone Else <someone@example.net>\r\nTo: complaints@harbour.test\r\nSubject: Re: A reply about your complaint ${threadCase.reference}\r\nMessage-ID: <subject-only@example.net>\r\n\r\nI am writing about case ${threadCase.reference}, it is still not fixed at all.\r\n`,
    );
    const result = await ingestEmail(db(), raw, null);
    expect(result.outcome).toBe("complaint");
    if (result.outcome === "complaint") expect(result.complaintId).not.toBe(threadCase.id);
  });

  it.each([
    ["out-of-office.eml", "Automatic message (Auto-Submitted: auto-replied)"],
    ["bounce.eml", "Automatic message (Auto-Submitted: auto-replied)"],
    ["mailing-list.eml", "Bulk or automatic message (Precedence: bulk)"],
    ["own-address.eml", "Sent from CaseRoot's own address (complaints@harbour.test)"],
  ])("%s: ignored, logged and listed for owners, nothing filed", async (file, reason) => {
    const before = await db().select({ id: complaints.id }).from(complaints);
    const result = await ingestEmail(db(), eml(file, replyValues()), null);
    expect(result).toMatchObject({ outcome: "ignored", reason });
    expect(await db().select({ id: complaints.id }).from(complaints)).toHaveLength(before.length);
    const listed = await listInboundEmails(db(), { outcomes: ["ignored"] });
    expect(listed[0]).toMatchObject({ outcome: "ignored", reason });
  });

  it("a bounce without Auto-Submitted is still recognised as a delivery report", async () => {
    const raw = eml("bounce.eml", replyValues()).toString("latin1").replace("Auto-Submitted: auto-replied\r\n", "").replace("<bounce-1@", "<bounce-2@");
    expect(await ingestEmail(db(), Buffer.from(raw, "latin1"), null)).toMatchObject({ outcome: "ignored", reason: "Delivery or read report (bounce)" });
  });

  it("malformed headers: still read, filed from the sender it could find", async () => {
    const result = await ingestEmail(db(), eml("malformed-header.eml"), null);
    if (result.outcome !== "complaint") throw new Error(JSON.stringify(result));
    const c = await complaintOf(result.complaintId);
    expect(c.email).toBe("alex.byrne@example.ie");
    expect(c.description).toContain("There has been no hot water since your plumber changed the pump on Friday.");
  });

  it("no sender address, or too little to file: refused with the reason, listed for owners", async () => {
    expect(await ingestEmail(db(), eml("no-sender.eml"), null)).toMatchObject({ outcome: "refused", reason: "No sender address to answer" });
    const short = await ingestEmail(db(), eml("too-short.eml"), null);
    expect(short).toMatchObject({ outcome: "refused" });
    if (short.outcome === "refused") expect(short.reason).toMatch(/^Not a complaint we could file: Please tell us a little more/);
    const refused = await listInboundEmails(db(), { outcomes: ["refused"] });
    expect(refused.map((r) => r.subject)).toEqual(expect.arrayContaining(["Complaint without a return address", "Hi"]));
  });

  it("the same message twice (same Message-ID), at once or later, is taken once", async () => {
    const raw = Buffer.from(eml("windows-1252.eml").toString("latin1").replace("<cp1252-1@", "<cp1252-twice@"), "latin1");
    // At once: on PostgreSQL the second transaction's insert of the key waits for the first, then finds it taken.
    const both = await Promise.all([ingestEmail(db(), raw, null), ingestEmail(db(), raw, null)]);
    expect(both.map((r) => r.outcome).sort()).toEqual(["already_taken", "complaint"]);
    expect(await ingestEmail(db(), raw, null)).toEqual({ outcome: "already_taken" });
    const rows = await db().select().from(inboundEmails).where(eq(inboundEmails.messageKey, "<cp1252-twice@example.co.uk>"));
    expect(rows).toHaveLength(1);
    expect(await db().select().from(complaints).where(eq(complaints.id, rows[0]!.complaintId!))).toHaveLength(1);
  });

  it("a sender over the hourly limit (the form's rule) gets no further complaint; the refusal is recorded", async () => {
    const results = [];
    for (let i = 0; i < 6; i++) {
      const raw = `From: Busy Bee <busy@example.com>\r\nTo: complaints@harbour.test\r\nSubject: Complaint number ${i}\r\nMessage-ID: <busy-${i}@example.com>\r\n\r\nThis is complaint number ${i} about the same broken boiler.\r\n`;
      results.push(await ingestEmail(db(), Buffer.from(raw), null));
    }
    expect(results.slice(0, 5).map((r) => r.outcome)).toEqual(["complaint", "complaint", "complaint", "complaint", "complaint"]);
    expect(results[5]).toMatchObject({ outcome: "refused" });
    if (results[5]!.outcome === "refused") expect(results[5]!.reason).toMatch(/^This sender opened too many complaints within the hour/);
  });
});
