import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { auditLog, processes } from "@/db/schema";
import { createStaff } from "@/lib/cases/actions/test-fixture";
import { ForbiddenError } from "@/lib/cases/errors";
import { describeEachDatabase } from "@/test/databases";
import type { SettingsActor } from "./access";
import { listProcessVolumes, saveProcessVolume } from "./volumes";

describeEachDatabase("work volumes per process and month", ({ db }) => {
  let owner: SettingsActor;
  let agent: SettingsActor;
  let processId: string;

  beforeAll(async () => {
    owner = await createStaff(db(), { role: "owner" });
    agent = await createStaff(db(), { role: "agent" });
    [{ id: processId }] = (await db().insert(processes).values({ name: `Fitting ${randomBytes(4).toString("hex")}` }).returning({ id: processes.id })) as [{ id: string }];
  });

  it("saves a month's units, replaces them when saved again, and audits each change", async () => {
    await saveProcessVolume(db(), owner, { processId, month: "2026-03", units: "1,200" });
    await saveProcessVolume(db(), owner, { processId, month: "2026-03", units: "1500" });
    expect(await listProcessVolumes(db(), processId)).toEqual([expect.objectContaining({ month: "2026-03-01", units: 1500 })]);
    const audits = await db().select().from(auditLog).where(and(eq(auditLog.action, "process.volume_saved"), eq(auditLog.subjectId, processId)));
    expect(audits.map((a) => a.detail)).toEqual(expect.arrayContaining([{ month: "2026-03-01", units: 1200 }, { month: "2026-03-01", units: 1500 }]));
  });

  it("refuses bad input with a specific message per field, and non-owners", async () => {
    await expect(saveProcessVolume(db(), owner, { processId: "nope", month: "March", units: "0" })).rejects.toMatchObject({
      fieldErrors: {
        processId: "Choose the process the volume is for.",
        month: "Enter the month as YYYY-MM, for example 2026-03.",
        units: "Enter the units of work as a whole number of 1 or more.",
      },
    });
    await expect(saveProcessVolume(db(), owner, { processId, month: "2026-04", units: "2.5" })).rejects.toMatchObject({ fieldErrors: { units: expect.stringMatching(/whole number/) } });
    await expect(saveProcessVolume(db(), agent, { processId, month: "2026-04", units: "10" })).rejects.toBeInstanceOf(ForbiddenError);
  });
});
