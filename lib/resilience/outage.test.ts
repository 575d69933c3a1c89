import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { handleCreateComplaint } from "@/lib/complaints/api";
import { answerUnlessDatabaseDown, forgetLastKnown, lastKnownGood } from "./outage";

const refused = () => Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });

describe("lastKnownGood", () => {
  it("remembers the last value and answers with it while the database is unreachable", async () => {
    forgetLastKnown();
    expect(await lastKnownGood("k", async () => ["Delivery"])).toEqual(["Delivery"]);
    expect(await lastKnownGood("k", async () => Promise.reject(refused()))).toEqual(["Delivery"]);
    expect(await lastKnownGood("k", async () => ["Delivery", "Billing"])).toEqual(["Delivery", "Billing"]);
  });

  it("uses the fallback when nothing was loaded yet, and rethrows without one", async () => {
    forgetLastKnown();
    expect(await lastKnownGood("fresh", async () => Promise.reject(refused()), () => [])).toEqual([]);
    await expect(lastKnownGood("fresh", async () => Promise.reject(refused()))).rejects.toThrow("ECONNREFUSED");
  });

  it("rethrows errors that are not an outage, even with a remembered value", async () => {
    forgetLastKnown();
    await lastKnownGood("k", async () => 1);
    await expect(lastKnownGood("k", async () => Promise.reject(Object.assign(new Error("syntax"), { code: "42601" })))).rejects.toThrow("syntax");
  });
});

describe("POST /api/v1/complaints while the database is down", () => {
  let port = 0;
  beforeAll(async () => {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as net.AddressInfo).port;
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  const handles: Array<{ close: () => Promise<void> }> = [];
  afterAll(async () => Promise.all(handles.map((h) => h.close())));

  it("answers 503 with Retry-After and a JSON error, storing nothing", async () => {
    const handle = await openDatabase({ url: `postgres://postgres@127.0.0.1:${port}/caseroot` });
    handles.push(handle);
    const request = new Request("http://portal.test/api/v1/complaints", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "Robin Ellis", email: "robin@example.com", processId: "not_sure", description: "The engineer did not turn up for the booked installation." }),
    });
    const response = await answerUnlessDatabaseDown(() => handleCreateComplaint(handle.db, request));
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("30");
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = await response.json();
    expect(body.error).toBe("service_unavailable");
    expect(body.message).toMatch(/retry in 30 seconds/);
  });

  it("rethrows other errors, so they are not disguised as an outage", async () => {
    await expect(answerUnlessDatabaseDown(async () => Promise.reject(new Error("bug")))).rejects.toThrow("bug");
  });
});
