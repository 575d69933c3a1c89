import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditLog, outboxMessages, staffUsers } from "@/db/schema";
import { LIMITS } from "@/lib/security/limits";
import { hashKey } from "@/lib/security/rate-limit";
import { describeEachDatabase } from "@/test/databases";
import { credentialsSchema, verifyCredentials, type SignInContext } from "./credentials";
import { SIGN_IN_DELAY, signInDelayMs } from "./lockout";
import { hashPassword } from "./password";

describe("credentialsSchema", () => {
  it("trims and lower-cases the email", () => {
    expect(credentialsSchema.parse({ email: "  Ann@Example.COM ", password: "x" }).email).toBe("ann@example.com");
  });

  it("refuses a missing or malformed email and an empty password", () => {
    const result = credentialsSchema.safeParse({ email: "not-an-email", password: "" });
    expect(result.success).toBe(false);
    const messages = result.error!.issues.map((i) => i.message);
    expect(messages).toContain("Enter a valid email address");
    expect(messages).toContain("Enter your password");
  });

  it("refuses absurdly long passwords before they reach the hasher", () => {
    expect(credentialsSchema.safeParse({ email: "a@b.co", password: "x".repeat(2000) }).success).toBe(false);
  });
});

describeEachDatabase("verifyCredentials", ({ db }) => {
  const password = "correct horse battery";

  async function addUser(email: string, active = true) {
    const [user] = await db()
      .insert(staffUsers)
      .values({ email, name: "Ann Example", role: "supervisor", passwordHash: await hashPassword(password), active })
      .returning();
    return user!;
  }

  it("returns the user for the right password, whatever the email's case, and records the sign-in", async () => {
    const user = await addUser("ann@example.com");
    const signedIn = await verifyCredentials(db(), " ANN@example.com", password);
    expect(signedIn).toEqual({ status: "signed-in", staff: { id: user.id, name: "Ann Example", email: "ann@example.com", role: "supervisor", sessionVersion: 0 } });
    const [reloaded] = await db().select().from(staffUsers).where(eq(staffUsers.id, user.id));
    expect(reloaded!.lastSignInAt).toBeInstanceOf(Date);
  });

  it("refuses a wrong password", async () => {
    await addUser("bob@example.com");
    expect(await verifyCredentials(db(), "bob@example.com", "wrong password here")).toEqual({ status: "refused" });
  });

  it("refuses an unknown email the same way", async () => {
    expect(await verifyCredentials(db(), "nobody@example.com", password)).toEqual({ status: "refused" });
  });

  it("refuses a deactivated account the same way, even with the right password", async () => {
    const user = await addUser("gone@example.com", false);
    expect(await verifyCredentials(db(), "gone@example.com", password)).toEqual({ status: "refused" });
    const [reloaded] = await db().select().from(staffUsers).where(eq(staffUsers.id, user.id));
    expect(reloaded!.lastSignInAt).toBeNull();
  });
});

describeEachDatabase("sign-in lockout and rate limit", ({ db }) => {
  const password = "correct horse battery";
  const minutes = (base: Date, n: number) => new Date(base.getTime() + n * 60_000);
  // Delays are recorded, not waited for, where a test does not look at them.
  const verify = (database: Db, email: string, pass: string, context: SignInContext = {}) =>
    verifyCredentials(database, email, pass, { sleep: async () => {}, ...context });

  async function addStaff(email: string, role: "agent" | "owner") {
    const [user] = await db()
      .insert(staffUsers)
      .values({ email, name: "Lee Example", role, passwordHash: await hashPassword(password) })
      .returning();
    return user!;
  }
  const addUser = (email: string) => addStaff(email, "agent");

  const lockouts = (email: string) =>
    db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "signin.locked"), eq(auditLog.subjectId, hashKey(email))));

  it("locks an email for one IP address after 5 failures there in 15 minutes, refuses even the right password from there, then lets it in", async () => {
    await addUser("lee@example.com");
    const attacker = "203.0.113.9";
    // Two minutes into a 15-minute window, so all five failures fall in one window.
    const t0 = new Date("2025-05-05T09:02:00Z");
    for (let i = 0; i < 4; i++) {
      expect(await verify(db(), "lee@example.com", `wrong-${i}`, { ip: attacker, now: minutes(t0, i) })).toEqual({ status: "refused" });
    }
    expect(await lockouts("lee@example.com")).toHaveLength(0);
    const fifth = await verify(db(), "LEE@example.com ", "wrong-4", { ip: attacker, now: minutes(t0, 4) });
    expect(fifth).toEqual({ status: "too-many-attempts" });

    const lockedAt = minutes(t0, 4);
    for (const at of [minutes(lockedAt, 1), minutes(lockedAt, 10), minutes(lockedAt, 14.9)]) {
      expect(await verify(db(), "lee@example.com", password, { ip: attacker, now: at })).toEqual({ status: "too-many-attempts" });
    }
    expect(await verify(db(), "lee@example.com", password, { ip: attacker, now: minutes(lockedAt, 15.1) })).toMatchObject({
      status: "signed-in",
    });

    const [entry, ...more] = await lockouts("lee@example.com");
    expect(more).toHaveLength(0);
    expect(entry).toMatchObject({ staffId: null, action: "signin.locked", subjectType: "staff_email", subjectId: hashKey("lee@example.com") });
    expect(entry!.detail).toMatchObject({ scope: "ip", failures: 5, lockedUntil: minutes(lockedAt, 15).toISOString(), ipHash: hashKey(attacker) });
    expect(JSON.stringify(entry)).not.toContain("lee@example.com");
  });

  it("does not lock the account's owner out from another IP address", async () => {
    await addUser("kim@example.com");
    const t0 = new Date("2025-05-05T09:31:00Z");
    for (let i = 0; i < 6; i++) await verify(db(), "kim@example.com", `wrong-${i}`, { ip: "203.0.113.50", now: minutes(t0, i) });
    expect(await verify(db(), "kim@example.com", password, { ip: "203.0.113.50", now: minutes(t0, 6) })).toEqual({ status: "too-many-attempts" });
    expect(await verify(db(), "kim@example.com", password, { ip: "198.51.100.7", now: minutes(t0, 6) })).toMatchObject({ status: "signed-in" });
  });

  it("answers failures from one address ever more slowly, up to a bound, and a success never waits", async () => {
    await addUser("slow@example.com");
    const t0 = new Date("2025-05-05T14:01:00Z");
    const waits: number[] = [];
    const sleep = async (ms: number) => void waits.push(ms);
    for (let i = 0; i < 5; i++) await verifyCredentials(db(), "slow@example.com", `wrong-${i}`, { ip: "192.0.2.60", now: minutes(t0, i), sleep });
    expect(waits).toEqual([250, 500, 1000, 2000]);
    // Another address starts from nothing, and the right password is answered at once.
    await verifyCredentials(db(), "slow@example.com", "wrong-x", { ip: "192.0.2.61", now: minutes(t0, 5), sleep });
    expect(await verifyCredentials(db(), "slow@example.com", password, { ip: "192.0.2.61", now: minutes(t0, 6), sleep })).toMatchObject({ status: "signed-in" });
    expect(waits).toEqual([250, 500, 1000, 2000]);
    expect(signInDelayMs({ fromIp: 1_000_000, fromAnywhere: 1_000_000 })).toBe(SIGN_IN_DELAY.maxMs);
  });

  it("an attack from many addresses does not lock the owner out: they sign in from their own address, and owners are alerted once", async () => {
    const owner = await addStaff("owner@example.com", "owner");
    const otherOwner = await addStaff("second.owner@example.com", "owner");
    const agent = await addStaff("bystander@example.com", "agent");
    const t0 = new Date("2025-05-05T13:01:00Z");
    // 25 wrong passwords, each from a different address, within one minute.
    const statuses: string[] = [];
    for (let i = 0; i < 25; i++) {
      const at = new Date(t0.getTime() + i * 2_000);
      statuses.push((await verify(db(), "owner@example.com", `wrong-${i}`, { ip: `198.18.0.${i + 1}`, now: at })).status);
    }
    expect(statuses).toEqual(Array(25).fill("refused"));
    // The owner, from their own address, signs in at once, and again after more attacks.
    expect(await verify(db(), "owner@example.com", password, { ip: "203.0.113.200", now: minutes(t0, 1) })).toMatchObject({
      status: "signed-in",
      staff: { id: owner.id },
    });
    for (let i = 25; i < 60; i++) await verify(db(), "owner@example.com", `wrong-${i}`, { ip: `198.18.1.${i}`, now: minutes(t0, 2) });
    expect(await verify(db(), "owner@example.com", password, { ip: "203.0.113.201", now: minutes(t0, 3) })).toMatchObject({ status: "signed-in" });
    // An attacking address is locked only once it has failed five times itself.
    expect(await verify(db(), "owner@example.com", password, { ip: "198.18.0.1", now: minutes(t0, 3) })).toMatchObject({ status: "signed-in" });

    // One audit entry for the window, however many failures follow; no lock of any kind.
    const entries = await db().select().from(auditLog).where(eq(auditLog.action, "signin.under_attack"));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ staffId: null, subjectType: "staff_user", subjectId: owner.id });
    expect(entries[0]!.detail).toMatchObject({ failures: 25, minutes: 15, account: "owner@example.com", locked: false });
    expect(await lockouts("owner@example.com")).toHaveLength(0);

    // One alert email per owner (the account's holder is one of them), none to the agent.
    const alerts = await db().select().from(outboxMessages).where(eq(outboxMessages.kind, "security_alert"));
    expect(alerts.map((a) => a.staffUserId).sort()).toEqual([owner.id, otherOwner.id].sort());
    expect(alerts.map((a) => a.toAddress).sort()).toEqual(["owner@example.com", "second.owner@example.com"]);
    expect(alerts.every((a) => a.status === "pending")).toBe(true);
    expect(alerts[0]!.subject).toBe("Someone is trying to sign in as owner@example.com");
    expect(alerts[0]!.textBody).toContain("25 sign-ins with a wrong password were tried for owner@example.com within 15 minutes");
    expect(alerts.some((a) => a.staffUserId === agent.id)).toBe(false);

    // An attack that starts again once the last one has faded from the count alerts again, once.
    for (let i = 0; i < 30; i++) await verify(db(), "owner@example.com", `again-${i}`, { ip: `198.18.2.${i + 1}`, now: minutes(t0, 31) });
    expect(await db().select().from(auditLog).where(eq(auditLog.action, "signin.under_attack"))).toHaveLength(2);
    expect(await db().select().from(outboxMessages).where(eq(outboxMessages.kind, "security_alert"))).toHaveLength(4);
  });

  it("while an account is under attack, failures from anywhere are answered late, and the alert also reaches a non-owner holder", async () => {
    const holder = await addStaff("targeted.agent@example.com", "agent");
    const t0 = new Date("2025-05-05T15:01:00Z");
    const waits: number[] = [];
    const sleep = async (ms: number) => void waits.push(ms);
    for (let i = 0; i < 26; i++) {
      await verifyCredentials(db(), "targeted.agent@example.com", `wrong-${i}`, { ip: `198.19.0.${i + 1}`, now: minutes(t0, 0.01 * i), sleep });
    }
    // Each address failed once (no delay of its own); from the 25th failure on, the account's delay applies.
    expect(waits).toEqual([250, 250]);
    const alerts = await db().select().from(outboxMessages).where(eq(outboxMessages.kind, "security_alert"));
    expect(alerts.map((a) => a.staffUserId)).toContain(holder.id);
    expect(await verifyCredentials(db(), "targeted.agent@example.com", password, { ip: "203.0.113.77", now: minutes(t0, 1), sleep })).toMatchObject({
      status: "signed-in",
    });
  });

  it("locks an unknown address exactly like a real one, so a lockout reveals nothing", async () => {
    const t0 = new Date("2025-05-05T10:01:00Z");
    const results = [];
    for (let i = 0; i < 6; i++) results.push((await verify(db(), "nobody-here@example.com", password, { now: minutes(t0, i) })).status);
    expect(results).toEqual(["refused", "refused", "refused", "refused", "too-many-attempts", "too-many-attempts"]);
    expect(await lockouts("nobody-here@example.com")).toHaveLength(1);
  });

  it("starts one lockout, with one audit entry, when failures arrive all at once", async () => {
    await addUser("rush@example.com");
    const now = new Date("2025-05-05T11:03:00Z");
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => verify(db(), "rush@example.com", `wrong-${i}`, { ip: "192.0.2.77", now })),
    );
    expect(results.filter((r) => r.status === "refused")).toHaveLength(4);
    expect(results.filter((r) => r.status === "too-many-attempts")).toHaveLength(8);
    expect(await lockouts("rush@example.com")).toHaveLength(1);
  });

  it("forgets earlier failures after a successful sign-in", async () => {
    await addUser("forgetful@example.com");
    const t0 = new Date("2025-05-05T12:01:00Z");
    for (let i = 0; i < 4; i++) await verify(db(), "forgetful@example.com", "nope", { now: minutes(t0, i) });
    expect((await verify(db(), "forgetful@example.com", password, { now: minutes(t0, 4) })).status).toBe("signed-in");
    for (let i = 5; i < 9; i++) {
      expect((await verify(db(), "forgetful@example.com", "nope", { now: minutes(t0, i) })).status).toBe("refused");
    }
  });

  it("limits attempts per IP address, whichever accounts they try", async () => {
    await addUser("shared-office@example.com");
    const now = new Date("2025-05-05T13:01:00Z");
    const limit = LIMITS.signInIp.limit;
    // Different addresses each time, so no account lockout gets in the way.
    for (let i = 0; i < limit; i++) {
      expect((await verify(db(), `guess-${i}@example.com`, "123456", { ip: "203.0.113.250", now })).status).toBe("refused");
    }
    expect(await verify(db(), "shared-office@example.com", password, { ip: "203.0.113.250", now })).toEqual({ status: "too-many-attempts" });
    // Another address is not affected, and the same one may try again in the next window.
    expect((await verify(db(), "shared-office@example.com", password, { ip: "203.0.113.251", now })).status).toBe("signed-in");
    expect((await verify(db(), "shared-office@example.com", password, { ip: "203.0.113.250", now: minutes(now, 10) })).status).toBe(
      "signed-in",
    );
  });
});
