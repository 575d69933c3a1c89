import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { complaintEvents, complaints, outboxMessages, staffUsers } from "@/db/schema";
import { parseAnalyticsFilters } from "@/lib/analytics/filters";
import { loadAnalyticsReport } from "@/lib/analytics/report";
import { describeEachDatabase } from "@/test/databases";
import { ReceivedAtRejectedError, checkReceivedAt, fileComplaint } from "./intake";
import { parseIntake, type IntakeInput } from "./intake-schema";

function input(overrides: Record<string, unknown> = {}): IntakeInput {
  const result = parseIntake({
    name: "Sam Carter",
    email: "sam@example.com",
    processId: "not_sure",
    description: "Rang to say the engineer never came.",
    desiredOutcome: "A new appointment.",
    ...overrides,
  });
  if (result.kind !== "valid") throw new Error(JSON.stringify(result));
  return result.data;
}

const NOW = new Date("2026-03-10T12:00:00Z");
const hoursAgo = (hours: number) => new Date(NOW.getTime() - hours * 3600_000);

it("refuses a future or too-old received time, and an earlier one without a reason", () => {
  expect(checkReceivedAt(NOW, NOW, undefined)).toBeNull();
  expect(checkReceivedAt(new Date(NOW.getTime() + 3600_000), NOW, "x")).toBe("The received time cannot be in the future.");
  expect(checkReceivedAt(hoursAgo(31 * 24), NOW, "late post")).toBe("The received time can be at most 30 days ago.");
  expect(checkReceivedAt(hoursAgo(2), NOW, "  ")).toBe("Say why the complaint is recorded with an earlier received time.");
  expect(checkReceivedAt(hoursAgo(30 * 24), NOW, "Letter opened late")).toBeNull();
});

describeEachDatabase("staff recording a complaint for the customer", ({ db }) => {
  async function agent() {
    const [user] = await db().insert(staffUsers).values({ email: `agent-${Math.random()}@example.com`, name: "Ada Agent", role: "agent", passwordHash: "x" }).returning();
    return user!;
  }

  it("files it under the channel, as taken down by the staff member, with the clock from the received time and the acknowledgement queued", async () => {
    const staff = await agent();
    const result = await fileComplaint(db(), input(), {
      channel: "phone",
      now: NOW,
      takenBy: { staffId: staff.id, receivedAt: hoursAgo(3), backdateReason: "Rang during the outage" },
    });
    const [complaint] = await db().select().from(complaints).where(eq(complaints.reference, result.reference));
    expect(complaint).toMatchObject({ channel: "phone", receivedAt: hoursAgo(3), firstResponseDueAt: new Date(hoursAgo(3).getTime() + 24 * 3600_000) });
    const events = await db().select().from(complaintEvents).where(eq(complaintEvents.complaintId, complaint!.id));
    expect(events).toEqual([
      expect.objectContaining({ type: "filed", actorKind: "staff", actorId: staff.id, data: { channel: "phone", takenDown: true, backdateReason: "Rang during the outage" } }),
    ]);
    const outbox = await db().select({ kind: outboxMessages.kind }).from(outboxMessages).where(eq(outboxMessages.complaintId, complaint!.id));
    expect(outbox).toEqual([{ kind: "acknowledgement" }]);
  });

  it("for a customer with no email, queues no email: the acknowledgement is held back as 'contact them by phone'", async () => {
    const staff = await agent();
    const result = await fileComplaint(db(), input({ email: "", phone: "020 7946 0999", preferredContact: "phone" }), { channel: "phone", now: NOW, takenBy: { staffId: staff.id } });
    const [complaint] = await db().select({ id: complaints.id }).from(complaints).where(eq(complaints.reference, result.reference));
    const outbox = await db()
      .select({ kind: outboxMessages.kind, status: outboxMessages.status, toAddress: outboxMessages.toAddress, skipReason: outboxMessages.skipReason })
      .from(outboxMessages)
      .where(eq(outboxMessages.complaintId, complaint!.id));
    expect(outbox).toEqual([{ kind: "acknowledgement", status: "skipped", toAddress: null, skipReason: "The customer gave no email address: contact them by phone" }]);
  });

  it("puts it on the existing customer found by email", async () => {
    const staff = await agent();
    const web = await fileComplaint(db(), input({ email: "jo@example.com" }), { channel: "web", now: NOW });
    const phone = await fileComplaint(db(), input({ email: " JO@example.com", name: "Jo" }), { channel: "phone", now: NOW, takenBy: { staffId: staff.id } });
    const [a] = await db().select({ customerId: complaints.customerId }).from(complaints).where(eq(complaints.reference, web.reference));
    const [b] = await db().select({ customerId: complaints.customerId }).from(complaints).where(eq(complaints.reference, phone.reference));
    expect(b!.customerId).toBe(a!.customerId);
  });

  it("stores nothing when the received time is refused", async () => {
    const staff = await agent();
    await expect(
      fileComplaint(db(), input({ email: "refused@example.com" }), { channel: "letter", now: NOW, takenBy: { staffId: staff.id, receivedAt: hoursAgo(2) } }),
    ).rejects.toBeInstanceOf(ReceivedAtRejectedError);
    const rows = await db().select({ id: complaints.id }).from(complaints).where(eq(complaints.channel, "letter"));
    expect(rows).toEqual([]);
  });

  it("counts in the analytics figures under its channel: a phone complaint shows under Phone", async () => {
    const staff = await agent();
    const [owner] = await db().insert(staffUsers).values({ email: `owner-${Math.random()}@example.com`, name: "Olive Owner", role: "owner", passwordHash: "x" }).returning();
    const report = async (params: Record<string, string>) => {
      const parsed = parseAnalyticsFilters({ range: "custom", from: "2026-03-01", to: "2026-03-10", ...params }, "2026-03-10");
      return loadAnalyticsReport(db(), { id: owner!.id, role: "owner" }, parsed.filters, "UTC", NOW);
    };
    const counts = async () => {
      const [all, phone, web] = await Promise.all([report({}), report({ channel: "phone" }), report({ channel: "web" })]);
      return {
        all: all.summary.complaints,
        phone: phone.summary.complaints,
        web: web.summary.complaints,
        phoneInChart: all.series.reduce((sum, p) => sum + p.byChannel.phone, 0),
      };
    };
    const before = await counts();
    await fileComplaint(db(), input({ email: "caller@example.com" }), { channel: "phone", now: NOW, takenBy: { staffId: staff.id, receivedAt: hoursAgo(1), backdateReason: "Call ran long" } });
    const after = await counts();
    expect(after).toEqual({ all: before.all + 1, phone: before.phone + 1, web: before.web, phoneInChart: before.phoneInChart + 1 });
  });
});
