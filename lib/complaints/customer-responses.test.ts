import { and, eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { complaintEvents, complaints, outboxMessages, staffUsers, trackingLinks } from "@/db/schema";
import { enqueueCustomerEmail } from "@/lib/outbox/enqueue";
import { describeEachDatabase } from "@/test/databases";
import { answerAsCustomer } from "./customer-responses";
import { fileComplaint } from "./intake";
import { parseIntake } from "./intake-schema";
import { requestNewTrackingLink } from "./lost-link";
import { getTrackingView } from "./tracking";

let n = 0;
async function file(db: Parameters<typeof fileComplaint>[0], email = `casey${++n}@example.com`) {
  const parsed = parseIntake({ name: "Casey Ward", email, processId: "not_sure", description: "The new kitchen tap drips." });
  if (parsed.kind !== "valid") throw new Error("bad intake");
  const filed = await fileComplaint(db, parsed.data, { channel: "web" });
  const [c] = await db.select().from(complaints).where(eq(complaints.reference, filed.reference));
  return { token: filed.trackingToken!, complaint: c!, email };
}

describeEachDatabase("the customer's answers on the tracking page", ({ db }) => {
  let staffId: string;
  beforeAll(async () => {
    const [s] = await db().insert(staffUsers).values({ email: "sam@harbour.test", name: "Sam Staff", passwordHash: "x" }).returning();
    staffId = s!.id;
  });

  async function propose(complaintId: string, status: "resolution_proposed" | "awaiting_customer" = "awaiting_customer") {
    await db()
      .update(complaints)
      .set({ status, assigneeId: staffId, resolutionType: "repair", resolutionDescription: "A plumber will replace the cartridge on Friday." })
      .where(eq(complaints.id, complaintId));
    await db().insert(complaintEvents).values({ complaintId, type: "resolution_proposed", visibility: "customer", actorKind: "staff", actorId: staffId });
  }

  it("agrees once: event, agreement, version and activity", async () => {
    const { token, complaint } = await file(db());
    await propose(complaint.id);
    expect((await getTrackingView(db(), token))!.asks.proposal).toEqual({ open: true, answer: null });

    expect(await answerAsCustomer(db(), token, { kind: "agree" })).toEqual({ ok: true });
    const [after] = await db().select().from(complaints).where(eq(complaints.id, complaint.id));
    // No root cause yet, so it cannot be resolved: the agreed plan is being carried out.
    expect(after).toMatchObject({ customerAgreement: "agreed", status: "carrying_out", version: complaint.version + 1 });
    expect(after!.lastActivityAt.getTime()).toBeGreaterThan(complaint.lastActivityAt.getTime());
    const events = await db().select().from(complaintEvents).where(and(eq(complaintEvents.complaintId, complaint.id), eq(complaintEvents.type, "customer_agreed")));
    expect(events).toEqual([expect.objectContaining({ actorKind: "customer", visibility: "customer" })]);

    // A second submit (another tab, a double click) answers nothing twice.
    expect(await answerAsCustomer(db(), token, { kind: "disagree", reason: "Changed my mind" })).toMatchObject({ ok: false, error: expect.stringMatching(/already been answered/) });
    expect((await getTrackingView(db(), token))!.asks.proposal).toEqual({ open: false, answer: "agreed" });
  });

  it("disagrees with a required reason and sends the case back to investigating", async () => {
    const { token, complaint } = await file(db());
    await propose(complaint.id, "resolution_proposed");
    expect(await answerAsCustomer(db(), token, { kind: "disagree", reason: "   " })).toEqual({
      ok: false,
      error: "Please tell us why the proposal does not work for you",
      field: "reason",
    });
    expect(await answerAsCustomer(db(), token, { kind: "disagree", reason: "Friday is no good: I work away." })).toEqual({ ok: true });
    const [after] = await db().select().from(complaints).where(eq(complaints.id, complaint.id));
    expect(after).toMatchObject({ status: "investigating", customerAgreement: "disagreed" });
    const events = await db().select().from(complaintEvents).where(eq(complaintEvents.complaintId, complaint.id));
    expect(events.find((e) => e.type === "customer_disagreed")).toMatchObject({ body: "Friday is no good: I work away.", actorKind: "customer" });
    expect(events.find((e) => e.type === "status_changed")).toMatchObject({ data: { from: "resolution_proposed", to: "investigating" }, actorKind: "customer" });
  });

  it("confirms or corrects the latest restatement", async () => {
    const { token, complaint } = await file(db());
    await db().insert(complaintEvents).values({
      complaintId: complaint.id,
      type: "restated",
      visibility: "customer",
      actorKind: "staff",
      body: "If I understand correctly:",
      data: { issues: ["The kitchen tap drips", "You want it fixed this week"] },
    });
    expect((await getTrackingView(db(), token))!.asks.restatement).toMatchObject({ issues: ["The kitchen tap drips", "You want it fixed this week"], answer: null });
    expect(await answerAsCustomer(db(), token, { kind: "correct_restatement", correction: "It is the bathroom tap too." })).toEqual({ ok: true });
    expect(await answerAsCustomer(db(), token, { kind: "confirm_restatement" })).toMatchObject({ ok: false });
    const view = await getTrackingView(db(), token);
    expect(view!.asks.restatement!.answer).toBe("corrected");
    expect(view!.timeline.find((e) => e.type === "restatement_corrected")).toMatchObject({ body: "It is the bathroom tap too.", actor: "customer" });
  });

  it("rates once the case is resolved, once only, 1 to 5", async () => {
    const { token, complaint } = await file(db());
    expect(await answerAsCustomer(db(), token, { kind: "rate", rating: "4", comment: "" })).toMatchObject({ ok: false, error: expect.stringMatching(/once your complaint is resolved/) });
    await db().update(complaints).set({ status: "resolved" }).where(eq(complaints.id, complaint.id));
    expect(await answerAsCustomer(db(), token, { kind: "rate", rating: "7", comment: "" })).toMatchObject({ ok: false, error: "Please choose a rating from 1 to 5" });
    expect(await answerAsCustomer(db(), token, { kind: "rate", rating: "4", comment: "Quick and polite." })).toEqual({ ok: true });
    expect(await answerAsCustomer(db(), token, { kind: "rate", rating: "5", comment: "" })).toMatchObject({ ok: false, error: expect.stringMatching(/already rated/) });
    const [after] = await db().select().from(complaints).where(eq(complaints.id, complaint.id));
    expect(after).toMatchObject({ satisfaction: 4, satisfactionComment: "Quick and polite." });
  });

  it("answers unknown tokens with not-found", async () => {
    expect(await answerAsCustomer(db(), "Z".repeat(43), { kind: "agree" })).toEqual({ ok: false, notFound: true });
  });

  it("issues a new link for a matching email and reference; old links stop working", async () => {
    const { token, complaint, email } = await file(db());
    // A link minted for a later email works too, until the reissue revokes it.
    const extra = await db().transaction((tx) => enqueueCustomerEmail(tx, { complaintId: complaint.id, kind: "staff_reply", message: "Hello", baseUrl: "https://x.test" }));
    const [mail] = await db().select().from(outboxMessages).where(eq(outboxMessages.id, extra.id));
    const extraToken = /track\/([A-Za-z0-9_-]{43})/.exec(mail!.textBody)![1]!;
    expect(await getTrackingView(db(), extraToken)).not.toBeNull();

    const options = { baseUrl: "https://x.test", minResponseMs: 0 };
    expect(await requestNewTrackingLink(db(), { email: "nobody@example.com", reference: complaint.reference }, options)).toEqual({ ok: true });
    expect(await requestNewTrackingLink(db(), { email: email.toUpperCase(), reference: complaint.reference.toLowerCase() }, options)).toEqual({ ok: true });
    expect(await getTrackingView(db(), token)).toBeNull();
    expect(await getTrackingView(db(), extraToken)).toBeNull();
    const links = await db().select().from(trackingLinks).where(eq(trackingLinks.complaintId, complaint.id));
    expect(links.every((l) => l.revokedAt !== null)).toBe(true);

    const sent = await db().select().from(outboxMessages).where(and(eq(outboxMessages.complaintId, complaint.id), eq(outboxMessages.kind, "tracking_link")));
    expect(sent).toHaveLength(1);
    const newToken = /https:\/\/x\.test\/track\/([A-Za-z0-9_-]{43})/.exec(sent[0]!.textBody)![1]!;
    expect((await getTrackingView(db(), newToken))!.id).toBe(complaint.id);

    // Asking again at once changes nothing (cooldown), and says the same thing.
    expect(await requestNewTrackingLink(db(), { email, reference: complaint.reference }, options)).toEqual({ ok: true });
    expect(await getTrackingView(db(), newToken)).not.toBeNull();
  });

  it("validates the lost-link form with specific messages", async () => {
    expect(await requestNewTrackingLink(db(), { email: "nope", reference: "12" }, { minResponseMs: 0 })).toEqual({
      ok: false,
      fieldErrors: {
        email: "Please enter the email address you used, like name@example.com",
        reference: "A reference looks like CR-7KQ4-M9TA: 8 letters and numbers after “CR”",
      },
    });
  });
});
