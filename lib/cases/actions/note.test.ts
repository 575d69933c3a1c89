import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { complaintEvents } from "@/db/schema";
import { describeEachDatabase } from "@/test/databases";
import { ForbiddenError } from "../errors";
import { addNote } from "./note";
import { createComplaint, createStaff, reloadComplaint } from "./test-fixture";

describeEachDatabase("addNote", ({ db }) => {
  it("adds an internal note without counting as a response to the customer", async () => {
    const agent = await createStaff(db());
    const complaint = await createComplaint(db());
    await addNote(db(), agent, { complaintId: complaint.id, text: "Customer sounded upset; call back before noon.", minutesSpent: 3 });
    const after = await reloadComplaint(db(), complaint.id);
    expect(after.minutesSpent).toBe(3);
    expect(after.firstResponseAt).toBeNull();
    const [event] = await db().select().from(complaintEvents).where(eq(complaintEvents.complaintId, complaint.id));
    expect(event).toMatchObject({ type: "note", visibility: "internal", actorId: agent.id, body: "Customer sounded upset; call back before noon." });
  });

  it("never conflicts, whatever changed meanwhile", async () => {
    const agent = await createStaff(db());
    const complaint = await createComplaint(db());
    await addNote(db(), agent, { complaintId: complaint.id, text: "One" });
    await addNote(db(), agent, { complaintId: complaint.id, text: "Two" });
    expect((await reloadComplaint(db(), complaint.id)).version).toBe(complaint.version + 2);
  });

  it("checks the text, the minutes and the account", async () => {
    const complaint = await createComplaint(db());
    const agent = await createStaff(db());
    await expect(addNote(db(), agent, { complaintId: complaint.id, text: "" })).rejects.toMatchObject({ fieldErrors: { text: "Write the note before adding it." } });
    await expect(addNote(db(), agent, { complaintId: complaint.id, text: "x", minutesSpent: 2000 })).rejects.toMatchObject({
      fieldErrors: { minutesSpent: expect.stringContaining("1440") },
    });
    await expect(addNote(db(), await createStaff(db(), { active: false }), { complaintId: complaint.id, text: "x" })).rejects.toBeInstanceOf(ForbiddenError);
  });
});
