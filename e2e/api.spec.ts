import { expect, test } from "@playwright/test";
import { expectFiledComplaintStored } from "./helpers/complaints";

test.describe("public JSON API", () => {
  test("files a complaint and answers with a working tracking link", async ({ request, page }) => {
    const response = await request.post("/api/v1/complaints", {
      headers: { "Idempotency-Key": `e2e-${Date.now()}` },
      data: {
        name: "Casey Hughes",
        email: "casey.hughes@example.com",
        processId: "not_sure",
        description: "The invoice charged me twice for the same delivery slot.",
      },
    });
    const { reference, trackingUrl } = await expectFiledComplaintStored(request, response);
    expect(trackingUrl).toMatch(/^http:\/\/localhost:\d+\/track\/[A-Za-z0-9_-]{43}$/);
    await page.goto(trackingUrl!);
    await expect(page.getByRole("heading", { level: 1, name: `Complaint ${reference}` })).toBeVisible();
  });

  test("refuses what it cannot take, with the documented codes", async ({ request }) => {
    const form = await request.post("/api/v1/complaints", { form: { name: "x" } });
    expect(form.status()).toBe(415);
    const invalid = await request.post("/api/v1/complaints", { data: { name: "x" } });
    expect(invalid.status()).toBe(400);
    expect((await invalid.json()).error).toBe("validation_failed");
  });

  test("never answers 201 without storing: the web form's bot trap is refused by name, a reused key with another complaint is refused", async ({ request }) => {
    const body = {
      name: "Morgan Vale",
      email: `morgan.${Date.now()}@example.com`,
      processId: "not_sure",
      description: "The courier left the parcel in the rain and it was soaked through.",
    };
    const trapped = await request.post("/api/v1/complaints", { data: { ...body, website: "https://spam.example" } });
    expect(trapped.status()).toBe(400);
    expect(await trapped.json()).toMatchObject({ error: "unknown_fields", fields: ["website"] });

    const key = `order-${Date.now()}`;
    const first = await request.post("/api/v1/complaints", { data: body, headers: { "Idempotency-Key": key } });
    const { reference } = await expectFiledComplaintStored(request, first);
    const other = await request.post("/api/v1/complaints", {
      data: { ...body, email: `someone.else.${Date.now()}@example.com`, description: "A different person's complaint about a different parcel." },
      headers: { "Idempotency-Key": key },
    });
    expect(other.status()).toBe(422);
    expect(await other.text()).not.toContain(reference);
    const again = await request.post("/api/v1/complaints", { data: body, headers: { "Idempotency-Key": key } });
    expect(again.status()).toBe(200);
    expect(await again.json()).toEqual({ reference, trackingUrl: null, duplicate: true });
  });

  test("describes itself and reports its health", async ({ request }) => {
    const doc = await request.get("/api/v1/openapi.json");
    expect(doc.status()).toBe(200);
    expect((await doc.json()).openapi).toBe("3.1.0");
    const health = await request.get("/api/health");
    // The PostgreSQL pass of the browser tests sets E2E_DATABASE_URL; the embedded pass does not.
    expect(await health.json()).toEqual({
      status: "ok",
      database: "ok",
      kind: process.env.E2E_DATABASE_URL ? "postgres" : "pglite",
      // How late the event loop ran lately (e2e/server-protection.spec.ts shows it rising and the check failing).
      eventLoop: { status: "ok", delayP99Ms: expect.any(Number), delayMaxMs: expect.any(Number), windowSeconds: expect.any(Number), limitMs: 1000 },
    });
  });
});
