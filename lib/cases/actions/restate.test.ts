import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { complaintEvents } from "@/db/schema";
import { describeEachDatabase } from "@/test/databases";
import { CaseConflictError, ForbiddenError } from "../errors";
import { BlameLanguageError } from "./conversation-common";
import { restateComplaint, restatementText } from "./restate";
import { createComplaint, createStaff, reloadComplaint } from "./test-fixture";

describe("restatementText", () => {
  it("numbers the issues and asks the customer to confirm", () => {
    expect(restatementText(["The tap drips", "Nobody called back"], "Thank you for your patience.")).toBe(
      "Thank you for your patience.\n\nIf we have understood correctly, your complaint is about:\n1. The tap drips\n2. Nobody called back\n\nPlease confirm this is right, or tell us what we have missed or got wrong, on your case page.",
    );
  });
});

describeEachDatabase("restateComplaint", ({ db }) => {
  it("records the issues, drops blank rows and shows it to the customer", async () => {
    const agent = await createStaff(db());
    const complaint = await createComplaint(db());
    await restateComplaint(db(), agent, { complaintId: complaint.id, issues: [" The tap drips ", "", "  ", "Nobody came back"], minutesSpent: 6, expectedVersion: complaint.version });
    const [event] = await db().select().from(complaintEvents).where(eq(complaintEvents.complaintId, complaint.id));
    expect(event).toMatchObject({ type: "restated", visibility: "customer", minutesSpent: 6, data: { issues: ["The tap drips", "Nobody came back"] } });
    expect(event?.body).toContain("If we have understood correctly");
    const after = await reloadComplaint(db(), complaint.id);
    expect(after.firstResponseAt).not.toBeNull();
    expect(after.minutesSpent).toBe(6);
  });

  it("validates the list", async () => {
    const agent = await createStaff(db());
    const complaint = await createComplaint(db());
    const restate = (issues: string[]) => restateComplaint(db(), agent, { complaintId: complaint.id, issues, expectedVersion: complaint.version });
    await expect(restate(["", " "])).rejects.toMatchObject({ fieldErrors: { issues: "List at least one issue as you understood it." } });
    await expect(restate(["ok"])).rejects.toMatchObject({ fieldErrors: { "issues.0": "Each issue needs at least 3 characters." } });
    await expect(restate(["y".repeat(301)])).rejects.toMatchObject({ fieldErrors: { "issues.0": "Keep each issue under 300 characters." } });
    await expect(restate(Array.from({ length: 11 }, (_, i) => `Issue number ${i}`))).rejects.toMatchObject({
      fieldErrors: { issues: "List at most 10 issues; combine related ones." },
    });
  });

  it("checks blame, version and account", async () => {
    const agent = await createStaff(db());
    const complaint = await createComplaint(db());
    await expect(
      restateComplaint(db(), agent, { complaintId: complaint.id, issues: ["Our fitter made a mess of the job"], expectedVersion: complaint.version }),
    ).rejects.toBeInstanceOf(BlameLanguageError);
    await expect(restateComplaint(db(), agent, { complaintId: complaint.id, issues: ["The tap drips"], expectedVersion: complaint.version + 1 })).rejects.toBeInstanceOf(
      CaseConflictError,
    );
    const gone = await createStaff(db(), { active: false });
    await expect(restateComplaint(db(), gone, { complaintId: complaint.id, issues: ["The tap drips"], expectedVersion: complaint.version })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
  });
});
