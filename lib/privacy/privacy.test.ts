import { createHash } from "node:crypto";
import { eq, inArray, sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { queryRows, type Db } from "@/db/client";
import {
  attachments,
  auditLog,
  complaintEvents,
  complaints,
  customers,
  debriefs,
  followUps,
  inboundAttempts,
  outboxMessages,
  processes,
  promises,
  rootCauses,
  staffUsers,
  trackingLinks,
} from "@/db/schema";
import { loadProcesses } from "@/lib/analytics/queries/processes";
import { loadRootCauses } from "@/lib/analytics/queries/root-causes";
import type { AnalyticsScope } from "@/lib/analytics/queries/scope";
import { loadSummary } from "@/lib/analytics/queries/summary";
import { CaseRuleError, ForbiddenError } from "@/lib/cases/errors";
import { fileComplaint } from "@/lib/complaints/intake";
import { parseIntake } from "@/lib/complaints/intake-schema";
import { generateTrackingToken, hashTrackingToken } from "@/lib/complaints/reference";
import { findComplaintIdByToken, getTrackingView } from "@/lib/complaints/tracking";
import { SettingsRuleError } from "@/lib/settings/access";
import { describeEachDatabase } from "@/test/databases";
import { listAuditLog } from "./audit";
import { eraseConfirmationSchema, eraseCustomer, eraseCustomerOfCase } from "./erase";
import { exportCustomerData } from "./export";
import { ERASED_ADDRESS, ERASED_CUSTOMER_NAME, ERASED_TEXT, RETENTION_TEXT } from "./redact";
import { applyRetention } from "./retention";
import { getRetentionMonths, updateRetentionMonths } from "./settings";

const PNG = Buffer.from("89504e470d0a1a0a0000000d49484452000000010000000108020000009077530000000c4944415478da63f8ffff3f0005fe02fea7d60a9b0000000049454e44ae426082", "hex");
/** Words that appear only in the customer's personal data: none may survive an erasure. */
const PERSONAL = ["Robin", "robin@", "900123", "ORD-SECRET", "Acacia", "door.png"];

async function staff(db: Db) {
  const rows = await db
    .insert(staffUsers)
    .values([
      { name: "Olive Owner", email: `olive.${Math.random()}@example.com`, role: "owner", passwordHash: "x" },
      { name: "Sam Supervisor", email: `sam.${Math.random()}@example.com`, role: "supervisor", passwordHash: "x" },
      { name: "Ann Agent", email: `ann.${Math.random()}@example.com`, role: "agent", passwordHash: "x" },
    ])
    .returning();
  const [owner, supervisor, agent] = rows.map((r) => ({ id: r.id, role: r.role }));
  return { owner: owner!, supervisor: supervisor!, agent: agent! };
}

function intake(overrides: Record<string, unknown>) {
  const parsed = parseIntake({ name: "Robin Personal", processId: "not_sure", description: "It broke.", ...overrides });
  if (parsed.kind !== "valid") throw new Error(JSON.stringify(parsed));
  return parsed.data;
}

/**
 * Robin's two complaints (one closed and fully worked, one open) and Casey's one, which must
 * stay as it is. Robin's closed case carries every kind of personal text the product stores.
 */
async function robinsCases(db: Db, who: Awaited<ReturnType<typeof staff>>) {
  const [process] = await db.insert(processes).values({ name: `Delivery ${Math.random()}` }).returning();
  const [cause] = await db.insert(rootCauses).values({ name: `Courier damage ${Math.random()}`, defaultFault: "external" }).returning();
  const now = new Date("2026-03-02T10:00:00Z");
  const filed = await fileComplaint(
    db,
    intake({
      email: "robin@example.com",
      phone: "07700 900123",
      description: "My neighbour at 12 Acacia Road saw the courier throw my parcel over the fence.",
      desiredOutcome: "Robin wants a new mug.",
      orderReference: "ORD-SECRET-1",
    }),
    {
      channel: "web",
      now,
      baseUrl: "http://localhost",
      attachments: [{ fileName: "door.png", contentType: "image/png", sizeBytes: PNG.length, sha256: createHash("sha256").update(PNG).digest("hex"), content: PNG }],
    },
  );
  const [a] = await db.select().from(complaints).where(eq(complaints.reference, filed.reference));
  await db
    .update(complaints)
    .set({
      processId: process!.id,
      rootCauseId: cause!.id,
      faultAttribution: "external",
      requestJudgement: "reasonable",
      requestJudgementReason: "Robin sent receipts.",
      resolutionType: "replace",
      resolutionDescription: "A new mug posted to Robin.",
      satisfaction: 4,
      satisfactionComment: "Thanks, Robin here.",
      escalationReason: "Robin asked for a manager.",
      status: "closed",
      resolvedAt: new Date("2026-03-04T10:00:00Z"),
      closedAt: new Date("2026-03-05T10:00:00Z"),
      minutesSpent: 35,
      assigneeId: who.agent.id,
    })
    .where(eq(complaints.id, a!.id));
  await db.insert(complaintEvents).values([
    { complaintId: a!.id, type: "note", visibility: "internal", actorKind: "staff", actorId: who.agent.id, body: "Robin called from 07700 900123.", minutesSpent: 5 },
    { complaintId: a!.id, type: "restated", visibility: "customer", actorKind: "staff", actorId: who.agent.id, body: "So, Robin:", data: { issues: ["Robin's mug broke"] } },
    { complaintId: a!.id, type: "request_judged", visibility: "internal", actorKind: "staff", actorId: who.agent.id, data: { judgement: "reasonable", reason: "Robin sent receipts." } },
    { complaintId: a!.id, type: "satisfaction_rated", visibility: "customer", actorKind: "customer", body: "Thanks, Robin here.", data: { rating: 4 } },
  ]);
  await db.insert(promises).values({ complaintId: a!.id, text: "Call Robin back", dueAt: new Date("2026-03-03T10:00:00Z"), keptAt: new Date("2026-03-03T09:00:00Z") });
  await db.insert(followUps).values({ complaintId: a!.id, dueAt: new Date("2026-03-10T10:00:00Z"), completedAt: new Date("2026-03-10T11:00:00Z"), outcome: "Robin is happy." });
  await db.insert(debriefs).values({ complaintId: a!.id, authorId: who.agent.id, body: "DEBRIEF: Robin shouted at me.", hardInteraction: true });
  const extraToken = generateTrackingToken();
  await db.insert(trackingLinks).values({ complaintId: a!.id, tokenHash: hashTrackingToken(extraToken) });
  await db.insert(outboxMessages).values([
    { kind: "staff_reply", complaintId: a!.id, toAddress: "robin@example.com", subject: "About your complaint, Robin", textBody: "Dear Robin", htmlBody: "<p>Dear Robin</p>", status: "sent", sentAt: now, dedupeKey: `sent:${a!.id}` },
    { kind: "staff_alert", complaintId: a!.id, staffUserId: who.agent.id, toAddress: "ann@example.com", subject: "Robin wrote", textBody: "Robin: where is my mug?", htmlBody: "<p>Robin</p>", status: "sent", sentAt: now, dedupeKey: `alert:${a!.id}` },
  ]);

  const open = await fileComplaint(db, intake({ email: "robin@example.com", description: "Robin again: the new mug is chipped too." }), { channel: "api", now, baseUrl: "http://localhost" });
  const [b] = await db.select().from(complaints).where(eq(complaints.reference, open.reference));
  await db.update(complaints).set({ processId: process!.id, faultAttribution: "service" }).where(eq(complaints.id, b!.id));

  const other = await fileComplaint(db, intake({ name: "Casey Keep", email: "casey@example.com", description: "Casey's parcel is lost." }), { channel: "web", now, baseUrl: "http://localhost" });
  const [c] = await db.select().from(complaints).where(eq(complaints.reference, other.reference));

  return { a: a!, b: b!, c: c!, tokenA: filed.trackingToken!, tokenB: open.trackingToken!, extraToken, processId: process!.id };
}

const scope = (processId: string | null = null): AnalyticsScope => ({
  from: "2026-03-01",
  to: "2026-03-31",
  timeZone: "UTC",
  processId,
  channel: null,
  assigneeId: null,
  now: new Date("2026-04-01T00:00:00Z"),
});

async function figures(db: Db) {
  const byProcessAndFault = await queryRows(
    db,
    sql`select process_id, fault_attribution, status, root_cause_id, request_judgement, count(*)::int as n, sum(minutes_spent)::int as minutes,
          sum(satisfaction)::int as satisfaction
        from complaints group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5`,
  );
  const events = await queryRows(db, sql`select type, visibility, count(*)::int as n, sum(minutes_spent)::int as minutes from complaint_events group by 1, 2 order by 1, 2`);
  const hard = await queryRows(db, sql`select count(*) filter (where hard_interaction)::int as hard, count(*)::int as n from debriefs`);
  return {
    byProcessAndFault,
    events,
    hard,
    summary: await loadSummary(db, scope()),
    processes: await loadProcesses(db, scope()),
    rootCauses: await loadRootCauses(db, scope()),
  };
}

describeEachDatabase("privacy: export and erasure", ({ db }) => {
  it("exports everything held about a customer, internal notes included and debriefs left out", async () => {
    const who = await staff(db());
    const { a, b } = await robinsCases(db(), who);
    const data = await exportCustomerData(db(), who.owner, a.customerId, { now: new Date("2026-04-01T00:00:00Z") });
    const text = JSON.stringify(data);

    expect(data.customer).toMatchObject({ name: "Robin Personal", email: "robin@example.com", phone: "07700 900123" });
    expect(data.complaints.map((c) => c.reference).sort()).toEqual([a.reference, b.reference].sort());
    const first = data.complaints.find((c) => c.reference === a.reference)!;
    expect(first).toMatchObject({ orderReference: "ORD-SECRET-1", requestJudgementReason: "Robin sent receipts.", satisfaction: 4, faultAttribution: "external" });
    expect(first.timeline).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: "filed", visibility: "customer", by: "customer" }),
        expect.objectContaining({ type: "note", visibility: "internal", by: "staff", body: "Robin called from 07700 900123." }),
        expect.objectContaining({ type: "attachment_added", details: expect.objectContaining({ fileName: "door.png" }) }),
      ]),
    );
    expect(first.promises).toEqual([expect.objectContaining({ text: "Call Robin back" })]);
    expect(first.followUps).toEqual([expect.objectContaining({ outcome: "Robin is happy." })]);
    expect(first.attachments).toEqual([{ fileName: "door.png", contentType: "image/png", sizeBytes: PNG.length, createdAt: expect.any(Date) }]);
    // Emails to the customer (the acknowledgement and the reply), not the alert to staff.
    expect(first.emails.map((m) => m.kind).sort()).toEqual(["acknowledgement", "staff_reply"]);
    expect(text).not.toContain("DEBRIEF");
    expect(text).not.toContain("Ann Agent");
    expect(text).not.toContain('"content"');

    const [entry] = await db().select().from(auditLog).where(eq(auditLog.action, "customer.exported"));
    expect(entry).toMatchObject({ staffId: who.owner.id, subjectType: "customer", subjectId: a.customerId, detail: { complaints: 2 } });
  });

  it("refuses export and erasure to agents and supervisors, and changes nothing", async () => {
    const who = await staff(db());
    const [customer] = await db().select().from(customers).where(eq(customers.emailNormalized, "robin@example.com"));
    const before = await db().select().from(complaints).where(eq(complaints.customerId, customer!.id));
    for (const actor of [who.agent, who.supervisor]) {
      await expect(exportCustomerData(db(), actor, customer!.id)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(eraseCustomer(db(), actor, customer!.id)).rejects.toBeInstanceOf(ForbiddenError);
    }
    const [reference] = before.map((c) => c.reference);
    await expect(eraseCustomerOfCase(db(), who.agent, { reference: reference!, confirmation: "ERASE" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(eraseCustomerOfCase(db(), who.owner, { reference: reference!, confirmation: "ERASE IT" })).rejects.toMatchObject({
      fieldErrors: { confirmation: `That does not match. Type ERASE or ${reference} to confirm.` },
    });
    await expect(eraseCustomerOfCase(db(), who.owner, { reference: "CR-ZZZZ-ZZZZ", confirmation: "ERASE" })).rejects.toThrow("Case not found.");
    const [after] = await db().select().from(customers).where(eq(customers.id, customer!.id));
    expect(after).toMatchObject({ name: "Robin Personal", erasedAt: null });
    expect(await db().select().from(complaints).where(eq(complaints.customerId, customer!.id))).toEqual(before);
  });

  it("checks the typed confirmation: ERASE or the case reference", () => {
    const schema = eraseConfirmationSchema("CR-7KQ4-M9TA");
    expect(schema.safeParse({ confirmation: "erase" }).success).toBe(true);
    expect(schema.safeParse({ confirmation: " cr 7kq4 m9ta " }).success).toBe(true);
    const wrong = schema.safeParse({ confirmation: "CR-7KQ4-M9TB" });
    expect(wrong.success).toBe(false);
    expect(wrong.error?.issues[0]?.message).toBe("That does not match. Type ERASE or CR-7KQ4-M9TA to confirm.");
    expect(schema.safeParse({ confirmation: "" }).error?.issues[0]?.message).toBe("Type ERASE or the case reference to confirm.");
  });

  it("erases every personal field, stops the tracking links and leaves the figures unchanged", async () => {
    const who = await staff(db());
    const [robin] = await db().select().from(customers).where(eq(customers.emailNormalized, "robin@example.com"));
    const cases = await db().select().from(complaints).where(eq(complaints.customerId, robin!.id));
    const ids = cases.map((c) => c.id);
    const [a] = cases.filter((c) => c.status === "closed");
    const [casey] = await db().select().from(customers).where(eq(customers.emailNormalized, "casey@example.com"));
    const caseyBefore = await db().select().from(complaints).where(eq(complaints.customerId, casey!.id));
    // Tokens of Robin's first case: known to the test only through the filing above, so mint fresh ones here.
    const token = generateTrackingToken();
    const linkToken = generateTrackingToken();
    await db().update(complaints).set({ trackingTokenHash: hashTrackingToken(token) }).where(eq(complaints.id, a!.id));
    await db().insert(trackingLinks).values({ complaintId: a!.id, tokenHash: hashTrackingToken(linkToken) });
    expect(await findComplaintIdByToken(db(), token)).toBe(a!.id);
    expect(await findComplaintIdByToken(db(), linkToken)).toBe(a!.id);
    const eventCount = await db().$count(complaintEvents, inArray(complaintEvents.complaintId, ids));
    // An email of theirs that could not be taken (on no case), and one of Casey's.
    await db().insert(inboundAttempts).values([
      { mailbox: "in@imap.test/INBOX", uidValidity: 1, uid: 1, fromAddress: "Robin@Example.com", subject: "Robin: the door at Acacia Avenue", attempts: 5, lastError: "Error: boom" },
      { mailbox: "in@imap.test/INBOX", uidValidity: 1, uid: 2, fromAddress: "casey@example.com", subject: "Casey's boiler", attempts: 5, lastError: "Error: boom" },
    ]);

    const before = await figures(db());
    const now = new Date("2026-04-02T09:00:00Z");
    const result = await eraseCustomerOfCase(db(), who.owner, { reference: a!.reference.toLowerCase(), confirmation: " erase " }, { now });
    expect(result).toEqual({ customerId: robin!.id, complaints: 2, erasedAt: now });
    expect(await figures(db())).toEqual(before);

    const [erased] = await db().select().from(customers).where(eq(customers.id, robin!.id));
    expect(erased).toMatchObject({ name: ERASED_CUSTOMER_NAME, email: null, emailNormalized: null, phone: null, phoneNormalized: null, erasedAt: now });

    const after = await db().select().from(complaints).where(inArray(complaints.id, ids));
    for (const c of after) expect(c).toMatchObject({ description: ERASED_TEXT, orderReference: null, satisfactionComment: null, anonymizedAt: now });
    const closed = after.find((c) => c.id === a!.id)!;
    expect(closed).toMatchObject({
      desiredOutcome: ERASED_TEXT,
      requestJudgementReason: ERASED_TEXT,
      resolutionDescription: ERASED_TEXT,
      escalationReason: ERASED_TEXT,
      status: "closed",
      satisfaction: 4,
      minutesSpent: 35,
      faultAttribution: "external",
      requestJudgement: "reasonable",
      resolutionType: "replace",
    });

    const events = await db().select().from(complaintEvents).where(inArray(complaintEvents.complaintId, ids));
    expect(events).toHaveLength(eventCount);
    for (const e of events) expect(e.body === null || e.body === ERASED_TEXT).toBe(true);
    expect(events.find((e) => e.type === "satisfaction_rated")?.data).toEqual({ rating: 4 });
    expect(events.find((e) => e.type === "request_judged")?.data).toEqual({ judgement: "reasonable" });
    expect(events.find((e) => e.type === "attachment_added")?.data).toMatchObject({ contentType: "image/png", sizeBytes: PNG.length });

    expect(await db().$count(attachments, inArray(attachments.complaintId, ids))).toBe(0);
    expect((await db().select().from(promises).where(inArray(promises.complaintId, ids))).map((p) => p.text)).toEqual([ERASED_TEXT]);
    expect((await db().select().from(followUps).where(inArray(followUps.complaintId, ids))).map((f) => f.outcome)).toEqual([ERASED_TEXT]);
    expect((await db().select().from(debriefs).where(inArray(debriefs.complaintId, ids))).map((d) => [d.body, d.hardInteraction])).toEqual([[ERASED_TEXT, true]]);

    const mail = await db().select().from(outboxMessages).where(inArray(outboxMessages.complaintId, ids));
    expect(mail.length).toBeGreaterThanOrEqual(4);
    for (const m of mail) expect(m).toMatchObject({ subject: ERASED_TEXT, textBody: ERASED_TEXT });
    expect(mail.filter((m) => m.kind === "acknowledgement").map((m) => [m.status, m.toAddress])).toEqual([
      ["skipped", null],
      ["skipped", null],
    ]);
    expect(mail.find((m) => m.kind === "staff_reply")).toMatchObject({ status: "sent", toAddress: ERASED_ADDRESS });
    expect(mail.find((m) => m.kind === "staff_alert")).toMatchObject({ status: "sent", toAddress: "ann@example.com" });

    // Every tracking link of the customer's cases is dead.
    expect(await findComplaintIdByToken(db(), token)).toBeNull();
    expect(await findComplaintIdByToken(db(), linkToken)).toBeNull();
    expect(await getTrackingView(db(), token)).toBeNull();
    const links = await db().select().from(trackingLinks).where(inArray(trackingLinks.complaintId, ids));
    for (const l of links) expect(l.revokedAt).toEqual(now);

    // Nothing of Robin is left anywhere about their cases.
    const everything = JSON.stringify([
      erased,
      after,
      events,
      await db().select().from(promises).where(inArray(promises.complaintId, ids)),
      await db().select().from(followUps).where(inArray(followUps.complaintId, ids)),
      await db().select().from(debriefs).where(inArray(debriefs.complaintId, ids)),
      mail,
      await db().select().from(auditLog),
      await db().select().from(inboundAttempts).where(eq(inboundAttempts.uid, 1)),
    ]);
    const attempts = await db().select().from(inboundAttempts).orderBy(inboundAttempts.uid);
    expect(attempts.map((a) => [a.fromAddress, a.subject, a.attempts])).toEqual([
      [null, ERASED_TEXT, 5],
      ["casey@example.com", "Casey's boiler", 5],
    ]);
    for (const word of PERSONAL) expect(everything).not.toContain(word);

    // Another customer is untouched.
    expect(await db().select().from(complaints).where(eq(complaints.customerId, casey!.id))).toEqual(caseyBefore);
    expect(casey).toMatchObject({ name: "Casey Keep", erasedAt: null });

    const [entry] = await db().select().from(auditLog).where(eq(auditLog.action, "customer.erased"));
    expect(entry).toMatchObject({ staffId: who.owner.id, subjectType: "customer", subjectId: robin!.id, detail: { complaints: 2 } });
    await expect(eraseCustomer(db(), who.owner, robin!.id)).rejects.toBeInstanceOf(CaseRuleError);

    // The export of an erased customer shows what is left.
    const data = await exportCustomerData(db(), who.owner, robin!.id);
    expect(data.customer).toMatchObject({ name: ERASED_CUSTOMER_NAME, email: null });
    expect(data.complaints.every((c) => c.attachments.length === 0)).toBe(true);
  });
});

describeEachDatabase("privacy: retention", ({ db }) => {
  const NOW = new Date("2026-06-01T00:00:00Z");

  async function customer(name: string) {
    const email = `${name.toLowerCase()}@example.com`;
    const [row] = await db().insert(customers).values({ name, email, emailNormalized: email }).returning();
    return row!;
  }

  async function complaint(customerId: string, reference: string, closedAt: string | null) {
    const [row] = await db()
      .insert(complaints)
      .values({
        reference,
        trackingTokenHash: `hash-${reference}`,
        customerId,
        description: `${reference}: personal words`,
        status: closedAt ? "closed" : "investigating",
        closedAt: closedAt ? new Date(closedAt) : null,
        faultAttribution: "service",
        satisfaction: 3,
      })
      .returning();
    await db().insert(complaintEvents).values({ complaintId: row!.id, type: "filed", visibility: "customer", actorKind: "customer", body: `${reference}: personal words` });
    return row!;
  }

  it("validates the owner's retention setting", async () => {
    const who = await staff(db());
    expect(await getRetentionMonths(db())).toBeNull();
    await expect(updateRetentionMonths(db(), who.owner, { retentionMonths: "0" })).rejects.toMatchObject({
      fieldErrors: { retentionMonths: "The retention period must be at least 1 month (leave it empty to keep cases)" },
    });
    await expect(updateRetentionMonths(db(), who.owner, { retentionMonths: "six" })).rejects.toBeInstanceOf(SettingsRuleError);
    await expect(updateRetentionMonths(db(), who.owner, { retentionMonths: "2.5" })).rejects.toBeInstanceOf(SettingsRuleError);
    await expect(updateRetentionMonths(db(), who.supervisor, { retentionMonths: "12" })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await updateRetentionMonths(db(), who.owner, { retentionMonths: " 12 " })).toBe(12);
    expect(await updateRetentionMonths(db(), who.owner, { retentionMonths: "" })).toBeNull();
    expect(await getRetentionMonths(db())).toBeNull();
    const changes = await db().select().from(auditLog).where(eq(auditLog.action, "retention.changed"));
    expect(changes.map((c) => c.detail)).toEqual([
      { from: null, to: 12 },
      { from: 12, to: null },
    ]);
  });

  it("keeps everything while no retention period is set", async () => {
    const dana = await customer("Dana");
    await complaint(dana.id, "CR-AAAA-0001", "2020-01-01T00:00:00Z");
    expect(await applyRetention(db(), NOW)).toEqual({ retentionMonths: null, cases: 0, customers: 0, more: false });
    expect(await db().$count(auditLog, eq(auditLog.action, "retention.applied"))).toBe(0);
  });

  it("anonymises only cases closed before the cutoff, in batches, and is idempotent", async () => {
    const who = await staff(db());
    await updateRetentionMonths(db(), who.owner, { retentionMonths: "12" });
    const [dana] = await db().select().from(customers).where(eq(customers.emailNormalized, "dana@example.com"));
    const [danaOld] = await db().select().from(complaints).where(eq(complaints.reference, "CR-AAAA-0001"));
    const ed = await customer("Ed");
    const edOld = await complaint(ed.id, "CR-AAAA-0002", "2025-05-31T00:00:00Z");
    const edRecent = await complaint(ed.id, "CR-AAAA-0003", "2025-06-02T00:00:00Z");
    const fay = await customer("Fay");
    const fayOld = await complaint(fay.id, "CR-AAAA-0004", "2024-01-01T00:00:00Z");
    const fayOpen = await complaint(fay.id, "CR-AAAA-0005", null);
    const before = await figures(db());

    expect(await applyRetention(db(), NOW, { batchSize: 2 })).toEqual({ retentionMonths: 12, cases: 2, customers: 1, more: true });
    expect(await applyRetention(db(), NOW, { batchSize: 2 })).toEqual({ retentionMonths: 12, cases: 1, customers: 0, more: false });
    expect(await applyRetention(db(), NOW, { batchSize: 2 })).toEqual({ retentionMonths: 12, cases: 0, customers: 0, more: false });
    expect(await applyRetention(db(), NOW)).toMatchObject({ cases: 0 });
    expect(await figures(db())).toEqual(before);

    const rows = await db().select().from(complaints).where(inArray(complaints.id, [danaOld!.id, edOld.id, edRecent.id, fayOld.id, fayOpen.id]));
    const byRef = Object.fromEntries(rows.map((r) => [r.reference, r]));
    for (const ref of ["CR-AAAA-0001", "CR-AAAA-0002", "CR-AAAA-0004"]) {
      expect(byRef[ref]).toMatchObject({ description: RETENTION_TEXT, anonymizedAt: NOW, status: "closed", satisfaction: 3, faultAttribution: "service" });
      expect(byRef[ref]!.trackingTokenHash).not.toBe(`hash-${ref}`);
    }
    for (const ref of ["CR-AAAA-0003", "CR-AAAA-0005"]) expect(byRef[ref]).toMatchObject({ description: `${ref}: personal words`, anonymizedAt: null });
    const events = await db().select().from(complaintEvents).where(inArray(complaintEvents.complaintId, [edOld.id, edRecent.id]));
    expect(events.map((e) => [e.complaintId === edOld.id, e.body]).sort()).toEqual([
      [false, "CR-AAAA-0003: personal words"],
      [true, RETENTION_TEXT],
    ]);

    // Dana's only case went: her record too. Ed has a recent case, Fay an open one: they stay.
    const people = await db().select().from(customers).where(inArray(customers.id, [dana!.id, ed.id, fay.id]));
    const byName = (id: string) => people.find((p) => p.id === id)!;
    expect(byName(dana!.id)).toMatchObject({ name: ERASED_CUSTOMER_NAME, email: null, erasedAt: NOW });
    expect(byName(ed.id)).toMatchObject({ name: "Ed", erasedAt: null });
    expect(byName(fay.id)).toMatchObject({ name: "Fay", erasedAt: null });

    // One audit row per run that did something, from the system.
    const runs = await db().select().from(auditLog).where(eq(auditLog.action, "retention.applied"));
    expect(runs.map((r) => [r.staffId, r.detail])).toEqual([
      [null, { cases: 2, customers: 1, retentionMonths: 12 }],
      [null, { cases: 1, customers: 0, retentionMonths: 12 }],
    ]);

    // Once Ed's recent case is past the cutoff too, he is erased.
    expect(await applyRetention(db(), new Date("2026-07-01T00:00:00Z"))).toMatchObject({ cases: 1, customers: 1 });
    const [edAfter] = await db().select().from(customers).where(eq(customers.id, ed.id));
    expect(edAfter).toMatchObject({ name: ERASED_CUSTOMER_NAME, erasedAt: new Date("2026-07-01T00:00:00Z") });

    const page = await listAuditLog(db(), { limit: 2 });
    expect(page.items.map((i) => i.action)).toEqual(["retention.applied", "retention.applied"]);
    expect(page.next).not.toBeNull();
    const rest = await listAuditLog(db(), { before: page.next!, limit: 50 });
    expect(rest.items.every((i) => i.id < page.next!)).toBe(true);
    expect(rest.items.map((i) => i.action)).toContain("retention.changed");
  });
});
