import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { complaintEvents, processes, rootCauses } from "@/db/schema";
import { describeEachDatabase } from "@/test/databases";
import { type CaseRuleError, ForbiddenError } from "../errors";
import { confirmFault } from "./confirm-fault";
import { setRootCause } from "./root-cause";
import { createComplaint, createStaff, reloadComplaint } from "./test-fixture";

describeEachDatabase("root cause and fault confirmation", ({ db }) => {
  let n = 0;
  async function taxonomy(options: { archived?: boolean } = {}) {
    n += 1;
    const archivedAt = options.archived ? new Date() : null;
    const [process] = await db().insert(processes).values({ name: `Installation ${n}`, archivedAt }).returning();
    const [cause] = await db().insert(rootCauses).values({ name: `Rushed job ${n}`, defaultFault: "service", archivedAt }).returning();
    return { processId: process!.id, rootCauseId: cause!.id };
  }

  it("sets process, root cause, fault and the responsible colleague", async () => {
    const agent = await createStaff(db());
    const fitter = await createStaff(db(), { name: "Sam Fitter" });
    const c = await createComplaint(db());
    const ids = await taxonomy();
    const { complaint, confirmationCleared } = await setRootCause(db(), agent, {
      complaintId: c.id,
      expectedVersion: c.version,
      ...ids,
      faultAttribution: "service",
      responsibleStaffId: fitter.id,
    });
    expect(confirmationCleared).toBe(false);
    expect(complaint).toMatchObject({ ...ids, faultAttribution: "service", responsibleStaffId: fitter.id });
    const [event] = await db().select().from(complaintEvents).where(eq(complaintEvents.complaintId, c.id));
    expect(event).toMatchObject({ type: "root_cause_set", visibility: "internal", minutesSpent: 5 });
    expect(event!.data).toMatchObject({ ...ids, faultAttribution: "service", responsibleStaffId: fitter.id, responsibleStaffName: "Sam Fitter" });
  });

  it("refuses archived options, unknown staff, and a responsible colleague when the fault is not the service's", async () => {
    const agent = await createStaff(db());
    const c = await createComplaint(db());
    const archived = await taxonomy({ archived: true });
    const first = (await setRootCause(db(), agent, { complaintId: c.id, expectedVersion: c.version, ...archived, faultAttribution: "customer" }).catch(
      (e: unknown) => e,
    )) as CaseRuleError;
    expect(first.fieldErrors).toEqual({ processId: "Choose a process from the list.", rootCauseId: "Choose a root cause from the list." });
    const ids = await taxonomy();
    const second = (await setRootCause(db(), agent, {
      complaintId: c.id,
      expectedVersion: c.version,
      ...ids,
      faultAttribution: "customer",
      responsibleStaffId: agent.id,
    }).catch((e: unknown) => e)) as CaseRuleError;
    expect(second.fieldErrors).toEqual({ responsibleStaffId: "Name a staff member only when the fault is the service's." });
    expect((await reloadComplaint(db(), c.id)).version).toBe(c.version);
  });

  it("only supervisors and owners confirm the fault, once it is set", async () => {
    const agent = await createStaff(db());
    const supervisor = await createStaff(db(), { role: "supervisor" });
    const owner = await createStaff(db(), { role: "owner" });
    const c = await createComplaint(db());
    await expect(confirmFault(db(), supervisor, { complaintId: c.id, expectedVersion: c.version })).rejects.toThrow(
      "Set the fault attribution (under Root cause) before confirming it.",
    );
    const { complaint } = await setRootCause(db(), agent, { complaintId: c.id, expectedVersion: c.version, ...(await taxonomy()), faultAttribution: "service" });
    await expect(confirmFault(db(), agent, { complaintId: c.id, expectedVersion: complaint.version })).rejects.toBeInstanceOf(ForbiddenError);
    const confirmed = await confirmFault(db(), supervisor, { complaintId: c.id, expectedVersion: complaint.version });
    expect(confirmed.faultConfirmedById).toBe(supervisor.id);
    expect(confirmed.faultConfirmedAt).not.toBeNull();
    await expect(confirmFault(db(), owner, { complaintId: c.id, expectedVersion: confirmed.version })).rejects.toThrow("The fault is already confirmed.");

    const other = await createComplaint(db(), { values: { faultAttribution: "customer" } });
    expect((await confirmFault(db(), owner, { complaintId: other.id, expectedVersion: other.version })).faultConfirmedById).toBe(owner.id);
  });

  it("changing the fault after confirmation withdraws the confirmation; other changes keep it", async () => {
    const supervisor = await createStaff(db(), { role: "supervisor" });
    const agent = await createStaff(db());
    const ids = await taxonomy();
    const c = await createComplaint(db(), { values: { ...ids, faultAttribution: "service", faultConfirmedAt: new Date(), faultConfirmedById: supervisor.id } });
    const other = await taxonomy();
    const kept = await setRootCause(db(), agent, { complaintId: c.id, expectedVersion: c.version, ...other, faultAttribution: "service" });
    expect(kept.confirmationCleared).toBe(false);
    expect(kept.complaint.faultConfirmedAt).not.toBeNull();
    const cleared = await setRootCause(db(), agent, { complaintId: c.id, expectedVersion: kept.complaint.version, ...other, faultAttribution: "external" });
    expect(cleared.confirmationCleared).toBe(true);
    expect(cleared.complaint).toMatchObject({ faultAttribution: "external", faultConfirmedAt: null, faultConfirmedById: null });
    await expect(
      setRootCause(db(), agent, { complaintId: c.id, expectedVersion: cleared.complaint.version, ...other, faultAttribution: "external" }),
    ).rejects.toThrow("These are already the case's process, root cause and fault.");
  });
});
