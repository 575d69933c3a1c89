import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, staffUsers } from "@/db/schema";
import { LIMITS } from "@/lib/security/limits";
import { hashKey } from "@/lib/security/rate-limit";
import { describeEachDatabase } from "@/test/databases";
import { credentialsSchema, verifyCredentials } from "./credentials";
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
    expect(signedIn).toEqual({ status: "signed-in", staff: { id: user.id, name: "Ann Example", email: "ann@example.com", role: "supervisor" } });
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

  async function addUser(email: string) {
    await db()
      .insert(staffUsers)
      .values({ email, name: "Lee Example", role: "agent", passwordHash: await hashPassword(password) });
  }

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
      expect(await verifyCredentials(db(), "lee@example.com", `wrong-${i}`, { ip: attacker, now: minutes(t0, i) })).toEqual({ status: "refused" });
    }
    expect(await lockouts("lee@example.com")).toHaveLength(0);
    const fifth = await verifyCredentials(db(), "LEE@example.com ", "wrong-4", { ip: attacker, now: minutes(t0, 4) });
    expect(fifth).toEqual({ status: "too-many-attempts" });

    const lockedAt = minutes(t0, 4);
    for (const at of [minutes(lockedAt, 1), minutes(lockedAt, 10), minutes(lockedAt, 14.9)]) {
      expect(await verifyCredentials(db(), "lee@example.com", password, { ip: attacker, now: at })).toEqual({ status: "too-many-attempts" });
    }
    expect(await verifyCredentials(db(), "lee@example.com", password, { ip: attacker, now: minutes(lockedAt, 15.1) })).toMatchObject({
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
    for (let i = 0; i < 6; i++) await verifyCredentials(db(), "kim@example.com", `wrong-${i}`, { ip: "203.0.113.50", now: minutes(t0, i) });
    expect(await verifyCredentials(db(), "kim@example.com", password, { ip: "203.0.113.50", now: minutes(t0, 6) })).toEqual({ status: "too-many-attempts" });
    expect(await verifyCredentials(db(), "kim@example.com", password, { ip: "198.51.100.7", now: minutes(t0, 6) })).toMatchObject({ status: "signed-in" });
  });

  it("locks an email for everyone after 25 failures in 15 minutes from many IP addresses", async () => {
    await addUser("spread@example.com");
    const t0 = new Date("2025-05-05T13:01:00Z");
    const statuses: string[] = [];
    // Four tries from each of seven addresses, so no single address reaches its own limit.
    for (let i = 0; i < 25; i++) {
      const at = new Date(t0.getTime() + i * 20_000);
      statuses.push((await verifyCredentials(db(), "spread@example.com", `wrong-${i}`, { ip: `192.0.2.${100 + (i % 7)}`, now: at })).status);
    }
    expect(statuses.slice(0, 24).every((s) => s === "refused")).toBe(true);
    expect(statuses[24]).toBe("too-many-attempts");
    // Now even the owner, from an address never used, is refused until the lock ends.
    expect(await verifyCredentials(db(), "spread@example.com", password, { ip: "198.51.100.80", now: minutes(t0, 9) })).toEqual({ status: "too-many-attempts" });
    expect(await verifyCredentials(db(), "spread@example.com", password, { ip: "198.51.100.80", now: minutes(t0, 25) })).toMatchObject({ status: "signed-in" });
    const entries = await lockouts("spread@example.com");
    expect(entries.map((e) => (e.detail as { scope: string }).scope)).toEqual(["everywhere"]);
  });

  it("locks an unknown address exactly like a real one, so a lockout reveals nothing", async () => {
    const t0 = new Date("2025-05-05T10:01:00Z");
    const results = [];
    for (let i = 0; i < 6; i++) results.push((await verifyCredentials(db(), "nobody-here@example.com", password, { now: minutes(t0, i) })).status);
    expect(results).toEqual(["refused", "refused", "refused", "refused", "too-many-attempts", "too-many-attempts"]);
    expect(await lockouts("nobody-here@example.com")).toHaveLength(1);
  });

  it("starts one lockout, with one audit entry, when failures arrive all at once", async () => {
    await addUser("rush@example.com");
    const now = new Date("2025-05-05T11:03:00Z");
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => verifyCredentials(db(), "rush@example.com", `wrong-${i}`, { ip: "192.0.2.77", now })),
    );
    expect(results.filter((r) => r.status === "refused")).toHaveLength(4);
    expect(results.filter((r) => r.status === "too-many-attempts")).toHaveLength(8);
    expect(await lockouts("rush@example.com")).toHaveLength(1);
  });

  it("forgets earlier failures after a successful sign-in", async () => {
    await addUser("forgetful@example.com");
    const t0 = new Date("2025-05-05T12:01:00Z");
    for (let i = 0; i < 4; i++) await verifyCredentials(db(), "forgetful@example.com", "nope", { now: minutes(t0, i) });
    expect((await verifyCredentials(db(), "forgetful@example.com", password, { now: minutes(t0, 4) })).status).toBe("signed-in");
    for (let i = 5; i < 9; i++) {
      expect((await verifyCredentials(db(), "forgetful@example.com", "nope", { now: minutes(t0, i) })).status).toBe("refused");
    }
  });

  it("limits attempts per IP address, whichever accounts they try", async () => {
    await addUser("shared-office@example.com");
    const now = new Date("2025-05-05T13:01:00Z");
    const limit = LIMITS.signInIp.limit;
    // Different addresses each time, so no account lockout gets in the way.
    for (let i = 0; i < limit; i++) {
      expect((await verifyCredentials(db(), `guess-${i}@example.com`, "123456", { ip: "203.0.113.250", now })).status).toBe("refused");
    }
    expect(await verifyCredentials(db(), "shared-office@example.com", password, { ip: "203.0.113.250", now })).toEqual({ status: "too-many-attempts" });
    // Another address is not affected, and the same one may try again in the next window.
    expect((await verifyCredentials(db(), "shared-office@example.com", password, { ip: "203.0.113.251", now })).status).toBe("signed-in");
    expect((await verifyCredentials(db(), "shared-office@example.com", password, { ip: "203.0.113.250", now: minutes(now, 10) })).status).toBe(
      "signed-in",
    );
  });
});
