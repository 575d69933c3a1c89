import {
  DESCRIPTION_MAX,
  DESCRIPTION_MIN,
  DESIRED_OUTCOME_MAX,
  IDEMPOTENCY_KEY_MAX,
  NAME_MAX,
  ORDER_REFERENCE_MAX,
} from "@/lib/complaints/intake-schema";
import { MAX_JSON_DEPTH } from "@/lib/complaints/api";
import { LIMITS } from "@/lib/security/limits";

const error = (description: string, example: Record<string, unknown>) => ({
  description,
  content: { "application/json": { schema: { $ref: "#/components/schemas/Error" }, example } },
});

/** While the database cannot be reached: nothing was stored; retry after the Retry-After seconds (same Idempotency-Key). */
const unavailable = {
  ...error("The database cannot be reached just now; nothing was stored. Retry after the number of seconds in Retry-After, with the same Idempotency-Key.", {
    error: "service_unavailable",
    message: "The complaint service cannot reach its database just now…",
  }),
  headers: { "Retry-After": { description: "Seconds to wait before retrying.", schema: { type: "integer" } } },
};

/**
 * The public API, written by hand so every word is meant for the people integrating with it.
 * Limits come from the intake schema, so the document and the validation cannot drift apart.
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
          "400": {
            description:
              "Nothing was stored. `validation_failed`: a field is invalid (one message per field, written for the customer). " +
              "`invalid_json`: the body is not JSON or not an object. `too_deep`: arrays or objects nested more than " +
              `${MAX_JSON_DEPTH} levels deep. \`unknown_fields\`: a field this API does not know (listed in \`fields\`). ` +
              "`invalid_encoding`: the bytes are not UTF-8. `incomplete_body`: the body ended before it was complete.",
            content: {
              "application/json": {
                schema: { oneOf: [{ $ref: "#/components/schemas/ValidationFailed" }, { $ref: "#/components/schemas/Error" }] },
                examples: {
                  validation: {
                    value: { error: "validation_failed", fieldErrors: { description: "Please tell us a little more: at least 20 characters" } },
                  },
                  json: { value: { error: "invalid_json", message: "The body is not valid JSON." } },
                  unknown: { value: { error: "unknown_fields", fields: ["website"], message: "Unknown field: website. Nothing was stored." } },
                },
              },
            },
          },
          "422": error("The Idempotency-Key was already used for a different complaint. Nothing was stored; send each complaint with its own key.", {
            error: "idempotency_key_reused",
            message: "This Idempotency-Key was already used for a different complaint. Nothing was stored: send each complaint with its own key.",
          }),
          "413": error("The body is over 1 MB.", { error: "payload_too_large", message: "The body must be at most 1048576 bytes." }),
          "415": error("The Content-Type is not application/json.", { error: "unsupported_media_type", message: "Send the complaint as JSON…" }),
          "429": {
            ...error(
              `Too many complaints from this IP address (${LIMITS.apiIntakeIp.limit} per ${LIMITS.apiIntakeIp.windowSeconds / 60} minutes) or for one email address or phone number (${LIMITS.intakeContact.limit} per hour). Nothing was stored; retry after the number of seconds in Retry-After.`,
              { error: "too_many_requests", message: "Too many complaints from this address or for this contact. Nothing was stored; try again in 6 minutes.", retryAfterSeconds: 340 },
            ),
            headers: { "Retry-After": { description: "Seconds until the limit allows another complaint.", schema: { type: "integer" } } },
          },
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
      NewComplaint: {
        type: "object",
        description:
          "Give an email address, a phone number, or both. Text is trimmed; control characters (except newlines and tabs) and " +
          "bidirectional controls are removed; minimum lengths count visible characters. Fields not listed here are refused.",
        additionalProperties: false,
        required: ["name", "processId", "description"],
        properties: {
          name: { type: "string", minLength: 1, maxLength: NAME_MAX },
          email: { type: ["string", "null"], format: "email" },
          phone: { type: ["string", "null"], description: "6 to 20 digits once spaces, brackets, dots and dashes are removed; may start with +." },
          preferredContact: {
            type: "string",
            enum: ["email", "phone"],
            description: "Must be a channel given above. Defaults to email when given, else phone.",
          },
          processId: {
            type: "string",
            description: 'The id of a process from GET /api/v1/processes, or "not_sure".',
            examples: ["not_sure"],
          },
          orderReference: { type: ["string", "null"], maxLength: ORDER_REFERENCE_MAX },
          occurredOn: { type: ["string", "null"], format: "date", description: "When it happened: not in the future, not before 2000-01-01." },
          description: { type: "string", minLength: DESCRIPTION_MIN, maxLength: DESCRIPTION_MAX, description: "What went wrong, in the customer's words." },
          desiredOutcome: { type: ["string", "null"], maxLength: DESIRED_OUTCOME_MAX, description: "What would put it right, in the customer's words." },
          idempotencyKey: { type: ["string", "null"], maxLength: IDEMPOTENCY_KEY_MAX, description: "Same as the Idempotency-Key header." },
        },
      },
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
            enum: [
              "invalid_json",
              "invalid_encoding",
              "incomplete_body",
              "too_deep",
              "unknown_fields",
              "idempotency_key_reused",
              "payload_too_large",
              "unsupported_media_type",
              "too_many_requests",
              "service_unavailable",
            ],
          },
          message: { type: "string" },
          fields: { type: "array", items: { type: "string" }, description: "With unknown_fields: the fields that were not recognised." },
          retryAfterSeconds: { type: "integer", description: "With too_many_requests: the same as the Retry-After header." },
        },
      },
    },
  },
} as const;
