import { expect, it } from "vitest";
import { attachments, complaintEvents, complaints, customers, staffUsers } from "@/db/schema";
import { describeEachDatabase } from "@/test/databases";
import { getCaseAttachment, getCaseDetail } from "./detail";

describeEachDatabase("case detail", ({ db }) => {
  async function fileCase(reference: string, fileName: string) {
    const [customer] = await db()
      .insert(customers)
      .values({ name: `Customer ${reference}`, email: `${reference}@example.com`, emailNormalized: `${reference.toLowerCase()}@example.com` })
      .returning();
    const [complaint] = await db()
      .insert(complaints)
      .values({ reference, trackingTokenHash: `hash-${reference}`, customerId: customer!.id, description: "The fridge stopped cooling." })
      .returning();
    const [file] = await db()
      .insert(attachments)
      .values({ complaintId: complaint!.id, fileName, contentType: "image/png", sizeBytes: 3, sha256: "x", content: Buffer.from([1, 2, 3]) })
      .returning({ id: attachments.id });
    return { complaint: complaint!, attachmentId: file!.id };
  }

  it("returns the case with its customer, attachments and timeline in order", async () => {
    const { complaint } = await fileCase("CR-2345-6789", "photo.png");
    const [agent] = await db().insert(staffUsers).values({ name: "Ann Agent", email: "ann@example.com", passwordHash: "x" }).returning();
    await db().insert(complaintEvents).values([
      { complaintId: complaint.id, type: "filed", visibility: "customer", actorKind: "customer", body: "The fridge stopped cooling.", createdAt: new Date("2026-01-01T10:00:00Z") },
      { complaintId: complaint.id, type: "note", visibility: "internal", actorKind: "staff", actorId: agent!.id, body: "Checked the warranty.", createdAt: new Date("2026-01-01T11:00:00Z") },
    ]);

    const detail = await getCaseDetail(db(), "cr 2345 6789");
    expect(detail?.complaint.reference).toBe("CR-2345-6789");
    expect(detail?.customer.name).toBe("Customer CR-2345-6789");
    expect(detail?.attachments.map((a) => a.fileName)).toEqual(["photo.png"]);
    expect(detail?.timeline.map((e) => [e.type, e.visibility, e.actorName])).toEqual([
      ["filed", "customer", null],
      ["note", "internal", "Ann Agent"],
    ]);
  });

  it("returns null for an unknown or malformed reference", async () => {
    expect(await getCaseDetail(db(), "CR-9999-9999")).toBeNull();
    expect(await getCaseDetail(db(), "'; drop table complaints; --")).toBeNull();
  });

  it("serves an attachment only through the case it belongs to", async () => {
    const first = await fileCase("CR-3456-789A", "first.png");
    const second = await fileCase("CR-4567-89AB", "second.png");
    const file = await getCaseAttachment(db(), "CR-3456-789A", first.attachmentId);
    expect(file?.fileName).toBe("first.png");
    expect(Buffer.from(file!.content)).toEqual(Buffer.from([1, 2, 3]));
    expect(await getCaseAttachment(db(), "CR-3456-789A", second.attachmentId)).toBeNull();
    expect(await getCaseAttachment(db(), "CR-3456-789A", "not-a-uuid")).toBeNull();
  });
});
