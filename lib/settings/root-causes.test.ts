import { expect, it } from "vitest";
import { ForbiddenError } from "@/lib/cases/errors";
import { describeEachDatabase } from "@/test/databases";
import { SettingsRuleError } from "./access";
import {
  createRootCause,
  deleteRootCause,
  listActiveRootCauses,
  listRootCausesWithUsage,
  setRootCauseArchived,
  updateRootCause,
} from "./root-causes";
import { agent, fileComplaint, owner, supervisor } from "./test-helpers";

async function refusal(promise: Promise<unknown>): Promise<SettingsRuleError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(SettingsRuleError);
  return error as SettingsRuleError;
}

describeEachDatabase("root causes", ({ db }) => {
  it("lets an owner add root causes with a default fault, listed alphabetically", async () => {
    await createRootCause(db(), owner, { name: "Wrong address given", defaultFault: "customer" });
    const rude = await createRootCause(db(), owner, { name: "Staff rude", description: " On the phone ", defaultFault: "service" });
    expect(rude).toMatchObject({ name: "Staff rude", description: "On the phone", defaultFault: "service" });
    expect((await listActiveRootCauses(db())).map((r) => [r.name, r.defaultFault])).toEqual([
      ["Staff rude", "service"],
      ["Wrong address given", "customer"],
    ]);
  });

  it("refuses agents and supervisors", async () => {
    const [rude] = await listActiveRootCauses(db());
    await expect(createRootCause(db(), agent, { name: "Weather", defaultFault: "external" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(updateRootCause(db(), supervisor, rude!.id, { name: "Rude", defaultFault: "service" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(setRootCauseArchived(db(), agent, rude!.id, true)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(deleteRootCause(db(), supervisor, rude!.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listRootCausesWithUsage(db(), agent)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("refuses a duplicate name and an unknown fault", async () => {
    expect((await refusal(createRootCause(db(), owner, { name: "STAFF  RUDE", defaultFault: "service" }))).message).toBe(
      "A root cause called “Staff rude” already exists",
    );
    const error = await refusal(createRootCause(db(), owner, { name: "Weather", defaultFault: "nobody" as "external" }));
    expect(error.fieldErrors).toEqual({ defaultFault: "Choose who is usually at fault: service, customer, external or undetermined" });
  });

  it("edits the name, description and default fault", async () => {
    const [rude] = await listActiveRootCauses(db());
    const updated = await updateRootCause(db(), owner, rude!.id, { name: "Staff were rude", description: "", defaultFault: "undetermined" });
    expect(updated).toMatchObject({ name: "Staff were rude", description: null, defaultFault: "undetermined" });
  });

  it("archives one in use, counts its complaints, and never deletes it", async () => {
    const [rude, address] = await listActiveRootCauses(db());
    await fileComplaint(db(), { rootCauseId: rude!.id });
    await setRootCauseArchived(db(), owner, rude!.id, true);
    expect((await listActiveRootCauses(db())).map((r) => r.id)).toEqual([address!.id]);

    const list = await listRootCausesWithUsage(db(), owner);
    expect(list.active.map((r) => [r.name, r.complaintCount])).toEqual([["Wrong address given", 0]]);
    expect(list.archived.map((r) => [r.name, r.complaintCount])).toEqual([["Staff were rude", 1]]);
    expect((await refusal(deleteRootCause(db(), owner, rude!.id))).message).toMatch(/^“Staff were rude” cannot be deleted because 1 complaint uses it/);
  });

  it("unarchives, and deletes one nothing uses", async () => {
    const { active, archived } = await listRootCausesWithUsage(db(), owner);
    await setRootCauseArchived(db(), owner, archived[0]!.id, false);
    await deleteRootCause(db(), owner, active[0]!.id);
    expect((await listActiveRootCauses(db())).map((r) => r.name)).toEqual(["Staff were rude"]);
  });
});
