import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { complaints } from "@/db/schema";
import { describeEachDatabase } from "@/test/databases";
import { postComplaint } from "@/test/api-intake";
import { MAX_API_BODY_BYTES, MAX_JSON_DEPTH } from "./api";

const URL_BASE = "http://portal.test/api/v1/complaints";
const complaint = {
  name: "Robin Ellis",
  email: "robin@example.com",
  processId: "not_sure",
  description: "The engineer did not turn up for the booked installation.",
};

function post(body: string | ReadableStream<Uint8Array>, headers: Record<string, string> = {}): Request {
  return new Request(URL_BASE, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
    // Needed by Node's fetch for a streamed body.
    ...(typeof body === "string" ? {} : { duplex: "half" }),
  } as RequestInit);
}

describeEachDatabase("POST /api/v1/complaints", ({ db }) => {
  it("files a complaint: 201 with the reference and an absolute tracking link", async () => {
    const response = await postComplaint(db(), post(JSON.stringify(complaint)));
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body.reference).toMatch(/^CR-/);
    expect(body.trackingUrl).toMatch(/^http:\/\/portal\.test\/track\/[A-Za-z0-9_-]{43}$/);
    const [row] = await db().select().from(complaints).where(eq(complaints.reference, body.reference));
    expect(row!.channel).toBe("api");
  });

  it("uses the configured public address for the link when there is one", async () => {
    const response = await postComplaint(db(), post(JSON.stringify(complaint)), { appUrl: "https://complaints.example.com/" });
    expect((await response.json()).trackingUrl).toMatch(/^https:\/\/complaints\.example\.com\/track\//);
  });

  it("answers a repeated Idempotency-Key with 200 and the first reference", async () => {
    const headers = { "idempotency-key": "shop-order-881" };
    const first = await postComplaint(db(), post(JSON.stringify(complaint), headers));
    const second = await postComplaint(db(), post(JSON.stringify(complaint), headers));
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    expect(await second.json()).toEqual({ reference: (await first.json()).reference, trackingUrl: null, duplicate: true });
  });

  it("refuses anything but JSON with 415", async () => {
    const response = await postComplaint(db(), post("name=x", { "content-type": "application/x-www-form-urlencoded" }));
    expect(response.status).toBe(415);
    expect(await response.json()).toMatchObject({ error: "unsupported_media_type" });
  });

  it("refuses invalid JSON and non-objects with 400", async () => {
    const broken = await postComplaint(db(), post("{ nope"));
    expect(broken.status).toBe(400);
    expect(await broken.json()).toMatchObject({ error: "invalid_json" });
    expect((await postComplaint(db(), post("[1,2]"))).status).toBe(400);
  });

  it("returns one message per invalid field with 400", async () => {
    const response = await postComplaint(db(), post(JSON.stringify({ ...complaint, description: "Too short", email: "" })));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: "validation_failed",
      fieldErrors: {
        description: "Please tell us a little more: at least 20 characters",
        email: "Please give an email address or a phone number so we can reach you",
      },
    });
  });

  it("refuses a body over 1 MB with 413, by its declared length or by the bytes actually sent", async () => {
    const declared = await postComplaint(db(), post("{}", { "content-length": String(MAX_API_BODY_BYTES + 1) }));
    expect(declared.status).toBe(413);

    const big = JSON.stringify({ ...complaint, description: "x".repeat(MAX_API_BODY_BYTES) });
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        const bytes = new TextEncoder().encode(big);
        for (let i = 0; i < bytes.length; i += 64 * 1024) controller.enqueue(bytes.slice(i, i + 64 * 1024));
        controller.close();
      },
    });
    const streamed = await postComplaint(db(), post(stream));
    expect(streamed.status).toBe(413);
    expect(await streamed.json()).toMatchObject({ error: "payload_too_large" });
  });

  it("answers a client that hangs up mid-body with 400, stores nothing and does not call it a database outage", async () => {
    const description = `Cut off half-way ${Date.now()}`;
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(JSON.stringify({ ...complaint, description }).slice(0, 40)));
        // What Node reports when the client's connection closes before the body is complete.
        controller.error(Object.assign(new Error("aborted"), { code: "ECONNRESET" }));
      },
    });
    const response = await postComplaint(db(), post(stream));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: "incomplete_body" });
    expect(await db().select().from(complaints).where(eq(complaints.description, description))).toHaveLength(0);
  });

  it("refuses a field it does not know with 400 naming it, the web form's bot trap included, and stores nothing", async () => {
    const before = (await db().select().from(complaints)).length;
    const response = await postComplaint(db(), post(JSON.stringify({ ...complaint, website: "https://spam.example", descripton: "typo" })));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: "unknown_fields", fields: ["website", "descripton"] });
    // Files are for the web form only.
    const files = await postComplaint(db(), post(JSON.stringify({ ...complaint, attachments: [] })));
    expect(await files.json()).toMatchObject({ error: "unknown_fields", fields: ["attachments"] });
    expect((await db().select().from(complaints)).length).toBe(before);
  });

  it("refuses the same Idempotency-Key with a different complaint: 422, nothing stored, the first complaint's reference not given", async () => {
    const headers = { "idempotency-key": "order-5521" };
    // Its own contact address: the suite's other complaints have used up robin@'s hourly limit.
    const mine = { ...complaint, email: "first.customer@example.com" };
    const first = await postComplaint(db(), post(JSON.stringify(mine), headers));
    expect(first.status).toBe(201);
    const { reference } = await first.json();
    const before = (await db().select().from(complaints)).length;

    const other = { ...complaint, name: "Someone Else", email: "someone@example.com", description: "My own complaint about a different order entirely." };
    const reused = await postComplaint(db(), post(JSON.stringify(other), headers));
    expect(reused.status).toBe(422);
    const body = await reused.json();
    expect(body).toMatchObject({ error: "idempotency_key_reused" });
    expect(JSON.stringify(body)).not.toContain(reference);
    // The key in the body is the same key.
    const inBody = await postComplaint(db(), post(JSON.stringify({ ...other, idempotencyKey: "order-5521" })));
    expect(inBody.status).toBe(422);
    expect((await db().select().from(complaints)).length).toBe(before);
    expect(await db().select().from(complaints).where(eq(complaints.description, other.description))).toHaveLength(0);

    // The same complaint again, even with its fields in another order and padded, is the original.
    const { description, ...rest } = mine;
    const again = await postComplaint(db(), post(JSON.stringify({ description: `  ${description}\n`, ...rest }), headers));
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ reference, trackingUrl: null, duplicate: true });
  });

  it("refuses JSON nested deeper than the limit with 400 before parsing it, and stores nothing", async () => {
    const before = (await db().select().from(complaints)).length;
    const deep = `${"[".repeat(100_000)}${"]".repeat(100_000)}`;
    const response = await postComplaint(db(), post(deep));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: "too_deep" });
    const nestedField = await postComplaint(db(), post(JSON.stringify({ ...complaint, name: JSON.parse(`${"[".repeat(MAX_JSON_DEPTH)}1${"]".repeat(MAX_JSON_DEPTH)}`) })));
    expect(await nestedField.json()).toMatchObject({ error: "too_deep" });
    expect((await db().select().from(complaints)).length).toBe(before);
  });
});
