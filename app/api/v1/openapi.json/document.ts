import { z } from "zod";
import { API_ERRORS, type ApiErrorCode } from "@/lib/complaints/api";
import { IDEMPOTENCY_KEY_MAX, IntakeFields } from "@/lib/complaints/intake-schema";

const CODES = Object.keys(API_ERRORS) as ApiErrorCode[];

/** The answer for one status: every error code that comes with it, and what each means. */
function refusal(status: number, examples: Record<string, Record<string, unknown>>) {
  const codes = CODES.filter((code) => API_ERRORS[code].status === status);
  const schema = codes.includes("validation_failed")
    ? { oneOf: [{ $ref: "#/components/schemas/ValidationFailed" }, { $ref: "#/components/schemas/Error" }] }
    : { $ref: "#/components/schemas/Error" };
  return {
    description: `Nothing was stored. ${codes.map((code) => `\`${code}\`: ${API_ERRORS[code].meaning}`).join(" ")}`,
    content: { "application/json": { schema, examples: Object.fromEntries(Object.entries(examples).map(([name, value]) => [name, { value }])) } },
    ...(status === 429 || status === 503
      ? { headers: { "Retry-After": { description: "Seconds to wait before retrying.", schema: { type: "integer" } } } }
      : {}),
  };
}

const unavailable = refusal(503, {
  database: { error: "service_unavailable", message: "The complaint service cannot reach its database just now…" },
  timeout: { error: "timeout", message: "The server could not answer in time…" },
});

/**
 * A new complaint, generated from the intake schema the web form uses. A field is required when
 * leaving it out is refused; the rules across fields (an email or a phone number) are words.
 */
const { $schema: _, ...intake } = z.toJSONSchema(IntakeFields, { io: "input", unrepresentable: "any" });
const shape: Record<string, z.ZodType> = IntakeFields.shape;
const NewComplaint = {
  ...intake,
  description:
    "Give an email address, a phone number, or both. Text is trimmed; control characters (except newlines and tabs) and " +
    "bidirectional controls are removed; minimum lengths count visible characters. Fields not listed here are refused.",
  additionalProperties: false,
  required: Object.keys(shape).filter((field) => !shape[field]!.safeParse(undefined).success),
};

/**
 * The public API. The words are written by hand for the people integrating with it; the complaint's
 * fields come from the intake schema and the errors from API_ERRORS, so the document cannot drift
 * from what the API does (app/api/v1/openapi.json/document.test.ts).
 */
export const openApiDocument = {
  openapi: "3.1.0",
  info: {
    title: "CaseRoot public API",
    version: "1.0.0",
    description:
      "File customer complaints from other systems (a shop, a chat widget, a phone system). The API follows the same rules as the web form. " +
      "Attachments cannot be sent through the API: ask the customer to use the web form, or add files to the case from the workspace.",
  },
  servers: [{ url: "/" }],
  paths: {
    "/api/v1/complaints": {
      post: {
        operationId: "createComplaint",
        summary: "File a complaint",
        description:
          "Creates a complaint and returns its reference and the customer's private tracking link. The link is returned only once: " +
          "pass it on to the customer and do not store it where others can read it. A returning customer is recognised by email or phone.",
        parameters: [
          {
            name: "Idempotency-Key",
            in: "header",
            required: false,
            description:
              `Up to ${IDEMPOTENCY_KEY_MAX} characters, unique per complaint (e.g. a UUID). Sending the same key again does not create a second ` +
              "complaint: the answer is 200 with the first complaint's reference and `trackingUrl: null` (the link cannot be shown twice). " +
              "A key is bound to the complaint it was first sent with (a SHA-256 hash of the validated fields): the same key with a " +
              "different complaint is refused with 422 `idempotency_key_reused` and nothing is stored. Overrides an `idempotencyKey` in the body.",
            schema: { type: "string", maxLength: IDEMPOTENCY_KEY_MAX },
          },
        ],
        requestBody: {
          required: true,
          description: "At most 1 MB of JSON (Content-Type: application/json).",
          content: {
            "application/json": {
              schema: { $ref: "#/components/schemas/NewComplaint" },
              example: {
                name: "Sam Carter",
                email: "sam@example.com",
                processId: "not_sure",
                orderReference: "A-10442",
                occurredOn: "2026-11-20",
                description: "The washing machine was delivered with a cracked door and the driver left before I could check it.",
                desiredOutcome: "A replacement door, fitted this week.",
              },
            },
          },
        },
        responses: {
          "201": {
            description: "Filed.",
            content: {
              "application/json": {
                schema: { $ref: "#/components/schemas/Created" },
                example: { reference: "CR-7KQ4-M9TA", trackingUrl: "https://complaints.example.com/track/2f0c…" },
              },
            },
          },
          "200": {
            description: "Already filed with this idempotency key: nothing new was created.",
            content: {
              "application/json": {
                schema: { $ref: "#/components/schemas/Duplicate" },
                example: { reference: "CR-7KQ4-M9TA", trackingUrl: null, duplicate: true },
              },
            },
          },
          "400": refusal(400, {
            validation: { error: "validation_failed", fieldErrors: { description: "Please tell us a little more: at least 20 characters" } },
            json: { error: "invalid_json", message: "The body is not valid JSON." },
            unknown: { error: "unknown_fields", fields: ["website"], message: "Unknown field: website. Nothing was stored." },
          }),
          "413": refusal(413, { tooLarge: { error: "payload_too_large", message: "The body must be at most 1048576 bytes." } }),
          "415": refusal(415, { notJson: { error: "unsupported_media_type", message: "Send the complaint as JSON…" } }),
          "422": refusal(422, {
            reused: {
              error: "idempotency_key_reused",
              message: "This Idempotency-Key was already used for a different complaint. Nothing was stored: send each complaint with its own key.",
            },
          }),
          "429": refusal(429, {
            limited: {
              error: "too_many_requests",
              message: "Too many complaints from this address or for this contact. Nothing was stored; try again in 6 minutes.",
              retryAfterSeconds: 340,
            },
          }),
          "503": unavailable,
        },
      },
    },
    "/api/v1/processes": {
      get: {
        operationId: "listProcesses",
        summary: "The parts of the business a complaint can be about",
        responses: {
          "200": {
            description: "Processes currently offered to customers, in display order.",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  required: ["processes"],
                  properties: {
                    processes: {
                      type: "array",
                      items: {
                        type: "object",
                        required: ["id", "name", "description"],
                        properties: { id: { type: "string", format: "uuid" }, name: { type: "string" }, description: { type: ["string", "null"] } },
                      },
                    },
                  },
                },
              },
            },
          },
          "503": unavailable,
        },
      },
    },
  },
  components: {
    schemas: {
      NewComplaint,
      Created: {
        type: "object",
        required: ["reference", "trackingUrl"],
        properties: {
          reference: { type: "string", pattern: "^CR-[2-9A-HJKMNP-TW-Z]{4}-[2-9A-HJKMNP-TW-Z]{4}$" },
          trackingUrl: { type: "string", format: "uri", description: "The customer's private link. Shown only in this response." },
        },
      },
      Duplicate: {
        type: "object",
        required: ["reference", "trackingUrl", "duplicate"],
        properties: { reference: { type: "string" }, trackingUrl: { type: "null" }, duplicate: { const: true } },
      },
      ValidationFailed: {
        type: "object",
        required: ["error", "fieldErrors"],
        properties: {
          error: { const: "validation_failed" },
          fieldErrors: {
            type: "object",
            description: "One message per invalid field, keyed by field name.",
            additionalProperties: { type: "string" },
          },
        },
      },
      Error: {
        type: "object",
        required: ["error"],
        properties: {
          error: {
            type: "string",
            enum: CODES.filter((code) => code !== "validation_failed"),
          },
          message: { type: "string" },
          fields: { type: "array", items: { type: "string" }, description: "With unknown_fields: the fields that were not recognised." },
          retryAfterSeconds: { type: "integer", description: "With too_many_requests: the same as the Retry-After header." },
        },
      },
    },
  },
} as const;
