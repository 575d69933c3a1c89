import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { auditLog, staffUsers } from "@/db/schema";
import { changeOwnPassword, changeStaffRole, createStaffUser, setStaffActive, signOutEverywhere, StaffRuleError } from "@/lib/staff/users";
import { describeEachDatabase } from "@/test/databases";
import { verifyCredentials } from "./credentials";
import { endSessionsIfCurrent, staffForSession } from "./session-version";

/**
 * A session token is a copy of the account's session version and the sign-in time; each request
 * re-reads the account (staffForSession). Every way of ending sessions must make a token issued
 * before it worthless, and only those.
 */
describeEachDatabase("ending sessions", ({ db }) => {
  const password = "a long enough passphrase";
  const nowSeconds = () => Math.floor(Date.now() / 1000);

  async function account(email: string, role: "agent" | "owner" = "agent") {
    return createStaffUser(db(), { name: email.split("@")[0]!, email, role, password });
  }

  /** What the browser would hold after signing in now (the token's claims). */
  async function signIn(email: string, pass = password) {
    const result = await verifyCredentials(db(), email, pass, { sleep: async () => {} });
    if (result.status !== "signed-in") throw new Error(`sign-in refused for ${email}`);
    return { id: result.staff.id, sessionVersion: result.staff.sessionVersion, signedInAt: nowSeconds() };
  }

  it("a fresh session stands; one signed in longer ago than the absolute lifetime does not", async () => {
    const ann = await account("ann.session@example.com");
    const token = await signIn("ann.session@example.com");
    expect(await staffForSession(db(), token)).toMatchObject({ id: ann.id, role: "agent" });
    expect(await staffForSession(db(), { ...token, signedInAt: nowSeconds() - 8 * 24 * 3600 })).toBeNull();
    expect(await staffForSession(db(), { id: token.id })).toBeNull();
  });

  it("sign-out ends the account's sessions, and a token already ended cannot sign it out again", async () => {
    await account("bo.session@example.com");
    const stolen = await signIn("bo.session@example.com");
    await endSessionsIfCurrent(db(), stolen.id, stolen.sessionVersion);
    expect(await staffForSession(db(), stolen)).toBeNull();
    const fresh = await signIn("bo.session@example.com");
    expect(fresh.sessionVersion).toBe(stolen.sessionVersion + 1);
    // Replaying the old cookie's sign-out leaves the new session alone.
    await endSessionsIfCurrent(db(), stolen.id, stolen.sessionVersion);
    expect(await staffForSession(db(), fresh)).not.toBeNull();
  });

  it("deactivation ends sessions for good: reactivation does not bring them back", async () => {
    const owner = await account("owner.session@example.com", "owner");
    const cy = await account("cy.session@example.com");
    const token = await signIn("cy.session@example.com");
    await setStaffActive(db(), owner.id, cy.id, false);
    expect(await staffForSession(db(), token)).toBeNull();
    await setStaffActive(db(), owner.id, cy.id, true);
    expect(await staffForSession(db(), token)).toBeNull();
    expect(await staffForSession(db(), await signIn("cy.session@example.com"))).not.toBeNull();
  });

  it("a role change ends the account's sessions, and only that account's", async () => {
    const owner = await account("owner2.session@example.com", "owner");
    const di = await account("di.session@example.com");
    const ownerToken = await signIn("owner2.session@example.com");
    const token = await signIn("di.session@example.com");
    await changeStaffRole(db(), owner.id, di.id, "supervisor");
    expect(await staffForSession(db(), token)).toBeNull();
    expect(await staffForSession(db(), ownerToken)).not.toBeNull();
    expect(await staffForSession(db(), await signIn("di.session@example.com"))).toMatchObject({ role: "supervisor" });
  });

  it("a password change ends the account's sessions; a wrong current password changes nothing", async () => {
    const ed = await account("ed.session@example.com");
    const token = await signIn("ed.session@example.com");
    const refused = await changeOwnPassword(db(), ed.id, { current: "not my password", next: "a brand new passphrase", confirm: "a brand new passphrase" }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(StaffRuleError);
    expect((refused as StaffRuleError).fieldErrors).toEqual({ current: "This is not your current password" });
    expect(await staffForSession(db(), token)).not.toBeNull();

    await changeOwnPassword(db(), ed.id, { current: password, next: "a brand new passphrase", confirm: "a brand new passphrase" });
    expect(await staffForSession(db(), token)).toBeNull();
    expect((await verifyCredentials(db(), "ed.session@example.com", password, { sleep: async () => {} })).status).toBe("refused");
    expect(await staffForSession(db(), await signIn("ed.session@example.com", "a brand new passphrase"))).not.toBeNull();
  });

  it("sign out everywhere, by the person or by an owner, ends every session and is audited", async () => {
    const owner = await account("owner3.session@example.com", "owner");
    const flo = await account("flo.session@example.com");
    const phone = await signIn("flo.session@example.com");
    const laptop = await signIn("flo.session@example.com");
    await signOutEverywhere(db(), flo.id, flo.id);
    expect(await staffForSession(db(), phone)).toBeNull();
    expect(await staffForSession(db(), laptop)).toBeNull();

    const again = await signIn("flo.session@example.com");
    await signOutEverywhere(db(), owner.id, flo.id);
    expect(await staffForSession(db(), again)).toBeNull();

    const entries = await db().select().from(auditLog).where(eq(auditLog.subjectId, flo.id));
    expect(entries.map((e) => [e.action, e.staffId, e.detail])).toEqual([
      ["sessions.ended", flo.id, { self: true, account: "flo.session@example.com" }],
      ["sessions.ended", owner.id, { self: false, account: "flo.session@example.com" }],
    ]);
    const [row] = await db().select({ v: staffUsers.sessionVersion }).from(staffUsers).where(eq(staffUsers.id, flo.id));
    expect(row!.v).toBe(2);
  });
});
