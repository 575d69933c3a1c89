import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { customers } from "@/db/schema";
import { fileComplaint } from "@/lib/complaints/intake";
import { parseIntake } from "@/lib/complaints/intake-schema";
import { describeEachDatabase } from "@/test/databases";
import { searchCustomers } from "./search";

function input(overrides: Record<string, unknown>) {
  const result = parseIntake({ name: "Someone", processId: "not_sure", description: "The parcel never arrived at all.", ...overrides });
  if (result.kind !== "valid") throw new Error(JSON.stringify(result));
  return result.data;
}

describeEachDatabase("searching customers for the New complaint page", ({ db }) => {
  const day = (n: number) => new Date(Date.UTC(2026, 2, n, 12));
  let firstRef = "";
  let latestRef = "";

  it("finds a customer by part of the name, any case, with their complaint count and newest reference", async () => {
    firstRef = (await fileComplaint(db(), input({ name: "Marta Kowalska", email: "marta.k@example.com", phone: "+44 20 7946 0321" }), { channel: "web", now: day(1) })).reference;
    latestRef = (await fileComplaint(db(), input({ name: "Marta Kowalska", email: "MARTA.K@example.com" }), { channel: "web", now: day(5) })).reference;
    await fileComplaint(db(), input({ name: "Ben 100%_Ltd", phone: "07700 900123" }), { channel: "web", now: day(3) });

    const found = await searchCustomers(db(), "kowal");
    expect(found).toEqual([
      expect.objectContaining({ name: "Marta Kowalska", email: "marta.k@example.com", phone: "+44 20 7946 0321", complaintCount: 2, latestReference: latestRef, latestReceivedAt: day(5) }),
    ]);
  });

  it("finds them by email, by the digits of a phone number however written, and by any of their references", async () => {
    const names = async (q: string) => (await searchCustomers(db(), q)).map((c) => c.name);
    expect(await names("Marta.K@EXAMPLE")).toEqual(["Marta Kowalska"]);
    expect(await names("020 7946-0321")).toEqual(["Marta Kowalska"]);
    expect(await names("(0)7700 900 123")).toEqual(["Ben 100%_Ltd"]);
    expect(await names(firstRef.toLowerCase().replace(/-/g, " "))).toEqual(["Marta Kowalska"]);
  });

  it("takes LIKE wildcards literally, ignores one character, and orders by newest complaint", async () => {
    expect((await searchCustomers(db(), "%")).map((c) => c.name)).toEqual([]);
    expect((await searchCustomers(db(), "0%_L")).map((c) => c.name)).toEqual(["Ben 100%_Ltd"]);
    expect(await searchCustomers(db(), "a")).toEqual([]);
    expect((await searchCustomers(db(), "@example.com")).map((c) => c.name)).toEqual(["Marta Kowalska"]);
    expect((await searchCustomers(db(), "e")).length).toBe(0);
    expect((await searchCustomers(db(), " Lt")).map((c) => c.name)).toEqual(["Ben 100%_Ltd"]);
  });

  it("leaves out erased customers and customers with neither email nor phone", async () => {
    await db().insert(customers).values({ name: "Imported Nocontact", preferredContact: "email" });
    const [erased] = await db().insert(customers).values({ name: "Erased Kowalski", email: "gone@example.com", emailNormalized: "gone@example.com" }).returning();
    await db().update(customers).set({ erasedAt: day(6) }).where(eq(customers.id, erased!.id));
    expect((await searchCustomers(db(), "Nocontact")).length).toBe(0);
    expect((await searchCustomers(db(), "kowal")).map((c) => c.name)).toEqual(["Marta Kowalska"]);
  });
});
