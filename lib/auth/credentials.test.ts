import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { staffUsers } from "@/db/schema";
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
    expect(signedIn).toEqual({ id: user.id, name: "Ann Example", email: "ann@example.com", role: "supervisor" });
    const [reloaded] = await db().select().from(staffUsers).where(eq(staffUsers.id, user.id));
    expect(reloaded!.lastSignInAt).toBeInstanceOf(Date);
  });

  it("returns null for a wrong password", async () => {
    await addUser("bob@example.com");
    expect(await verifyCredentials(db(), "bob@example.com", "wrong password here")).toBeNull();
  });

  it("returns null for an unknown email", async () => {
    expect(await verifyCredentials(db(), "nobody@example.com", password)).toBeNull();
  });

  it("returns null for a deactivated account, even with the right password", async () => {
    const user = await addUser("gone@example.com", false);
    expect(await verifyCredentials(db(), "gone@example.com", password)).toBeNull();
    const [reloaded] = await db().select().from(staffUsers).where(eq(staffUsers.id, user.id));
    expect(reloaded!.lastSignInAt).toBeNull();
  });
});
