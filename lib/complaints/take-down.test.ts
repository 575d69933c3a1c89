import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { attachments, auditLog, complaintEvents, complaints, customers, staffUsers } from "@/db/schema";
import { Refusal } from "@/lib/forms/refusal";
import { describeEachDatabase } from "@/test/databases";
import { fileComplaint } from "./intake";
import { parseIntake } from "./intake-schema";
import { NEW_CUSTOMER, recordComplaintForCustomer, takenDownSummary, type TakeDownForm } from "./take-down";

const NOW = new Date("2026-03-10T12:00:00Z");

function form(overrides: Partial<TakeDownForm> = {}): TakeDownForm {
  return {
    customerId: NEW_CUSTOMER,
    name: "Pat Caller",
    email: "",
    phone: "020 7946 0555",
    preferredContact: "",
    channel: "phone",
    receivedDate: "",
    receivedTime: "",
    backdateReason: "",
    processId: "not_sure",
    description: "The boiler engineer did not come on Tuesday as booked.",
    desiredOutcome: "A new visit this week.",
    idempotencyKey: "",
    ...overrides,
  };
}

async function refusal(promise: Promise<unknown>): Promise<Record<string, string>> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(Refusal);
  return (error as Refusal).fieldErrors;
}

describeEachDatabase("staff recording a complaint on the New complaint page", ({ db }) => {
  async function agent() {
    const [user] = await db().insert(staffUsers).values({ email: `agent-${Math.random()}@example.com`, name: "Ada Agent", role: "agent", passwordHash: "x" }).returning();
    return user!;
  }

  it("files a new customer's phone complaint as taken down by the agent, audited, and says to call to confirm when there is no email", async () => {
    const staff = await agent();
    const { reference, replay } = await recordComplaintForCustomer(db(), staff, form(), [], { now: NOW });
    expect(replay).toBe(false);
    const [complaint] = await db().select().from(complaints).where(eq(complaints.reference, reference));
    expect(complaint).toMatchObject({ channel: "phone", receivedAt: NOW });
    const [event] = await db().select().from(complaintEvents).where(eq(complaintEvents.complaintId, complaint!.id));
    expect(event).toMatchObject({ type: "filed", actorKind: "staff", actorId: staff.id, data: { channel: "phone", takenDown: true } });
    const audit = await db().select().from(auditLog).where(eq(auditLog.subjectId, complaint!.id));
    expect(audit).toEqual([
      expect.objectContaining({ staffId: staff.id, action: "complaint.taken_down", subjectType: "complaint", detail: { reference, channel: "phone", backdated: false, existingCustomer: false } }),
    ]);
    expect(await takenDownSummary(db(), reference)).toEqual({ reference, customerName: "Pat Caller", channel: "phone", callToConfirm: true });
  });

  it("puts it on the customer chosen as 'Same person', whatever is typed in the new-customer fields, backdated with a reason", async () => {
    const staff = await agent();
    const web = await fileComplaint(db(), parseOk({ name: "Rosa Regular", email: "rosa@example.com" }), { channel: "web", now: NOW });
    const [first] = await db().select({ customerId: complaints.customerId }).from(complaints).where(eq(complaints.reference, web.reference));
    const { reference } = await recordComplaintForCustomer(
      db(),
      staff,
      form({ customerId: first!.customerId, name: "", phone: "", channel: "letter", receivedDate: "2026-03-08", receivedTime: "09:30", backdateReason: "Letter opened late" }),
      [],
      { now: NOW },
    );
    const [complaint] = await db().select().from(complaints).where(eq(complaints.reference, reference));
    expect(complaint).toMatchObject({ customerId: first!.customerId, channel: "letter", receivedAt: new Date("2026-03-08T09:30:00Z") });
    expect((await takenDownSummary(db(), reference))?.callToConfirm).toBe(false);
    const [audit] = await db().select({ detail: auditLog.detail }).from(auditLog).where(eq(auditLog.subjectId, complaint!.id));
    expect(audit!.detail).toEqual({ reference, channel: "letter", backdated: true, existingCustomer: true });
  });

  it("refuses with a message on the right field and stores nothing: a backdate without a reason, a future time, bad contact details", async () => {
    const staff = await agent();
    const before = await db().select({ id: complaints.id }).from(complaints);
    expect(await refusal(recordComplaintForCustomer(db(), staff, form({ receivedDate: "2026-03-09", receivedTime: "10:00" }), [], { now: NOW }))).toEqual({
      backdateReason: "Say why the complaint is recorded with an earlier received time.",
    });
    expect(await refusal(recordComplaintForCustomer(db(), staff, form({ receivedTime: "15:00" }), [], { now: NOW }))).toEqual({
      receivedTime: "The received time cannot be in the future.",
    });
    expect(await refusal(recordComplaintForCustomer(db(), staff, form({ receivedDate: "2026-01-01", receivedTime: "10:00", backdateReason: "Old" }), [], { now: NOW }))).toEqual({
      receivedDate: "The received time can be at most 30 days ago.",
    });
    expect(await refusal(recordComplaintForCustomer(db(), staff, form({ receivedDate: "2026-03-09" }), [], { now: NOW }))).toEqual({
      receivedTime: "Enter the time it was received too (an estimate is fine)",
    });
    expect(
      await refusal(recordComplaintForCustomer(db(), staff, form({ name: " ", phone: "", channel: "fax", processId: "", description: "Short" }), [], { now: NOW })),
    ).toEqual({
      channel: "Choose how the complaint reached you",
      name: "Enter the customer's name",
      email: "Enter the customer's email address or phone number",
      processId: "Choose the process, or “Not sure”",
      description: "Write a little more: at least 20 characters",
    });
    expect(await refusal(recordComplaintForCustomer(db(), staff, form({ customerId: "00000000-0000-4000-8000-000000000000" }), [], { now: NOW }))).toEqual({
      customerId: "That customer is no longer on record: search again, or enter their details as someone new",
    });
    expect(await db().select({ id: complaints.id }).from(complaints)).toEqual(before);
  });

  it("keeps a scanned letter (a PDF) with the same checks as the public form, and refuses a file that is not a photo or PDF", async () => {
    const staff = await agent();
    const upload = (name: string, content: Buffer) => ({ name, size: content.length, arrayBuffer: async () => new Uint8Array(content).buffer });
    const pdf = Buffer.from("%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n");
    expect(await refusal(recordComplaintForCustomer(db(), staff, form({ channel: "letter", phone: "020 7946 0888" }), [upload("scan.pdf", Buffer.from("just text, not a scan"))], { now: NOW }))).toEqual({
      attachments: "scan.pdf is not a photo or PDF",
    });
    const { reference } = await recordComplaintForCustomer(db(), staff, form({ channel: "letter", phone: "020 7946 0888" }), [upload("scan.pdf", pdf)], { now: NOW });
    const [complaint] = await db().select({ id: complaints.id }).from(complaints).where(eq(complaints.reference, reference));
    const files = await db().select({ fileName: attachments.fileName, contentType: attachments.contentType }).from(attachments).where(eq(attachments.complaintId, complaint!.id));
    expect(files).toEqual([{ fileName: "scan.pdf", contentType: "application/pdf" }]);
  });

  it("files one complaint for a double submit with the same idempotency key", async () => {
    const staff = await agent();
    const key = crypto.randomUUID();
    const first = await recordComplaintForCustomer(db(), staff, form({ idempotencyKey: key, phone: "020 7946 0777" }), [], { now: NOW });
    const second = await recordComplaintForCustomer(db(), staff, form({ idempotencyKey: key, phone: "020 7946 0777" }), [], { now: NOW });
    expect(second).toEqual({ reference: first.reference, replay: true });
    const [customer] = await db().select({ id: customers.id }).from(customers).where(eq(customers.phoneNormalized, "02079460777"));
    expect(await db().select({ id: complaints.id }).from(complaints).where(eq(complaints.customerId, customer!.id))).toHaveLength(1);
  });
});

function parseOk(overrides: Record<string, unknown>) {
  const result = parseIntake({ processId: "not_sure", description: "The parcel never arrived at all.", ...overrides });
  if (result.kind !== "valid") throw new Error(JSON.stringify(result));
  return result.data;
}
