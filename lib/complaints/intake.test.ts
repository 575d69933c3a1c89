import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { attachments, complaintEvents, complaints, customers, processes, promises } from "@/db/schema";
import { attachmentResponse } from "@/lib/http/attachment-response";
import { getAttachmentForComplaint } from "@/lib/attachments/store";
import { describeEachDatabase } from "@/test/databases";
import { IdempotencyKeyReusedError, fileComplaint, submitComplaint } from "./intake";
import { parseIntake, type IntakeInput } from "./intake-schema";
import { hashTrackingToken } from "./reference";
import { addCustomerMessage, getTrackingView } from "./tracking";

function input(overrides: Record<string, unknown> = {}): IntakeInput {
  const result = parseIntake({
    name: "Sam Carter",
    email: "sam@example.com",
    processId: "not_sure",
    description: "The parcel arrived two weeks late and the box was crushed.",
    desiredOutcome: "A refund of the delivery charge.",
    ...overrides,
  });
  if (result.kind !== "valid") throw new Error(JSON.stringify(result));
  return result.data;
}

const PNG = Buffer.from("89504e470d0a1a0a0000000d49484452000000010000000108020000009077530000000c4944415478da63f8ffff3f0005fe02fea7d60a9b0000000049454e44ae426082", "hex");

describeEachDatabase("filing a complaint", ({ db }) => {
  it("creates the customer, the complaint and a customer-visible filed event", async () => {
    const now = new Date("2026-03-02T10:00:00Z");
    const result = await fileComplaint(db(), input(), { channel: "web", now });
    expect(result.reference).toMatch(/^CR-/);
    expect(result.trackingToken).toHaveLength(43);

    const [complaint] = await db().select().from(complaints).where(eq(complaints.reference, result.reference));
    expect(complaint).toMatchObject({ channel: "web", status: "new", processId: null, desiredOutcome: "A refund of the delivery charge." });
    expect(complaint!.trackingTokenHash).toBe(hashTrackingToken(result.trackingToken!));
    // The default settings row promises a first response within 24 hours.
    expect(complaint!.firstResponseDueAt?.toISOString()).toBe("2026-03-03T10:00:00.000Z");

    const [customer] = await db().select().from(customers).where(eq(customers.id, complaint!.customerId));
    expect(customer).toMatchObject({ name: "Sam Carter", emailNormalized: "sam@example.com", preferredContact: "email" });

    const events = await db().select().from(complaintEvents).where(eq(complaintEvents.complaintId, complaint!.id));
    expect(events).toEqual([
      expect.objectContaining({ type: "filed", visibility: "customer", actorKind: "customer", body: complaint!.description }),
    ]);
  });

  it("recognises a returning customer by email, whatever its case", async () => {
    const first = await fileComplaint(db(), input({ email: "pat@example.com" }), { channel: "web" });
    const second = await fileComplaint(db(), input({ email: "  PAT@Example.com ", phone: "020 7946 0001", name: "Patricia" }), { channel: "api" });
    const rows = await db()
      .select({ customerId: complaints.customerId, channel: complaints.channel })
      .from(complaints)
      .where(eq(complaints.reference, first.reference));
    const [other] = await db().select({ customerId: complaints.customerId }).from(complaints).where(eq(complaints.reference, second.reference));
    expect(other!.customerId).toBe(rows[0]!.customerId);
    // The phone given the second time is added; the first name is kept.
    const [customer] = await db().select().from(customers).where(eq(customers.id, other!.customerId));
    expect(customer).toMatchObject({ name: "Sam Carter", phoneNormalized: "02079460001" });
  });

  it("files for a phone-only customer and finds them again by phone", async () => {
    const a = await fileComplaint(db(), input({ email: "", phone: "+44 20 7946 0002" }), { channel: "web" });
    const b = await fileComplaint(db(), input({ email: "", phone: "0044 (20) 7946-0002" }), { channel: "web" });
    const ids = await Promise.all(
      [a, b].map(async (r) => (await db().select().from(complaints).where(eq(complaints.reference, r.reference)))[0]!.customerId),
    );
    expect(ids[0]).toBe(ids[1]);
    const [customer] = await db().select().from(customers).where(eq(customers.id, ids[0]!));
    expect(customer).toMatchObject({ emailNormalized: null, phoneNormalized: "+442079460002", preferredContact: "phone" });
  });

  it("prefers the email's customer when email and phone point at different people", async () => {
    await fileComplaint(db(), input({ email: "lee@example.com" }), { channel: "web" });
    await fileComplaint(db(), input({ email: "", phone: "07700 900003" }), { channel: "web" });
    const result = await fileComplaint(db(), input({ email: "lee@example.com", phone: "07700 900003" }), { channel: "web" });
    const [complaint] = await db().select().from(complaints).where(eq(complaints.reference, result.reference));
    const [customer] = await db().select().from(customers).where(eq(customers.id, complaint!.customerId));
    // The phone belongs to someone else, so it is not copied onto this customer.
    expect(customer).toMatchObject({ emailNormalized: "lee@example.com", phoneNormalized: null });
  });

  it("creates one complaint per idempotency key", async () => {
    const key = "order-5521-retry";
    const first = await fileComplaint(db(), input({ idempotencyKey: key }), { channel: "api" });
    const again = await fileComplaint(db(), input({ idempotencyKey: key }), { channel: "api" });
    expect(again).toEqual({ reference: first.reference, trackingToken: null, replay: true });
    const rows = await db().select().from(complaints).where(eq(complaints.idempotencyKey, key));
    expect(rows).toHaveLength(1);
  });

  it("binds a key to its complaint: another complaint with it is refused and not stored, concurrent ones too", async () => {
    const key = "ORD-1001";
    await fileComplaint(db(), input({ idempotencyKey: key, email: "owner.of.key@example.com" }), { channel: "api" });
    await expect(fileComplaint(db(), input({ idempotencyKey: key, email: "victim@example.com" }), { channel: "api" })).rejects.toBeInstanceOf(
      IdempotencyKeyReusedError,
    );
    // The same words through the other channel are not the same submission either.
    await expect(fileComplaint(db(), input({ idempotencyKey: key, email: "owner.of.key@example.com" }), { channel: "web" })).rejects.toBeInstanceOf(
      IdempotencyKeyReusedError,
    );
    // Racing first uses of one key with different complaints: one is filed, the others refused.
    const raced = await Promise.allSettled(
      ["a", "b", "c"].map((who) => fileComplaint(db(), input({ idempotencyKey: "race-key", email: `${who}@race.example` }), { channel: "api" })),
    );
    expect(raced.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(raced.filter((r) => r.status === "rejected" && r.reason instanceof IdempotencyKeyReusedError)).toHaveLength(2);
    expect(await db().select().from(complaints).where(eq(complaints.idempotencyKey, "race-key"))).toHaveLength(1);
    expect(await db().select().from(customers).where(eq(customers.emailNormalized, "victim@example.com"))).toHaveLength(0);
  });

  it("de-duplicates the web form's double click (same key, same words, same files), and refuses its key for other words", async () => {
    const photo = { name: "door.png", size: PNG.length, arrayBuffer: async () => new Uint8Array(PNG).buffer };
    const raw = { ...rawOf(input()), email: "double.click@example.com", idempotencyKey: "3b4f2f6e-web-form" };
    const first = await submitComplaint(db(), raw, [photo], "web");
    expect(first.kind).toBe("filed");
    const second = await submitComplaint(db(), raw, [photo], "web");
    expect(second).toEqual({ kind: "duplicate", reference: first.kind === "filed" ? first.reference : "" });
    expect(await submitComplaint(db(), raw, [], "web")).toEqual({ kind: "key_reused" });
    expect(await submitComplaint(db(), { ...raw, description: "Something else went wrong with the order too." }, [photo], "web")).toEqual({
      kind: "key_reused",
    });
    expect(await db().select().from(complaints).where(eq(complaints.idempotencyKey, raw.idempotencyKey))).toHaveLength(1);
  });

  it("survives simultaneous first complaints from one new customer, and simultaneous retries", async () => {
    const results = await Promise.all(
      Array.from({ length: 4 }, () => fileComplaint(db(), input({ email: "rush@example.com" }), { channel: "web" })),
    );
    expect(new Set(results.map((r) => r.reference)).size).toBe(4);
    expect(await db().select().from(customers).where(eq(customers.emailNormalized, "rush@example.com"))).toHaveLength(1);

    const retries = await Promise.all(
      Array.from({ length: 4 }, () => fileComplaint(db(), input({ email: "rush@example.com", idempotencyKey: "same-click" }), { channel: "web" })),
    );
    expect(new Set(retries.map((r) => r.reference)).size).toBe(1);
    expect(retries.filter((r) => r.trackingToken !== null)).toHaveLength(1);
  });

  it("refuses an archived process with a message for the customer", async () => {
    const [archived] = await db()
      .insert(processes)
      .values({ name: "Old returns desk", archivedAt: new Date() })
      .returning({ id: processes.id });
    const outcome = await submitComplaint(db(), { ...rawOf(input()), processId: archived!.id }, [], "web");
    expect(outcome).toEqual({ kind: "invalid", fieldErrors: { processId: "Please choose one of the listed areas, or “Not sure”" } });
  });

  it("stores attachments with their events, and nothing at all for a bot", async () => {
    const photo = { name: "door.png", size: PNG.length, arrayBuffer: async () => new Uint8Array(PNG).buffer };
    const outcome = await submitComplaint(db(), { ...rawOf(input()), email: "att@example.com" }, [photo], "web");
    expect(outcome.kind).toBe("filed");
    if (outcome.kind !== "filed") return;
    const view = await getTrackingView(db(), outcome.trackingToken);
    expect(view!.attachments).toEqual([expect.objectContaining({ fileName: "door.png", contentType: "image/png", sizeBytes: PNG.length })]);
    expect(view!.timeline.map((e) => [e.type, e.fileName])).toEqual([
      ["filed", null],
      ["attachment_added", "door.png"],
    ]);

    // Served only through its own case, with headers that keep the browser from guessing.
    const other = await fileComplaint(db(), input({ email: "other@example.com" }), { channel: "web" });
    const otherId = (await getTrackingView(db(), other.trackingToken!))!.id;
    const fileId = view!.attachments[0]!.id;
    expect(await getAttachmentForComplaint(db(), otherId, fileId)).toBeNull();
    expect(await getAttachmentForComplaint(db(), view!.id, "not-a-uuid")).toBeNull();
    const stored = await getAttachmentForComplaint(db(), view!.id, fileId);
    expect(Buffer.compare(stored!.content, PNG)).toBe(0);
    const response = attachmentResponse(stored!);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      "content-type": "image/png",
      "content-disposition": "inline; filename=\"door.png\"; filename*=UTF-8''door.png",
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
    });

    const before = (await db().select().from(complaints)).length;
    const filesBefore = (await db().select().from(attachments)).length;
    const bot = await submitComplaint(db(), { ...rawOf(input()), website: "https://spam.example" }, [photo], "web");
    expect(bot.kind).toBe("discarded");
    expect((await db().select().from(complaints)).length).toBe(before);
    expect((await db().select().from(attachments)).length).toBe(filesBefore);
    // The bot trap is the web form's: the API channel files such a body (its handler refuses the field first).
    expect((await submitComplaint(db(), { ...rawOf(input()), email: "not.a.bot@example.com", website: "x" }, [], "api")).kind).toBe("filed");
  });
});

describeEachDatabase("tracking a complaint", ({ db }) => {
  it("finds the case by its token and shows only what the customer may see", async () => {
    const { trackingToken } = await fileComplaint(db(), input({ email: "track@example.com" }), { channel: "web" });
    const token = trackingToken!;
    const [complaint] = await db().select().from(complaints).where(eq(complaints.trackingTokenHash, hashTrackingToken(token)));
    await db().insert(complaintEvents).values([
      { complaintId: complaint!.id, type: "note", visibility: "internal", actorKind: "staff", body: "Customer sounds difficult" },
      { complaintId: complaint!.id, type: "status_changed", visibility: "customer", actorKind: "staff", data: { from: "new", to: "investigating" } },
    ]);
    await db().insert(promises).values({ complaintId: complaint!.id, text: "Call you back", dueAt: new Date("2020-01-01T00:00:00Z") });

    const view = await getTrackingView(db(), token);
    expect(view).toMatchObject({ reference: complaint!.reference, status: "new", statusLabel: "Received" });
    expect(view!.timeline.map((e) => e.type)).toEqual(["filed", "status_changed"]);
    expect(view!.timeline[1]).toMatchObject({ actor: "business", toStatus: "investigating" });
    expect(JSON.stringify(view)).not.toContain("difficult");
    expect(view!.promises).toEqual([expect.objectContaining({ text: "Call you back", overdue: true, keptAt: null })]);
  });

  it("finds nothing for a wrong or malformed token", async () => {
    expect(await getTrackingView(db(), "A".repeat(43))).toBeNull();
    expect(await getTrackingView(db(), "not-a-token")).toBeNull();
  });

  it("adds the customer's message and bumps the case's last activity", async () => {
    const { trackingToken, reference } = await fileComplaint(db(), input({ email: "msg@example.com" }), {
      channel: "web",
      now: new Date("2026-01-01T00:00:00Z"),
    });
    expect(await addCustomerMessage(db(), trackingToken!, "   ")).toEqual({ ok: false, error: "Please write your message", fieldErrors: { body: "Please write your message" } });
    expect(await addCustomerMessage(db(), "B".repeat(43), "Hello")).toEqual({ ok: false, notFound: true });
    expect(await addCustomerMessage(db(), trackingToken!, "Any news?\u0007")).toEqual({ ok: true, files: 0 });

    const view = await getTrackingView(db(), trackingToken!);
    expect(view!.timeline.at(-1)).toMatchObject({ type: "customer_message", actor: "customer", body: "Any news?" });
    const [row] = await db().select().from(complaints).where(eq(complaints.reference, reference));
    expect(row!.lastActivityAt.getTime()).toBeGreaterThan(new Date("2026-01-01T00:00:00Z").getTime());
  });

  it("takes files with a customer's message, with the complaint form's checks, and stores none when one is refused", async () => {
    const { trackingToken } = await fileComplaint(db(), input({ email: "files-later@example.com" }), { channel: "web" });
    const receipt = { name: "receipt.png", size: PNG.length, arrayBuffer: async () => new Uint8Array(PNG).buffer };
    const program = { name: "photo.jpg", size: 4, arrayBuffer: async () => new Uint8Array([0x4d, 0x5a, 0x90, 0x00]).buffer };

    const refused = await addCustomerMessage(db(), trackingToken!, "Here is the receipt", [receipt, program]);
    expect(refused).toEqual({ ok: false, error: "photo.jpg is not a photo or PDF", fieldErrors: { attachments: "photo.jpg is not a photo or PDF" } });
    const tooMany = await addCustomerMessage(db(), trackingToken!, "Here they are", Array.from({ length: 6 }, () => receipt));
    expect(tooMany).toMatchObject({ ok: false, fieldErrors: { attachments: "Please attach at most 5 files (you chose 6)" } });
    expect((await getTrackingView(db(), trackingToken!))!.attachments).toEqual([]);

    expect(await addCustomerMessage(db(), trackingToken!, "Here is the receipt I forgot", [receipt])).toEqual({ ok: true, files: 1 });
    const view = await getTrackingView(db(), trackingToken!);
    expect(view!.attachments).toEqual([expect.objectContaining({ fileName: "receipt.png", contentType: "image/png", sizeBytes: PNG.length })]);
    expect(view!.timeline.slice(-2).map((e) => [e.type, e.actor, e.body ?? e.fileName])).toEqual([
      ["customer_message", "customer", "Here is the receipt I forgot"],
      ["attachment_added", "customer", "receipt.png"],
    ]);
  });
});

/** A validated input back in the raw shape the form and API send. */
function rawOf(data: IntakeInput): Record<string, unknown> {
  return { ...data, processId: data.processId ?? "not_sure" };
}
