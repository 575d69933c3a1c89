import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { complaints, rateLimitHits } from "@/db/schema";
import { LIMITS } from "@/lib/security/limits";
import { hashKey, windowStartFor } from "@/lib/security/rate-limit";
import { describeEachDatabase } from "@/test/databases";
import { postComplaint } from "@/test/api-intake";
import { submitComplaint } from "./intake";
import { requestNewTrackingLink } from "./lost-link";

/** The intake's rate limits, through the API handler the route uses and the path the web form uses. */

const complaint = (email: string) => ({
  name: "Robin Ellis",
  email,
  processId: "not_sure",
  description: "The engineer did not turn up for the booked installation.",
});

function post(body: unknown, ip: string): Request {
  return new Request("http://portal.test/api/v1/complaints", {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": `${ip}, 10.0.0.1` },
    body: JSON.stringify(body),
  });
}

describeEachDatabase("intake rate limits", ({ db }) => {
  const countComplaints = async () => (await db().select({ id: complaints.id }).from(complaints)).length;
  // 4 minutes 20 seconds into a 10-minute window, and 15 minutes 40 seconds before the hour ends.
  const now = new Date("2025-09-09T14:44:20Z");

  it("answers 429 with Retry-After once an IP address has used its API budget, before reading the body", async () => {
    const rule = LIMITS.apiIntakeIp;
    // The budget is spent (as if `limit` complaints had come from this address this window).
    await db()
      .insert(rateLimitHits)
      .values({ bucket: rule.bucket, key: hashKey("203.0.113.40"), windowStart: windowStartFor(rule, now), hits: rule.limit });
    const before = await countComplaints();

    const response = await postComplaint(db(), post(complaint("first@example.com"), "203.0.113.40"), { now });
    expect(response.status).toBe(429);
    // The rest of this window (5 min 40 s), then until this window's 61 weigh no more than 59
    // in the next one (2/61 of 10 minutes, 20 s): 360 s.
    expect(response.headers.get("retry-after")).toBe("360");
    expect(await response.json()).toEqual({
      error: "too_many_requests",
      message: "Too many complaints from this address or for this contact. Nothing was stored; try again in 6 minutes.",
      retryAfterSeconds: 360,
    });
    expect(await countComplaints()).toBe(before);

    // Another address is served as usual.
    expect((await postComplaint(db(), post(complaint("first@example.com"), "203.0.113.41"), { now })).status).toBe(201);
  });

  it("answers 429 after five complaints for one email address within the hour, whatever the IP address", async () => {
    const statuses = [];
    for (let i = 0; i < 6; i++) {
      // Addresses differ in case and spacing: they are normalised before counting.
      const email = i % 2 ? "  Repeat@Example.com" : "repeat@example.com";
      const response = await postComplaint(db(), post(complaint(email), `198.51.100.${i + 1}`), { now });
      statuses.push(response.status);
      // The rest of the hour (15 min 40 s), then a third of the next, when this hour's 6 weigh 4.
      if (response.status === 429) expect(response.headers.get("retry-after")).toBe(String(15 * 60 + 40 + 20 * 60));
    }
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429]);
    // An invalid submission is not counted against the contact (only against the IP address).
    const invalid = await postComplaint(db(), post({ ...complaint("repeat@example.com"), description: "short" }, "198.51.100.99"), { now });
    expect(invalid.status).toBe(400);
    // Right after the hour turns, the last hour's six still weigh almost fully; at 15:20 they weigh four.
    expect((await postComplaint(db(), post(complaint("repeat@example.com"), "198.51.100.7"), { now: new Date("2025-09-09T15:00:01Z") })).status).toBe(429);
    const later = new Date("2025-09-09T15:20:00Z");
    const response = await postComplaint(db(), post(complaint("repeat@example.com"), "198.51.100.8"), { now: later });
    expect(response.status).toBe(429); // the refused try at 15:00:01 counts: 2 + 6 × 2/3 = 6
    // At 15:40: 3 tries this hour + 6 × 1/3 = 5, within the limit.
    expect((await postComplaint(db(), post(complaint("Repeat@example.com"), "198.51.100.9"), { now: new Date("2025-09-09T15:40:00Z") })).status).toBe(
      201,
    );
  });

  it("counts phone numbers the same way", async () => {
    const byPhone = { name: "Pat", phone: "+44 7700 900123", processId: "not_sure", description: "The delivery came damaged and late again." };
    const statuses = [];
    for (let i = 0; i < 6; i++) {
      const phone = i % 2 ? "+44 7700-900 123" : byPhone.phone;
      statuses.push((await postComplaint(db(), post({ ...byPhone, phone }, `192.0.2.${i + 1}`), { now })).status);
    }
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429]);
  });

  it("lets a caller switch the limits off (the route never does)", async () => {
    await db()
      .insert(rateLimitHits)
      .values({ bucket: LIMITS.apiIntakeIp.bucket, key: hashKey("203.0.113.60"), windowStart: windowStartFor(LIMITS.apiIntakeIp, now), hits: 10_000 });
    const response = await postComplaint(db(), post(complaint("free@example.com"), "203.0.113.60"), { now, rateLimit: false });
    expect(response.status).toBe(201);
  });

  it("the web form's path: every submission counts against the IP address, then the form is refused with the wait", async () => {
    const rule = { bucket: "test-form-ip", limit: 2, windowSeconds: 600 };
    const limits = { clientIp: "203.0.113.77", ipRule: rule, now };
    const invalid = await submitComplaint(db(), { ...complaint("form@example.com"), description: "" }, [], "web", limits);
    expect(invalid.kind).toBe("invalid");
    expect((await submitComplaint(db(), complaint("form@example.com"), [], "web", limits)).kind).toBe("filed");
    const before = await countComplaints();
    expect(await submitComplaint(db(), complaint("form@example.com"), [], "web", limits)).toEqual({ kind: "throttled", retryAfterSeconds: 740 });
    expect(await countComplaints()).toBe(before);
    // Bots filling the honeypot are counted too, and refused like anyone else.
    expect((await submitComplaint(db(), { ...complaint("bot@example.com"), website: "x" }, [], "web", limits)).kind).toBe("throttled");
  });

  it("the web form's default rule is ten complaints per IP address per ten minutes", async () => {
    const kinds = [];
    for (let i = 0; i < 11; i++) {
      const outcome = await submitComplaint(db(), complaint(`person${i}@example.com`), [], "web", { clientIp: "203.0.113.88", now });
      kinds.push(outcome.kind);
    }
    expect(kinds).toEqual([...Array(10).fill("filed"), "throttled"]);
  });

  it("limits lost-link requests per IP address, counting only well-formed ones", async () => {
    const ask = (email: string, reference = "CR-7KQ4-M9TA") =>
      requestNewTrackingLink(db(), { email, reference }, { clientIp: "203.0.113.99", now, minResponseMs: 0 });
    expect((await ask("not an email")).ok).toBe(false);
    for (let i = 0; i < LIMITS.lostLinkIp.limit; i++) expect(await ask(`who${i}@example.com`)).toEqual({ ok: true });
    expect(await ask("who@example.com")).toEqual({ ok: false, retryAfterSeconds: 15 * 60 + 40 + 20 * 60 });
    // Another address may still ask.
    expect(await requestNewTrackingLink(db(), { email: "who@example.com", reference: "CR-7KQ4-M9TA" }, { clientIp: "203.0.113.100", now, minResponseMs: 0 })).toEqual({
      ok: true,
    });
    const [row] = await db()
      .select({ hits: rateLimitHits.hits })
      .from(rateLimitHits)
      .where(eq(rateLimitHits.key, hashKey("203.0.113.99")));
    expect(row!.hits).toBe(LIMITS.lostLinkIp.limit + 1);
  });
});
