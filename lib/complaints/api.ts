import "server-only";
import type { Db } from "@/db/client";
import { type JsonBodyProblem, readJsonObject } from "@/lib/http/json-body";
import { clientIpFrom } from "@/lib/security/client-ip";
import { LIMITS } from "@/lib/security/limits";
import { minutesPhrase } from "@/lib/security/minutes";
import { consume } from "@/lib/security/rate-limit";
import { submitComplaint } from "./intake";
import { IntakeFields } from "./intake-schema";
import { trackingUrl } from "./tracking";

/** Bodies above this are refused before parsing; complaints are text (attachments are web-form only). */
export const MAX_API_BODY_BYTES = 1024 * 1024;

/**
 * Deepest nesting of arrays and objects accepted. A complaint is one flat object (depth 1); the
 * limit leaves room for clients that wrap nothing, while a megabyte of "[[[[…" is refused cheaply.
 */
export const MAX_JSON_DEPTH = 20;

/** The fields a JSON complaint may carry: the form's, less files (web form only), as documented. */
const API_FIELDS: ReadonlySet<string> = new Set(Object.keys(IntakeFields.shape));

/**
 * Every error the JSON API answers with (the `error` field of the body): its status and what it
 * tells the client. The handlers can only answer with these codes (`ApiErrorBody`) and the OpenAPI
 * document (app/api/v1/openapi.json) lists exactly these, so the two cannot drift apart.
 * `service_unavailable` comes from lib/resilience/outage.ts, `timeout` from the production
 * server's time limit (scripts/server.mjs).
 */
export const API_ERRORS = {
  validation_failed: { status: 400, meaning: "a field is invalid (one message per field in `fieldErrors`, written for the customer)." },
  invalid_json: { status: 400, meaning: "the body is not JSON or not an object." },
  too_deep: { status: 400, meaning: `arrays or objects nested more than ${MAX_JSON_DEPTH} levels deep.` },
  unknown_fields: { status: 400, meaning: "a field this API does not know (listed in `fields`)." },
  invalid_encoding: { status: 400, meaning: "the bytes are not UTF-8." },
  incomplete_body: { status: 400, meaning: "the body ended before it was complete." },
  payload_too_large: { status: 413, meaning: "the body is over 1 MB." },
  unsupported_media_type: { status: 415, meaning: "the Content-Type is not application/json." },
  idempotency_key_reused: {
    status: 422,
    meaning: "the Idempotency-Key was already used for a different complaint; send each complaint with its own key.",
  },
  too_many_requests: {
    status: 429,
    meaning:
      `too many complaints from this IP address (${LIMITS.apiIntakeIp.limit} per ${LIMITS.apiIntakeIp.windowSeconds / 60} minutes) or for one ` +
      `email address or phone number (${LIMITS.intakeContact.limit} per hour); retry after the number of seconds in Retry-After.`,
  },
  service_unavailable: {
    status: 503,
    meaning: "the database cannot be reached just now; retry after the number of seconds in Retry-After, with the same Idempotency-Key.",
  },
  timeout: { status: 503, meaning: "the server could not answer in time; retry after the number of seconds in Retry-After, with the same Idempotency-Key." },
} as const satisfies Record<string, { status: number; meaning: string }>;

export type ApiErrorCode = keyof typeof API_ERRORS;

/** The body of every error answer. */
export type ApiErrorBody = {
  error: ApiErrorCode;
  message?: string;
  fieldErrors?: Record<string, string>;
  fields?: string[];
  retryAfterSeconds?: number;
};

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store", ...headers } });
}

/** An error answer, with the status its code is documented with. */
function refuse(body: ApiErrorBody, headers: Record<string, string> = {}): Response {
  return json(API_ERRORS[body.error].status, body, headers);
}

/** The answer to each way a body can fail to be one JSON object. */
const BODY_REFUSALS: Record<JsonBodyProblem, ApiErrorBody> = {
  unsupported_media_type: { error: "unsupported_media_type", message: "Send the complaint as JSON with Content-Type: application/json." },
  payload_too_large: {
    error: "payload_too_large",
    message: `The body must be at most ${MAX_API_BODY_BYTES} bytes. Attachments cannot be sent through the API.`,
  },
  invalid_encoding: { error: "invalid_encoding", message: "The body is not valid UTF-8 text." },
  // Usually nobody is left to read this answer.
  incomplete_body: { error: "incomplete_body", message: "The request body ended before it was complete. Nothing was stored." },
  too_deep: { error: "too_deep", message: `The JSON is nested more than ${MAX_JSON_DEPTH} levels deep. A complaint is one flat object.` },
  invalid_json: { error: "invalid_json", message: "The body is not valid JSON." },
  not_an_object: { error: "invalid_json", message: "The body must be a JSON object." },
};

/** 429 with Retry-After (seconds), for a client over a rate limit. */
function tooManyRequests(retryAfterSeconds: number): Response {
  return refuse(
    {
      error: "too_many_requests",
      message: `Too many complaints from this address or for this contact. Nothing was stored; try again in ${minutesPhrase(retryAfterSeconds)}.`,
      retryAfterSeconds,
    },
    { "Retry-After": String(retryAfterSeconds) },
  );
}

export type CreateComplaintOptions = {
  appUrl?: string;
  /** For tests; defaults to the current time. */
  now?: Date;
  /** Rate limits (per IP address, per contact address); on unless false. */
  rateLimit?: boolean;
};

/**
 * `POST /api/v1/complaints`: the same intake as the web form, for other systems. Route handlers
 * pass the app's database; tests pass their own. A client over its limit gets 429 with
 * Retry-After: per IP address before the body is even read, per contact address once it is valid.
 */
export async function handleCreateComplaint(db: Db, request: Request, options: CreateComplaintOptions = {}): Promise<Response> {
  const limited = options.rateLimit !== false;
  const now = options.now ?? new Date();
  if (limited) {
    const perIp = await consume(db, LIMITS.apiIntakeIp, clientIpFrom(request.headers), now);
    if (!perIp.allowed) return tooManyRequests(perIp.retryAfterSeconds);
  }
  const read = await readJsonObject(request, { maxBytes: MAX_API_BODY_BYTES, maxDepth: MAX_JSON_DEPTH });
  if (!read.ok) return refuse(BODY_REFUSALS[read.problem]);
  const { body } = read;

  // Refused, not ignored: a misspelt field ("descripton") would otherwise vanish unnoticed, and
  // the web form's hidden bot-trap field means nothing here (it once made the API answer 201
  // for a complaint it never stored).
  const unknownFields = Object.keys(body).filter((field) => !API_FIELDS.has(field));
  if (unknownFields.length > 0) {
    return refuse({
      error: "unknown_fields",
      fields: unknownFields,
      message: `Unknown field${unknownFields.length === 1 ? "" : "s"}: ${unknownFields.slice(0, 10).join(", ")}. Nothing was stored. The fields are described at /api/v1/openapi.json.`,
    });
  }

  const headerKey = request.headers.get("idempotency-key");
  const raw = headerKey !== null ? { ...body, idempotencyKey: headerKey } : body;
  const outcome = await submitComplaint(db, raw, [], "api", limited ? { now } : undefined);
  const base = options.appUrl ?? new URL(request.url).origin;
  switch (outcome.kind) {
    case "invalid":
      return refuse({ error: "validation_failed", fieldErrors: outcome.fieldErrors });
    case "throttled":
      return tooManyRequests(outcome.retryAfterSeconds);
    case "duplicate":
      return json(200, { reference: outcome.reference, trackingUrl: null, duplicate: true });
    case "key_reused":
      return refuse({
        error: "idempotency_key_reused",
        message: "This Idempotency-Key was already used for a different complaint. Nothing was stored: send each complaint with its own key.",
      });
    case "filed":
      return json(201, { reference: outcome.reference, trackingUrl: trackingUrl(base, outcome.trackingToken) });
    case "discarded":
      // Only the web form has the bot trap; this channel never gets here.
      throw new Error("The API cannot discard a complaint");
  }
}
