import { eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { complaints, staffUsers } from "@/db/schema";
import { logCall } from "@/lib/cases/actions/call";
import { fileComplaint } from "@/lib/complaints/intake";
import { parseIntake } from "@/lib/complaints/intake-schema";
import { describeEachDatabase } from "@/test/databases";
import { whenPhrase } from "./describe";
import { countDueForStaff, getDueForStaff, type DueViewer } from "./due";

// Noon in London (the default business time zone), and the next morning.
const NOW = new Date("2026-03-10T12:00:00Z");
const NEXT_DAY = new Date("2026-03-11T09:00:00Z");

function intake(name: string, contact: { email?: string; phone?: string }) {
  const parsed = parseIntake({
    name,
    email: contact.email ?? "",
    phone: contact.phone ?? "",
    preferredContact: contact.email ? "email" : "phone",
    processId: "not_sure",
    description: "Rang to say the engineer never came and nobody called.",
  });
  if (parsed.kind !== "valid") throw new Error(JSON.stringify(parsed));
  return parsed.data;
}

describeEachDatabase("What's due: call to confirm a complaint taken down for a customer with no email", ({ db }) => {
  let ada: DueViewer;
  let bob: DueViewer;
  let sue: DueViewer;
  let reference: string;
  let complaintId: string;

  const calls = async (viewer: DueViewer, now = NOW) => (await getDueForStaff(db(), viewer, now)).items.filter((i) => i.kind === "call_to_confirm");

  beforeAll(async () => {
    const staff = async (name: string, role: DueViewer["role"]) => {
      const [row] = await db().insert(staffUsers).values({ email: `${name}@harbour.test`, name, role, passwordHash: "x" }).returning();
      return { id: row!.id, role };
    };
    ada = await staff("ada", "agent");
    bob = await staff("bob", "agent");
    sue = await staff("sue", "supervisor");
    const filed = await fileComplaint(db(), intake("Pat Phone", { phone: "020 7946 0999" }), { channel: "phone", now: NOW, takenBy: { staffId: ada.id } });
    reference = filed.reference;
    const [row] = await db().select({ id: complaints.id }).from(complaints).where(eq(complaints.reference, reference));
    complaintId = row!.id;
    // No task: a customer with an email got the acknowledgement; a customer who used the web form saw the reference on screen;
    // a closed case needs nothing more.
    await fileComplaint(db(), intake("Erin Email", { email: "erin@example.com" }), { channel: "phone", now: NOW, takenBy: { staffId: ada.id } });
    await fileComplaint(db(), intake("Wendy Web", { phone: "020 7946 0111" }), { channel: "web", now: NOW });
    const closed = await fileComplaint(db(), intake("Carl Closed", { phone: "020 7946 0222" }), { channel: "letter", now: NOW, takenBy: { staffId: ada.id } });
    await db().update(complaints).set({ status: "closed" }).where(eq(complaints.reference, closed.reference));
  });

  it("is due today for whoever took it down while the case is unassigned, with the name and the reference to read out, and counted in the badge", async () => {
    const [item] = await calls(ada);
    expect(await calls(ada)).toHaveLength(1);
    expect(item).toMatchObject({
      key: `call_to_confirm:${complaintId}`,
      reference,
      customerName: "Pat Phone",
      unassigned: true,
      overdue: false,
      detail: `Call Pat Phone to confirm the complaint and read out the reference ${reference}`,
    });
    expect(whenPhrase(item!, NOW, "Europe/London")).toBe("due today");
    expect(await countDueForStaff(db(), ada, NOW)).toEqual({ total: 1, overdue: 0, today: 1, waiting: 0 });
    // Another agent does not see it; a supervisor sees it as every unassigned case.
    expect(await calls(bob)).toHaveLength(0);
    expect(await countDueForStaff(db(), bob, NOW)).toEqual({ total: 0, overdue: 0, today: 0, waiting: 0 });
    expect((await calls(sue)).map((i) => i.reference)).toEqual([reference]);
  });

  it("moves to the assignee once the case is assigned, and is overdue the next day", async () => {
    await db().update(complaints).set({ assigneeId: bob.id }).where(eq(complaints.id, complaintId));
    expect(await calls(ada)).toHaveLength(0);
    expect(await calls(sue)).toHaveLength(0);
    const [item] = await calls(bob, NEXT_DAY);
    expect(item).toMatchObject({ reference, overdue: true, unassigned: false });
    expect(whenPhrase(item!, NEXT_DAY, "Europe/London")).toBe("1 day overdue");
    // The badge agrees with the list.
    expect(await countDueForStaff(db(), bob, NEXT_DAY)).toEqual({ total: 1, overdue: 1, today: 0, waiting: 0 });
  });

  it("disappears once a call with the customer is logged on the case", async () => {
    await logCall(db(), bob, { complaintId, direction: "outbound", durationMinutes: 4, summary: "Read out the reference; they confirmed the complaint." });
    expect(await calls(bob, NEXT_DAY)).toHaveLength(0);
    expect((await countDueForStaff(db(), bob, NOW)).today).toBe(0);
  });
});
