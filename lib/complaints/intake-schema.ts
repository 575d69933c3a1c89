import { z } from "zod";
import { CONTACT_CHANNELS } from "@/db/schema/enums";

/**
 * The one definition of a new complaint, shared by the web form's server action and the JSON API.
 * Every message here is shown to the customer next to the field it is about, so it says what to do.
 */

export const NAME_MAX = 120;
export const DESCRIPTION_MIN = 20;
export const DESCRIPTION_MAX = 10_000;
export const DESIRED_OUTCOME_MAX = 5_000;
export const ORDER_REFERENCE_MAX = 100;
export const IDEMPOTENCY_KEY_MAX = 100;
export const EARLIEST_OCCURRED_ON = "2000-01-01";
/** The value of the "Not sure" choice in the process list. */
export const PROCESS_NOT_SURE = "not_sure";

export const INTAKE_FIELDS = [
  "name",
  "email",
  "phone",
  "preferredContact",
  "processId",
  "orderReference",
  "occurredOn",
  "description",
  "desiredOutcome",
  "idempotencyKey",
  "attachments",
] as const;
export type IntakeField = (typeof INTAKE_FIELDS)[number];
/** One message per field, ready to show beside it. */
export type IntakeFieldErrors = Partial<Record<IntakeField, string>>;

// C0 and C1 control characters except tab (\u0009) and line feed (\u000A); carriage returns are
// folded into line feeds first, so Windows line endings survive as plain newlines.
const CONTROL_CHARS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

// Half of a UTF-16 surrogate pair with no other half: JSON escapes ("\ud800") can produce one,
// and no database encoding can store it.
const LONE_SURROGATES = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

// Bidirectional controls: embeddings and overrides (U+202A–U+202E), isolates (U+2066–U+2069) and
// the invisible direction marks (U+200E, U+200F, U+061C). A right-to-left override in a name or a
// file name makes what staff read differ from what was stored ("invoice‮fdp.exe"), and customers'
// words have no need of them: browsers lay out mixed scripts without explicit controls.
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;

/**
 * Removes control characters (keeping newlines and tabs) and bidirectional controls, and replaces
 * broken surrogates with U+FFFD, so stored text prints, reads, searches and encodes cleanly.
 */
export function stripControlCharacters(value: string): string {
  return value.replace(/\r\n?/g, "\n").replace(CONTROL_CHARS, "").replace(BIDI_CONTROLS, "").replace(LONE_SURROGATES, "\uFFFD");
}

// Characters that take no room on screen: format characters (zero-width space and joiners, word
// joiner, soft hyphen, byte-order mark…), combining marks (they belong to the letter before them)
// and the blank "letters" (Hangul fillers, the blank Braille pattern). Kept in the text (joiners
// shape emoji and some scripts), but not counted towards a minimum length.
const INVISIBLE = /[\p{Cf}\p{Mn}\p{Me}\u115F\u1160\u3164\uFFA0\u2800]/gu;

/** How many characters a reader sees: code points, less the invisible ones (25 zero-width spaces count 0). */
export function visibleLength(value: string): number {
  let count = 0;
  for (const _ of value.replace(INVISIBLE, "")) count++;
  return count;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const PHONE_CHARACTERS = /^\+?[\d\s().\-/]+$/;

/** Text from a form or JSON: must be a string when present; cleaned and trimmed. */
function cleanText(label: string) {
  return z.preprocess(
    // Missing is the same as blank, so a required field gets its "please tell us" message.
    (value) => (value === undefined || value === null ? "" : value),
    z.string({ error: `${label} must be text` }).transform((value) => stripControlCharacters(value).trim()),
  );
}

/** An optional text field: missing, null and blank all become null. */
function optionalText(label: string, max: number, tooLong: string) {
  return z
    .preprocess(
      (value) => (value === null ? undefined : value),
      cleanText(label)
        .pipe(z.string().max(max, tooLong))
        .optional()
        .transform((value) => (value ? value : null)),
    )
    .meta({ type: ["string", "null"], maxLength: max });
}

/** Today's date in the time zone furthest ahead of UTC (UTC+14), so no customer's "today" counts as future. */
function latestPossibleToday(now: Date): string {
  return new Date(now.getTime() + 14 * 3600_000).toISOString().slice(0, 10);
}

function isRealDate(value: string): boolean {
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

/**
 * The fields, each checked on its own. The `meta` is for the API's description
 * (app/api/v1/openapi.json), generated from this schema: what a client may send, in JSON Schema
 * terms, where a check hides behind a clean-up step that JSON Schema cannot follow.
 */
export const IntakeFields = z.object({
  name: cleanText("Your name")
    .pipe(
      z
        .string()
        .refine((value) => visibleLength(value) >= 1, "Please tell us your name")
        .pipe(z.string().max(NAME_MAX, `Please keep your name under ${NAME_MAX} characters`)),
    )
    .meta({ minLength: 1, maxLength: NAME_MAX }),
  email: optionalText("Email", 254, "That email address is too long")
    .pipe(z.email("Please enter a valid email address, like name@example.com").nullable())
    .meta({ format: "email" }),
  phone: optionalText("Phone", 40, "Please enter a phone number with 6 to 20 digits")
    .refine(
      (value) => value === null || (PHONE_CHARACTERS.test(value) && /^\d{6,20}$/.test(value.replace(/\D/g, ""))),
      "Please enter a phone number with 6 to 20 digits",
    )
    .meta({ description: "6 to 20 digits once spaces, brackets, dots and dashes are removed; may start with +." }),
  preferredContact: z
    .preprocess(
      (value) => (value === "" || value === null ? undefined : value),
      z.enum(CONTACT_CHANNELS, { error: "Please choose email or phone" }).optional(),
    )
    .meta({ description: "Must be a channel given above. Defaults to email when given, else phone." }),
  processId: z
    .preprocess(
      (value) => (value === null ? undefined : value),
      z
        .string({ error: "Please choose what your complaint is about, or “Not sure”" })
        .trim()
        .refine((value) => value === PROCESS_NOT_SURE || UUID.test(value), "Please choose what your complaint is about, or “Not sure”")
        .transform((value) => (value === PROCESS_NOT_SURE ? null : value.toLowerCase())),
    )
    .meta({ description: `The id of a process from GET /api/v1/processes, or "${PROCESS_NOT_SURE}".` }),
  orderReference: optionalText("Order reference", ORDER_REFERENCE_MAX, `Order or booking references can be at most ${ORDER_REFERENCE_MAX} characters`),
  occurredOn: optionalText("Date", 10, "Please enter the date as YYYY-MM-DD")
    .refine((value) => value === null || (DATE.test(value) && isRealDate(value)), "Please enter a real date, like 2026-03-31")
    .meta({ format: "date", description: `When it happened: not in the future, not before ${EARLIEST_OCCURRED_ON}.` }),
  description: cleanText("Description")
    .pipe(
      z
        .string()
        .max(DESCRIPTION_MAX, `Please keep your description under ${DESCRIPTION_MAX.toLocaleString("en")} characters`)
        // Characters a reader sees: 25 zero-width spaces are not a description.
        .refine((value) => visibleLength(value) >= 1, "Please tell us what went wrong")
        .refine((value) => visibleLength(value) >= DESCRIPTION_MIN, `Please tell us a little more: at least ${DESCRIPTION_MIN} characters`),
    )
    .meta({ minLength: DESCRIPTION_MIN, maxLength: DESCRIPTION_MAX, description: "What went wrong, in the customer's words." }),
  desiredOutcome: optionalText(
    "What would put it right",
    DESIRED_OUTCOME_MAX,
    `Please keep this under ${DESIRED_OUTCOME_MAX.toLocaleString("en")} characters`,
  ).meta({ description: "What would put it right, in the customer's words." }),
  idempotencyKey: optionalText("Idempotency key", IDEMPOTENCY_KEY_MAX, `Idempotency keys can be at most ${IDEMPOTENCY_KEY_MAX} characters`).meta({
    description: "Same as the Idempotency-Key header.",
  }),
});

export const IntakeSchema = IntakeFields
  .superRefine((value, ctx) => {
    // Cross-field rules. Fields that already failed arrive here unparsed, so check types first.
    if (value.email === null && value.phone === null) {
      ctx.addIssue({ code: "custom", path: ["email"], message: "Please give an email address or a phone number so we can reach you" });
    }
    if (value.preferredContact === "email" && value.email === null && value.phone !== null) {
      ctx.addIssue({ code: "custom", path: ["preferredContact"], message: "We can only email you if you give an email address" });
    }
    if (value.preferredContact === "phone" && value.phone === null && value.email !== null) {
      ctx.addIssue({ code: "custom", path: ["preferredContact"], message: "We can only phone you if you give a phone number" });
    }
    const occurredOn = typeof value.occurredOn === "string" && isRealDate(value.occurredOn) ? value.occurredOn : null;
    if (occurredOn && occurredOn > latestPossibleToday(new Date())) {
      ctx.addIssue({ code: "custom", path: ["occurredOn"], message: "That date is in the future: please check it" });
    } else if (occurredOn && occurredOn < EARLIEST_OCCURRED_ON) {
      ctx.addIssue({ code: "custom", path: ["occurredOn"], message: "Please enter a date from the year 2000 onwards" });
    }
    // Run even when other fields failed, so a customer sees every problem at once.
  }, { when: () => true })
  .transform((value) => ({
    ...value,
    // Default to the one channel they gave (email when they gave both).
    preferredContact: value.preferredContact ?? (value.email ? ("email" as const) : ("phone" as const)),
  }));

/** A complaint as validated: strings cleaned, blanks turned into null. */
export type IntakeInput = z.output<typeof IntakeSchema>;

export type IntakeParseResult = { kind: "valid"; data: IntakeInput } | { kind: "invalid"; fieldErrors: IntakeFieldErrors };

/**
 * True when the web form's honeypot field, invisible to people, has anything in it: a bot. The web
 * form then pretends success and stores nothing (lib/complaints/intake.ts). Web form only: the API
 * has no hidden field and refuses fields it does not know.
 */
export function isHoneypotFilled(raw: unknown): boolean {
  if (typeof raw !== "object" || raw === null) return false;
  const website = (raw as Record<string, unknown>).website;
  return website !== undefined && website !== null && website !== "";
}

/** Validates raw input (form fields or a JSON body) into either clean data or one message per field. */
export function parseIntake(raw: unknown): IntakeParseResult {
  const parsed = IntakeSchema.safeParse(raw);
  if (parsed.success) return { kind: "valid", data: parsed.data };
  return { kind: "invalid", fieldErrors: fieldErrorsOf(parsed.error) };
}

/** The first message for each field; issues not tied to a known field are reported on "description". */
export function fieldErrorsOf(error: z.ZodError): IntakeFieldErrors {
  const errors: IntakeFieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path[0];
    const field = (INTAKE_FIELDS as readonly unknown[]).includes(key) ? (key as IntakeField) : "description";
    errors[field] ??= issue.message;
  }
  return errors;
}

/** The text fields of the complaint form, as typed; used both to validate and to refill the form. */
export type IntakeFormValues = Record<Exclude<IntakeField, "attachments">, string>;

export function intakeValuesFromFormData(form: FormData): IntakeFormValues & { website: string } {
  const text = (key: string) => {
    const value = form.get(key);
    return typeof value === "string" ? value : "";
  };
  return {
    name: text("name"),
    email: text("email"),
    phone: text("phone"),
    preferredContact: text("preferredContact"),
    processId: text("processId"),
    orderReference: text("orderReference"),
    occurredOn: text("occurredOn"),
    description: text("description"),
    desiredOutcome: text("desiredOutcome"),
    idempotencyKey: text("idempotencyKey"),
    website: text("website"),
  };
}
