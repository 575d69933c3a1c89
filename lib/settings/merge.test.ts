import { eq, sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { queryRows } from "@/db/client";
import { auditLog, complaints, correctiveActions, processes, rootCauses } from "@/db/schema";
import { createStaff } from "@/lib/cases/actions/test-fixture";
import { ForbiddenError } from "@/lib/cases/errors";
import { cfpbExcerpt } from "@/lib/import/fixtures";
import { runImport } from "@/lib/import/run";
import { describeEachDatabase } from "@/test/databases";
import { SettingsRuleError, type SettingsActor } from "./access";
import { mergeTaxonomy } from "./merge";
import { createProcess, listActiveProcesses } from "./processes";
import { createRootCause } from "./root-causes";
import { fileComplaint, supervisor } from "./test-helpers";

const NOW = new Date("2026-03-01T12:00:00Z");

describeEachDatabase("merging processes and root causes", ({ db }) => {
  let owner: SettingsActor;
  beforeAll(async () => {
    const staff = await createStaff(db(), { role: "owner" });
    owner = { id: staff.id, role: "owner" };
  });

  const complaintsUnder = async (column: "process_id" | "root_cause_id", id: string) =>
    ((await queryRows<{ n: number }>(db(), sql`select count(*)::int as n from complaints where ${sql.raw(column)} = ${id}::uuid`))[0]!.n);

  it("relabels every complaint of an imported process to the owner's own, removes it, and audits the merge", async () => {
    const billing = await createProcess(db(), owner, { name: "Billing" });
    await fileComplaint(db(), { processId: billing.id });
    const outcome = await runImport(db(), cfpbExcerpt(), { prefix: "cfpb", now: NOW });
    expect(outcome.kind).toBe("imported");
    // The import created its processes off the form: only Billing is offered.
    expect((await listActiveProcesses(db())).map((p) => p.name)).toEqual(["Billing"]);
    const [imported] = await db().select().from(processes).where(sql`${processes.archivedAt} is not null`).orderBy(processes.name).limit(1);
    const importedComplaints = await complaintsUnder("process_id", imported!.id);
    expect(importedComplaints).toBeGreaterThan(0);
    const [one] = await db().select({ id: complaints.id, version: complaints.version }).from(complaints).where(eq(complaints.processId, imported!.id)).limit(1);

    const result = await mergeTaxonomy(db(), owner, "process", { from: imported!.id, into: billing.id, confirm: "yes" });
    expect(result).toEqual({ fromName: imported!.name, intoName: "Billing", complaints: importedComplaints, actions: 0 });
    expect(await complaintsUnder("process_id", billing.id)).toBe(importedComplaints + 1);
    expect(await complaintsUnder("process_id", imported!.id)).toBe(0);
    expect(await db().select().from(processes).where(eq(processes.id, imported!.id))).toEqual([]);
    // Anyone editing one of those cases from before the merge must reload first.
    expect(await db().select({ version: complaints.version }).from(complaints).where(eq(complaints.id, one!.id))).toEqual([{ version: one!.version + 1 }]);
    const [entry] = await db().select().from(auditLog).where(eq(auditLog.action, "process.merged"));
    expect(entry).toMatchObject({ staffId: owner.id, subjectType: "process", subjectId: billing.id });
    expect(entry!.detail).toEqual({ merged: imported!.name, mergedId: imported!.id, into: "Billing", complaints: importedComplaints, correctiveActions: 0 });
  }, 120_000);

  it("relabels a root cause's complaints and corrective actions", async () => {
    const late = await createRootCause(db(), owner, { name: "Late courier", defaultFault: "service" });
    const slow = await createRootCause(db(), owner, { name: "Slow courier", defaultFault: "service" });
    await fileComplaint(db(), { rootCauseId: slow.id });
    await fileComplaint(db(), { rootCauseId: slow.id });
    await fileComplaint(db(), { rootCauseId: late.id });
    await db().insert(correctiveActions).values({ title: "Change courier", rootCauseId: slow.id, ownerId: owner.id, dueOn: "2026-04-01", createdById: owner.id });
    const result = await mergeTaxonomy(db(), owner, "root cause", { from: slow.id, into: late.id, confirm: "yes" });
    expect(result).toEqual({ fromName: "Slow courier", intoName: "Late courier", complaints: 2, actions: 1 });
    expect(await complaintsUnder("root_cause_id", late.id)).toBe(3);
    expect(await db().select({ id: rootCauses.id }).from(rootCauses).where(eq(rootCauses.id, slow.id))).toEqual([]);
    expect((await db().select({ r: correctiveActions.rootCauseId }).from(correctiveActions)).map((a) => a.r)).toEqual([late.id]);
    expect(await db().select().from(auditLog).where(eq(auditLog.action, "root_cause.merged"))).toHaveLength(1);
  });

  it("refuses without confirmation, into itself, an unknown one, and for anyone but an owner; nothing changes", async () => {
    const a = await createProcess(db(), owner, { name: "Returns" });
    const b = await createProcess(db(), owner, { name: "Refunds" });
    await fileComplaint(db(), { processId: a.id });
    const refused = async (p: Promise<unknown>) => {
      const error = await p.then(() => null, (e: unknown) => e);
      expect(error).toBeInstanceOf(SettingsRuleError);
      return error as SettingsRuleError;
    };
    expect((await refused(mergeTaxonomy(db(), owner, "process", { from: a.id, into: b.id, confirm: "" }))).fieldErrors).toHaveProperty("confirm");
    expect((await refused(mergeTaxonomy(db(), owner, "process", { from: a.id, into: a.id, confirm: "yes" }))).message).toBe("A process cannot be merged into itself.");
    expect((await refused(mergeTaxonomy(db(), owner, "process", { from: "nope", into: b.id, confirm: "yes" }))).fieldErrors).toHaveProperty("from");
    expect((await refused(mergeTaxonomy(db(), owner, "process", { from: "00000000-0000-4000-8000-0000000000aa", into: b.id, confirm: "yes" }))).message).toMatch(/no longer exists/);
    await expect(mergeTaxonomy(db(), supervisor, "process", { from: a.id, into: b.id, confirm: "yes" })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await complaintsUnder("process_id", a.id)).toBe(1);
    expect(await db().select({ n: sql<number>`count(*)::int` }).from(complaints).where(eq(complaints.processId, b.id))).toEqual([{ n: 0 }]);
  });
});
