import { expect, it } from "vitest";
import { ForbiddenError } from "@/lib/cases/errors";
import { describeEachDatabase } from "@/test/databases";
import { SettingsRuleError } from "./access";
import { businessSettings } from "@/db/schema";
import { getPublicBusinessInfo } from "@/lib/complaints/tracking";
import { enqueueDailyDigests } from "@/lib/reminders/digest";
import { getBusinessSettings, getBusinessTimeZone, getSeverityTargets, updateBusinessSettings, updateSeverityTargets } from "./business";
import { agent, owner, supervisor } from "./test-helpers";

const valid = { businessName: "Hartley Appliances", timeZone: "America/New_York", firstResponseHours: "12", followUpDelayDays: "5" };

const targets = {
  low: { firstResponseHours: 72, resolutionDays: 30 },
  medium: { firstResponseHours: 24, resolutionDays: 10 },
  high: { firstResponseHours: 4, resolutionDays: 3 },
  critical: { firstResponseHours: 1, resolutionDays: 1 },
};

async function fieldErrors(promise: Promise<unknown>): Promise<Record<string, string>> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(SettingsRuleError);
  return (error as SettingsRuleError).fieldErrors;
}

describeEachDatabase("business settings", ({ db }) => {
  it("reads the defaults the migrations insert", async () => {
    expect(await getBusinessSettings(db())).toEqual({ businessName: "Our business", timeZone: "Europe/London", firstResponseHours: 24, followUpDelayDays: 7 });
    expect((await getSeverityTargets(db())).critical).toEqual({ firstResponseHours: 2, resolutionDays: 2 });
  });

  it("lets an owner save the settings, with numbers typed as text", async () => {
    const saved = await updateBusinessSettings(db(), owner, { ...valid, businessName: "  Hartley Appliances " });
    expect(saved).toEqual({ businessName: "Hartley Appliances", timeZone: "America/New_York", firstResponseHours: 12, followUpDelayDays: 5 });
    expect(await getBusinessSettings(db())).toEqual(saved);
  });

  it("refuses agents and supervisors", async () => {
    await expect(updateBusinessSettings(db(), agent, valid)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(updateBusinessSettings(db(), supervisor, valid)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(updateSeverityTargets(db(), supervisor, targets)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("accepts only time zones the runtime knows", async () => {
    expect(await fieldErrors(updateBusinessSettings(db(), owner, { ...valid, timeZone: "Mars/Olympus_Mons" }))).toEqual({
      timeZone: "Choose a time zone from the list, such as Europe/London",
    });
    expect((await updateBusinessSettings(db(), owner, { ...valid, timeZone: "UTC" })).timeZone).toBe("UTC");
  });

  it("explains each invalid field", async () => {
    const errors = await fieldErrors(
      updateBusinessSettings(db(), owner, { businessName: " ", timeZone: "Europe/Paris", firstResponseHours: "0", followUpDelayDays: "2.5" }),
    );
    expect(errors).toEqual({
      businessName: "Enter the business name",
      firstResponseHours: "The first response time must be at least 1",
      followUpDelayDays: "The follow-up delay must be a whole number",
    });
    const more = await fieldErrors(
      updateBusinessSettings(db(), owner, { businessName: "x".repeat(121), timeZone: "Europe/Paris", firstResponseHours: "", followUpDelayDays: "91" }),
    );
    expect(more).toEqual({
      businessName: "The business name must be at most 120 characters",
      firstResponseHours: "Enter the first response time",
      followUpDelayDays: "The follow-up delay must be at most 90",
    });
  });

  it("saves all four severity targets and validates each", async () => {
    await updateSeverityTargets(db(), owner, targets);
    expect(await getSeverityTargets(db())).toEqual(targets);
    const errors = await fieldErrors(
      updateSeverityTargets(db(), owner, { ...targets, high: { firstResponseHours: -1, resolutionDays: "abc" } }),
    );
    expect(errors).toEqual({
      "high.firstResponseHours": "The first response time must be at least 1",
      "high.resolutionDays": "The resolution time must be a number",
    });
    expect(await getSeverityTargets(db())).toEqual(targets);
  });

  it("reckons every day in one zone: the one saved, or the default when the row names a zone this runtime does not know, or is gone", async () => {
    await updateBusinessSettings(db(), owner, { ...valid, timeZone: "Asia/Tokyo" });
    expect(await getBusinessTimeZone(db())).toBe("Asia/Tokyo");
    expect((await getPublicBusinessInfo(db())).timeZone).toBe("Asia/Tokyo");

    // A zone the settings form would refuse, written behind its back (or dropped by newer zone data).
    await db().update(businessSettings).set({ timeZone: "Mars/Olympus_Mons" });
    expect(await getBusinessTimeZone(db())).toBe("Europe/London");
    expect((await getPublicBusinessInfo(db())).timeZone).toBe("Europe/London");
    // The daily digest reckons its local hour in that zone: it answers instead of throwing.
    await expect(enqueueDailyDigests(db(), { now: new Date("2026-03-09T12:00:00Z") })).resolves.toBeGreaterThanOrEqual(0);

    await db().delete(businessSettings);
    expect(await getBusinessTimeZone(db())).toBe("Europe/London");
    await updateBusinessSettings(db(), owner, valid);
  });
});
