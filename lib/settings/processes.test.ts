import { expect, it } from "vitest";
import { ForbiddenError } from "@/lib/cases/errors";
import { describeEachDatabase } from "@/test/databases";
import { SettingsRuleError } from "./access";
import {
  createProcess,
  deleteProcess,
  listActiveProcesses,
  listProcessesWithUsage,
  moveProcess,
  setProcessArchived,
  updateProcess,
} from "./processes";
import { agent, fileComplaint, owner, supervisor } from "./test-helpers";

async function refusal(promise: Promise<unknown>): Promise<SettingsRuleError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(SettingsRuleError);
  return error as SettingsRuleError;
}

describeEachDatabase("processes", ({ db }) => {
  it("lets an owner add processes, each at the end of the list", async () => {
    const billing = await createProcess(db(), owner, { name: "  Billing ", description: "Invoices and payments" });
    expect(billing).toMatchObject({ name: "Billing", description: "Invoices and payments", archivedAt: null });
    await createProcess(db(), owner, { name: "Delivery", description: "" });
    expect((await listActiveProcesses(db())).map((p) => [p.name, p.description])).toEqual([
      ["Billing", "Invoices and payments"],
      ["Delivery", null],
    ]);
  });

  it("refuses agents and supervisors, for reading the usage list too", async () => {
    const [billing] = await listActiveProcesses(db());
    await expect(createProcess(db(), agent, { name: "Returns" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(updateProcess(db(), supervisor, billing!.id, { name: "Money" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(setProcessArchived(db(), supervisor, billing!.id, true)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(deleteProcess(db(), agent, billing!.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(moveProcess(db(), agent, billing!.id, "down")).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listProcessesWithUsage(db(), supervisor)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("refuses a name already taken, whatever its case and spacing", async () => {
    const error = await refusal(createProcess(db(), owner, { name: "billing" }));
    expect(error.message).toBe("A process called “Billing” already exists");
    expect(error.fieldErrors).toEqual({ name: "A process called “Billing” already exists" });
    const [, delivery] = await listActiveProcesses(db());
    expect((await refusal(updateProcess(db(), owner, delivery!.id, { name: "BILLING" }))).message).toBe("A process called “Billing” already exists");
  });

  it("renames, including a change of case only", async () => {
    const [billing] = await listActiveProcesses(db());
    expect((await updateProcess(db(), owner, billing!.id, { name: "BILLING", description: "Charges" })).name).toBe("BILLING");
    expect((await updateProcess(db(), owner, billing!.id, { name: "Billing & payments" })).description).toBeNull();
  });

  it("validates names and descriptions", async () => {
    expect((await refusal(createProcess(db(), owner, { name: "   " }))).fieldErrors).toEqual({ name: "Enter a name for the process" });
    expect((await refusal(createProcess(db(), owner, { name: "x".repeat(81), description: "y".repeat(501) }))).fieldErrors).toEqual({
      name: "Names must be at most 80 characters",
      description: "Descriptions must be at most 500 characters",
    });
    await expect(updateProcess(db(), owner, "not-an-id", { name: "Returns" })).rejects.toThrow("That process no longer exists");
  });

  it("counts complaints per process and archives one in use, keeping it on its complaints", async () => {
    const [billing, delivery] = await listActiveProcesses(db());
    await fileComplaint(db(), { processId: billing!.id });
    await fileComplaint(db(), { processId: billing!.id });

    const archived = await setProcessArchived(db(), owner, billing!.id, true);
    expect(archived.archivedAt).toBeInstanceOf(Date);
    expect((await listActiveProcesses(db())).map((p) => p.id)).toEqual([delivery!.id]);

    const list = await listProcessesWithUsage(db(), owner);
    expect(list.active.map((p) => [p.name, p.complaintCount])).toEqual([["Delivery", 0]]);
    expect(list.archived.map((p) => [p.name, p.complaintCount])).toEqual([["Billing & payments", 2]]);
  });

  it("never deletes a process in use", async () => {
    const { archived } = await listProcessesWithUsage(db(), owner);
    const error = await refusal(deleteProcess(db(), owner, archived[0]!.id));
    expect(error.message).toBe(
      "“Billing & payments” cannot be deleted because 2 complaints use it. Archive it instead: it leaves the pick lists and stays on those complaints.",
    );
  });

  it("unarchives, and deletes a process nothing uses", async () => {
    const { active, archived } = await listProcessesWithUsage(db(), owner);
    await setProcessArchived(db(), owner, archived[0]!.id, false);
    expect(await listActiveProcesses(db())).toHaveLength(2);
    await deleteProcess(db(), owner, active[0]!.id);
    expect((await listActiveProcesses(db())).map((p) => p.name)).toEqual(["Billing & payments"]);
    await expect(deleteProcess(db(), owner, active[0]!.id)).rejects.toThrow("That process no longer exists");
  });

  it("moves a process up and down the list", async () => {
    await createProcess(db(), owner, { name: "Returns" });
    await createProcess(db(), owner, { name: "Repairs" });
    const names = async () => (await listActiveProcesses(db())).map((p) => p.name);
    const [, , repairs] = await listActiveProcesses(db());
    await moveProcess(db(), owner, repairs!.id, "up");
    expect(await names()).toEqual(["Billing & payments", "Repairs", "Returns"]);
    await moveProcess(db(), owner, repairs!.id, "up");
    await moveProcess(db(), owner, repairs!.id, "up");
    expect(await names()).toEqual(["Repairs", "Billing & payments", "Returns"]);
    await moveProcess(db(), owner, repairs!.id, "down");
    expect(await names()).toEqual(["Billing & payments", "Repairs", "Returns"]);
  });
});
