import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { staffUsers } from "@/db/schema";
import { verifyPassword } from "@/lib/auth/password";
import { describeEachDatabase } from "@/test/databases";
import { changeStaffRole, createStaffUser, DUPLICATE_EMAIL_MESSAGE, listStaff, setStaffActive, StaffRuleError } from "./users";

const strongPassword = "a long enough passphrase";

describeEachDatabase("staff management", ({ db }) => {
  async function create(email: string, role: "agent" | "supervisor" | "owner") {
    return createStaffUser(db(), { name: email.split("@")[0]!, email, role, password: strongPassword });
  }

  async function ruleError(promise: Promise<unknown>): Promise<StaffRuleError> {
    const error = await promise.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StaffRuleError);
    return error as StaffRuleError;
  }

  it("creates an account with a lower-cased email and a hashed password, never returning the hash", async () => {
    const created = await createStaffUser(db(), { name: " Ann ", email: "Ann@Example.com", role: "agent", password: strongPassword });
    expect(created).toMatchObject({ name: "Ann", email: "ann@example.com", role: "agent", active: true });
    expect(created).not.toHaveProperty("passwordHash");
    const [row] = await db().select().from(staffUsers).where(eq(staffUsers.id, created.id));
    expect(await verifyPassword(row!.passwordHash, strongPassword)).toBe(true);
  });

  it("refuses a duplicate email, whatever its case", async () => {
    const error = await ruleError(create("ANN@example.com", "agent"));
    expect(error.fieldErrors.email).toBe(DUPLICATE_EMAIL_MESSAGE);
  });

  it("gives specific messages for invalid input", async () => {
    const error = await ruleError(createStaffUser(db(), { name: "", email: "nope", role: "boss" as "agent", password: "short" }));
    expect(error.fieldErrors).toEqual({
      name: "Enter a name",
      email: "Enter a valid email address, like name@example.com",
      role: "Choose a role: agent, supervisor or owner",
      password: "Passwords need at least 12 characters",
    });
    const weak = await ruleError(createStaffUser(db(), { name: "B", email: "b@example.com", role: "agent", password: "aaaaaaaaaaaaaa" }));
    expect(weak.fieldErrors.password).toMatch(/too easy/);
  });

  it("keeps at least one active owner, and stops owners demoting or deactivating themselves", async () => {
    const owner = await create("owner@example.com", "owner");
    expect((await ruleError(changeStaffRole(db(), owner.id, owner.id, "agent"))).message).toMatch(/your own role/);
    expect((await ruleError(setStaffActive(db(), owner.id, owner.id, false))).message).toMatch(/your own account/);

    // Another owner cannot remove the only active owner either.
    const second = await create("second@example.com", "supervisor");
    expect((await ruleError(changeStaffRole(db(), second.id, owner.id, "agent"))).message).toMatch(/at least one active owner/);
    expect((await ruleError(setStaffActive(db(), second.id, owner.id, false))).message).toMatch(/at least one active owner/);

    // With a second owner, the first can be demoted.
    await changeStaffRole(db(), owner.id, second.id, "owner");
    await changeStaffRole(db(), second.id, owner.id, "supervisor");
    const roles = Object.fromEntries((await listStaff(db())).map((u) => [u.email, u.role]));
    expect(roles).toMatchObject({ "owner@example.com": "supervisor", "second@example.com": "owner" });
  });

  it("deactivates and reactivates an account", async () => {
    const [owner] = (await listStaff(db())).filter((u) => u.role === "owner");
    const agent = await create("agent@example.com", "agent");
    await setStaffActive(db(), owner!.id, agent.id, false);
    expect((await listStaff(db())).find((u) => u.id === agent.id)?.active).toBe(false);
    await setStaffActive(db(), owner!.id, agent.id, true);
    expect((await listStaff(db())).find((u) => u.id === agent.id)?.active).toBe(true);
  });

  it("lists active accounts first, without password hashes", async () => {
    const [owner] = (await listStaff(db())).filter((u) => u.role === "owner");
    const agent = await create("zed@example.com", "agent");
    await setStaffActive(db(), owner!.id, agent.id, false);
    const list = await listStaff(db());
    expect(list.at(-1)?.email).toBe("zed@example.com");
    for (const user of list) expect(user).not.toHaveProperty("passwordHash");
  });
});
