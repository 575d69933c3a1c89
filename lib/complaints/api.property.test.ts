import { eq, sql } from "drizzle-orm";
import fc from "fast-check";
import { expect, it } from "vitest";
import { openApiDocument } from "@/app/api/v1/openapi.json/document";
import type { Db } from "@/db/client";
import { complaints } from "@/db/schema";
import { describeEachDatabase } from "@/test/databases";
import { API_ERRORS, handleCreateComplaint, MAX_API_BODY_BYTES, MAX_JSON_DEPTH } from "./api";
import { DESCRIPTION_MAX, NAME_MAX } from "./intake-schema";

/**
 * Property: whatever body reaches POST /api/v1/complaints, the answer is one of
 *   - 201, and the complaint it names is stored exactly once (one more complaint in all);
 *   - 200 `duplicate`, naming the complaint its Idempotency-Key filed earlier, nothing new stored;
 *   - a 4xx the OpenAPI document lists, with an error code of API_ERRORS (which the document is
 *     built from) under its own status, and nothing stored.
 * Never a 5xx, never a thrown error, never a success for something not stored. Bodies are
 * generated valid, near-valid (one field broken) and hostile (wrong types, huge strings, unicode,
 * bidirectional controls, deep nesting, unknown fields, bytes that are not UTF-8), with keys drawn
 * from a small pool so the same key comes back with the same and with other complaints.
 */

const post = openApiDocument.paths["/api/v1/complaints"].post;
const DOCUMENTED_STATUSES = new Set(Object.keys(post.responses).map(Number));
/** The one list of error codes the handlers answer with and the document is built from. */
const DOCUMENTED_CODES = new Map<string, number>(Object.entries(API_ERRORS).map(([code, { status }]) => [code, status]));

// A modest number of runs: each sends 1–4 requests to a real database, on CI's 2 cores.
const RUNS = 40;

const FIELDS = ["name", "email", "phone", "preferredContact", "processId", "orderReference", "occurredOn", "description", "desiredOutcome"] as const;

/** Characters that have broken text handling somewhere: controls, bidi, invisible, broken surrogates, markup. */
const nastyChar = fc.constantFrom(
  "\u0000", "\u0007", "\u001b", "\u007f", "\u009b", "\r", "\n", "\t",
  "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\u200e", "\u200f", "\u061c",
  "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u3164",
  "\ud800", "\udfff", "😀", "👩🏽‍🔧", "ש", "ع", "e\u0301", "<script>", "'", '"', "\\", "{", "[", "--",
);
const text = (maxLength: number) =>
  fc.array(fc.oneof({ weight: 3, arbitrary: fc.string({ unit: "binary", maxLength: 4 }) }, { weight: 2, arbitrary: nastyChar }), { maxLength }).map((parts) => parts.join(""));

/** A description that passes: at least 20 visible characters, words of the sender's own. */
const goodDescription = fc
  .tuple(fc.lorem({ maxCount: 12, mode: "words" }), text(8))
  .map(([words, extra]) => `The order arrived broken and late: ${words} ${extra}`.slice(0, DESCRIPTION_MAX));

const validBody = fc.record(
  {
    name: fc.oneof(fc.constantFrom("Sam Carter", "سارا كارتر", "李小龙", "Zoë O'Brien-Smith"), fc.string({ minLength: 1, maxLength: 20 }).map((s) => `N ${s}`)),
    email: fc.constantFrom("a@example.com", "b@example.com", "c.d@example.org", "e+tag@example.net"),
    phone: fc.constantFrom(undefined, "", "+44 20 7946 0018", "(020) 7946-0019"),
    processId: fc.constant("not_sure"),
    orderReference: fc.option(fc.string({ maxLength: 30 }), { nil: undefined }),
    occurredOn: fc.constantFrom(undefined, null, "", "2024-02-29", "2025-12-31"),
    description: goodDescription,
    desiredOutcome: fc.option(text(30), { nil: undefined }),
  },
  { requiredKeys: ["name", "email", "processId", "description"] },
);

const deep = (depth: number, inner: unknown = "x"): unknown => (depth === 0 ? inner : [deep(depth - 1, inner)]);

/** Values a field should never be: wrong types, huge, nested, or nasty text. */
const badValue = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1e308, [], {}, ["a"], { nested: { deeper: true } }),
  fc.integer(),
  fc.double(),
  text(40),
  fc.constantFrom("x".repeat(NAME_MAX + 1), "d".repeat(DESCRIPTION_MAX + 1), "\u200b".repeat(25), "\u202e".repeat(30) + "short", " ".repeat(50)),
  fc.integer({ min: 1, max: MAX_JSON_DEPTH + 10 }).map((depth) => deep(depth)),
  fc.jsonValue({ maxDepth: 4 }),
);

/** A valid body with one or two fields broken, removed, or an unknown field added. */
const nearValidBody = fc
  .tuple(
    validBody,
    fc.array(
      fc.oneof(
        fc.record({ kind: fc.constant("set" as const), field: fc.constantFrom(...FIELDS), value: badValue }),
        fc.record({ kind: fc.constant("drop" as const), field: fc.constantFrom(...FIELDS) }),
        fc.record({
          kind: fc.constant("unknown" as const),
          field: fc.oneof(fc.constantFrom("website", "status", "id", "attachments", "__proto__", "constructor", "descripton"), fc.string({ maxLength: 10 })),
          value: badValue,
        }),
      ),
      { minLength: 1, maxLength: 2 },
    ),
  )
  .map(([body, edits]) => {
    const out: Record<string, unknown> = { ...body };
    for (const edit of edits) {
      if (edit.kind === "drop") delete out[edit.field];
      // defineProperty, so "__proto__" becomes a real key of the JSON as a client would send it.
      else Object.defineProperty(out, edit.field, { value: edit.value, enumerable: true, writable: true, configurable: true });
    }
    return out;
  });

/** Raw request bodies: not JSON, not objects, deep nesting, broken bytes, over the size limit. */
const hostileRaw = fc.oneof(
  fc.string({ maxLength: 50 }),
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v) ?? "null"),
  fc.integer({ min: MAX_JSON_DEPTH - 2, max: 3000 }).map((n) => `${"[".repeat(n)}${"]".repeat(n)}`),
  fc.integer({ min: 1, max: 200 }).map((n) => `{"name":${'{"a":'.repeat(n)}1${"}".repeat(n)}}`),
  fc.constantFrom(
    "",
    "{",
    '{"name": "Sam',
    "null",
    '"a string"',
    '{"name":"Sam","name":"Other","email":"a@example.com","processId":"not_sure","description":"Duplicate keys: the last one counts here."}',
    `{"description":"${"é".repeat(Math.ceil(MAX_API_BODY_BYTES / 2) + 10)}"}`,
  ),
  fc.uint8Array({ minLength: 1, maxLength: 40 }).map((bytes) => Buffer.concat([Buffer.from('{"name":"'), Buffer.from(bytes), Buffer.from([0xff, 0xfe]), Buffer.from('"}')])),
);

type Sent = { body: string | Buffer; key: string | null; contentType: string };

const KEYS = ["order-1", "order-2", "order-3"];
const request: fc.Arbitrary<Sent> = fc.record({
  body: fc.oneof(
    { weight: 3, arbitrary: validBody.map((b) => JSON.stringify(b)) },
    { weight: 4, arbitrary: nearValidBody.map((b) => JSON.stringify(b)) },
    { weight: 2, arbitrary: hostileRaw },
  ),
  key: fc.option(fc.constantFrom(...KEYS), { nil: null }),
  contentType: fc.constantFrom("application/json", "application/json", "application/json; charset=utf-8", "text/plain"),
});

async function countComplaints(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(complaints);
  return Number(row!.n);
}

describeEachDatabase("POST /api/v1/complaints, generated bodies", ({ db }) => {
  it(`answers 201 and stores once, 200 for a replay, or a documented 4xx storing nothing (${RUNS} runs of 1–4 requests)`, async () => {
    // Which complaint each key filed, across runs (the database keeps them), so a replay can be checked.
    const filedWithKey = new Map<string, string>();
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(request, { minLength: 1, maxLength: 4 }), async (sends) => {
        // Keys are per run, so each run starts with unused ones and repeats them within itself.
        run++;
        for (const sent of sends) {
          const key = sent.key === null ? null : `${sent.key}-run${run}`;
          const before = await countComplaints(db());
          const response = await handleCreateComplaint(
            db(),
            new Request("http://portal.test/api/v1/complaints", {
              method: "POST",
              headers: { "content-type": sent.contentType, ...(key ? { "idempotency-key": key } : {}) },
              body: typeof sent.body === "string" ? sent.body : new Uint8Array(sent.body),
            }),
            // The rate limits have tests of their own; here they would only turn later runs into 429s.
            { rateLimit: false },
          );
          const answer = (await response.json()) as Record<string, unknown>;
          const after = await countComplaints(db());
          const label = `${response.status} ${JSON.stringify(answer).slice(0, 300)}`;
          expect(DOCUMENTED_STATUSES.has(response.status), `undocumented status: ${label}`).toBe(true);

          if (response.status === 201) {
            const reference = answer.reference as string;
            expect(after, label).toBe(before + 1);
            expect(await db().select({ id: complaints.id }).from(complaints).where(eq(complaints.reference, reference)), label).toHaveLength(1);
            if (key) {
              expect(filedWithKey.has(key), `a second 201 for key ${key}`).toBe(false);
              filedWithKey.set(key, reference);
            }
          } else if (response.status === 200) {
            expect(answer.duplicate, label).toBe(true);
            expect(after, label).toBe(before);
            expect(key && filedWithKey.get(key), label).toBe(answer.reference);
          } else {
            expect(response.status, label).toBeGreaterThanOrEqual(400);
            expect(response.status, label).toBeLessThan(500);
            expect(DOCUMENTED_CODES.has(answer.error as string), `undocumented error code: ${label}`).toBe(true);
            expect(DOCUMENTED_CODES.get(answer.error as string), `documented under another status: ${label}`).toBe(response.status);
            expect(after, `a refusal stored something: ${label}`).toBe(before);
            if (answer.error === "idempotency_key_reused") expect(key && filedWithKey.has(key), label).toBe(true);
          }
        }
      }),
      { numRuns: RUNS, seed: Number(process.env.PROPERTY_SEED) || undefined, endOnFailure: true },
    );
  }, 180_000);
});
