import { eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { complaintEvents, outboxMessages } from "@/db/schema";
import { describeEachDatabase } from "@/test/databases";
import { CaseConflictError, CaseRuleError, ForbiddenError } from "../errors";
import { recordAgreement, recordSatisfaction } from "./agreement";
import { BlameLanguageError } from "./conversation-common";
import { addGoodwill } from "./goodwill";
import { askCustomerToAgree, proposeResolution } from "./resolution";
import { createComplaint, createStaff, reloadComplaint, type TestStaff } from "./test-fixture";

describeEachDatabase("resolution plan, goodwill and the customer's answer", ({ db }) => {
  let agent: TestStaff;
  let inactive: TestStaff;
  beforeAll(async () => {
    agent = await createStaff(db(), { role: "agent", name: "Alex Reed" });
    inactive = await createStaff(db(), { role: "agent", active: false });
  });

  const eventsOf = (id: string) => db().select().from(complaintEvents).where(eq(complaintEvents.complaintId, id)).orderBy(complaintEvents.id);
  const plan = { type: "replace", description: "We will send a new mug by courier.", source: "staff" } as const;

  it("records the plan, tells the customer and moves an investigating case to resolution proposed", async () => {
    const c = await createComplaint(db(), { values: { status: "investigating" } });
    const after = await proposeResolution(db(), agent, { complaintId: c.id, ...plan, minutesSpent: 12, expectedVersion: c.version });
    expect(after).toMatchObject({ status: "resolution_proposed", resolutionType: "replace", resolutionSource: "staff", minutesSpent: 12 });
    expect(after.resolutionDescription).toBe(plan.description);
    const events = await eventsOf(c.id);
    expect(events.map((e) => [e.type, e.visibility])).toEqual([
      ["resolution_proposed", "customer"],
      ["status_changed", "customer"],
    ]);
    expect(events[0]).toMatchObject({ body: plan.description, data: { type: "replace", source: "staff" }, actorId: agent.id });
    expect(events[1]!.data).toEqual({ from: "investigating", to: "resolution_proposed" });
  });

  it("records a revision as a new event without moving the status again", async () => {
    const c = await createComplaint(db(), { values: { status: "investigating" } });
    const first = await proposeResolution(db(), agent, { complaintId: c.id, ...plan, expectedVersion: c.version });
    const revised = await proposeResolution(db(), agent, {
      complaintId: c.id,
      type: "refund",
      description: "A full refund to your card.",
      source: "customer",
      expectedVersion: first.version,
    });
    expect(revised).toMatchObject({ status: "resolution_proposed", resolutionType: "refund", resolutionSource: "customer" });
    const proposals = (await eventsOf(c.id)).filter((e) => e.type === "resolution_proposed");
    expect(proposals.map((e) => e.data)).toEqual([{ type: "replace", source: "staff" }, { type: "refund", source: "customer", revised: true }]);
  });

  it("refuses invalid input, stale versions, blame wording, resolved cases and inactive accounts, writing nothing", async () => {
    const c = await createComplaint(db(), { values: { status: "investigating" } });
    const bad = proposeResolution(db(), agent, { complaintId: c.id, type: "replace", description: "ok", source: "staff", expectedVersion: c.version });
    await expect(bad).rejects.toMatchObject({ fieldErrors: { description: expect.stringContaining("few words") } });
    await expect(proposeResolution(db(), agent, { complaintId: c.id, ...plan, type: "bribe" as never, expectedVersion: c.version })).rejects.toBeInstanceOf(CaseRuleError);
    await expect(proposeResolution(db(), agent, { complaintId: c.id, ...plan, expectedVersion: c.version + 1 })).rejects.toBeInstanceOf(CaseConflictError);
    const blame = proposeResolution(db(), agent, { complaintId: c.id, ...plan, description: "Our installer messed up, so we will redo it.", expectedVersion: c.version });
    await expect(blame).rejects.toBeInstanceOf(BlameLanguageError);
    await expect(proposeResolution(db(), inactive, { complaintId: c.id, ...plan, expectedVersion: c.version })).rejects.toBeInstanceOf(ForbiddenError);
    const resolved = await createComplaint(db(), { values: { status: "resolved" } });
    await expect(proposeResolution(db(), agent, { complaintId: resolved.id, ...plan, expectedVersion: resolved.version })).rejects.toThrow(/Reopen/);
    expect(await eventsOf(c.id)).toHaveLength(0);
    expect((await reloadComplaint(db(), c.id)).version).toBe(c.version);
  });

  it("asks the customer to agree: awaiting customer, with the proposal email queued", async () => {
    const c = await createComplaint(db(), { values: { status: "investigating" } });
    const proposed = await proposeResolution(db(), agent, { complaintId: c.id, ...plan, expectedVersion: c.version });
    const asked = await askCustomerToAgree(db(), agent, { complaintId: c.id, message: "Reply on your page.", expectedVersion: proposed.version });
    expect(asked.status).toBe("awaiting_customer");
    const [email] = await db().select().from(outboxMessages).where(eq(outboxMessages.complaintId, c.id));
    expect(email).toMatchObject({ kind: "resolution_proposed" });
    expect(email!.textBody).toContain(plan.description);
    await expect(askCustomerToAgree(db(), agent, { complaintId: c.id, expectedVersion: asked.version })).rejects.toThrow(/already been asked/);
  });

  it("adds goodwill extras internally, totals their cost and optionally tells the customer", async () => {
    const c = await createComplaint(db(), { values: { status: "resolution_proposed", resolutionType: "replace", resolutionDescription: "New mug" } });
    const first = await addGoodwill(db(), agent, { complaintId: c.id, description: "Free delivery on the next order", cost: "£4.99", expectedVersion: c.version });
    const second = await addGoodwill(db(), agent, {
      complaintId: c.id,
      description: "A £25 voucher",
      cost: "25",
      tellCustomer: true,
      customerMessage: "We would also like to send you a £25 voucher.",
      expectedVersion: first.version,
    });
    expect(second).toMatchObject({ goodwillCostCents: 2999, goodwillDescription: "Free delivery on the next order; A £25 voucher" });
    const events = await eventsOf(c.id);
    expect(events.map((e) => [e.type, e.visibility])).toEqual([
      ["goodwill_added", "internal"],
      ["goodwill_added", "internal"],
      ["message", "customer"],
    ]);
    expect(events[1]!.data).toEqual({ description: "A £25 voucher", costCents: 2500 });
  });

  it("refuses a negative or too large goodwill cost with a message, writing nothing", async () => {
    const c = await createComplaint(db(), { values: { status: "investigating" } });
    const input = { complaintId: c.id, description: "Voucher", expectedVersion: c.version };
    await expect(addGoodwill(db(), agent, { ...input, cost: "-5" })).rejects.toMatchObject({ fieldErrors: { cost: "The cost cannot be negative." } });
    await expect(addGoodwill(db(), agent, { ...input, cost: "100001" })).rejects.toMatchObject({ fieldErrors: { cost: expect.stringContaining("more than") } });
    await expect(addGoodwill(db(), agent, { ...input, cost: "5", tellCustomer: true })).rejects.toMatchObject({ fieldErrors: { customerMessage: expect.any(String) } });
    await expect(addGoodwill(db(), inactive, { ...input, cost: "5" })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await eventsOf(c.id)).toHaveLength(0);
  });

  it("records a disagreement told to staff and sends the case back to investigating", async () => {
    const c = await createComplaint(db(), { values: { status: "awaiting_customer", resolutionType: "repair", resolutionDescription: "Repair the tap" } });
    await expect(recordAgreement(db(), agent, { complaintId: c.id, agreement: "disagreed", expectedVersion: c.version })).rejects.toMatchObject({
      fieldErrors: { reason: expect.any(String) },
    });
    const after = await recordAgreement(db(), agent, { complaintId: c.id, agreement: "disagreed", reason: "Wants a new tap, not a repair.", expectedVersion: c.version });
    expect(after).toMatchObject({ status: "investigating", customerAgreement: "disagreed" });
    const events = await eventsOf(c.id);
    expect(events.map((e) => [e.type, e.visibility])).toEqual([
      ["customer_disagreed", "internal"],
      ["status_changed", "customer"],
    ]);
    expect(events[0]).toMatchObject({ body: "Wants a new tap, not a repair.", data: { capturedBy: "staff" } });
  });

  it("records agreement and satisfaction without moving the status; refuses before a plan exists", async () => {
    const c = await createComplaint(db(), { values: { status: "resolved", resolutionType: "repair", resolutionDescription: "Repair the tap" } });
    const agreed = await recordAgreement(db(), agent, { complaintId: c.id, agreement: "agreed", expectedVersion: c.version });
    expect(agreed).toMatchObject({ status: "resolved", customerAgreement: "agreed" });
    const rated = await recordSatisfaction(db(), agent, { complaintId: c.id, rating: "4", comment: "Quick, but it took two visits.", expectedVersion: agreed.version });
    expect(rated).toMatchObject({ satisfaction: 4, satisfactionComment: "Quick, but it took two visits." });
    const last = (await eventsOf(c.id)).at(-1)!;
    expect(last).toMatchObject({ type: "satisfaction_rated", visibility: "internal", data: { rating: 4, capturedBy: "staff" } });
    await expect(recordSatisfaction(db(), agent, { complaintId: c.id, rating: 6, expectedVersion: rated.version })).rejects.toMatchObject({ fieldErrors: { rating: expect.any(String) } });

    const early = await createComplaint(db(), { values: { status: "investigating" } });
    await expect(recordAgreement(db(), agent, { complaintId: early.id, agreement: "agreed", expectedVersion: early.version })).rejects.toThrow(/plan first/);
    await expect(recordSatisfaction(db(), inactive, { complaintId: c.id, rating: 3, expectedVersion: rated.version })).rejects.toBeInstanceOf(ForbiddenError);
  });
});
