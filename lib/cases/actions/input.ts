import { z } from "zod";
import type { Complaint } from "@/db/schema";
import { CaseRuleError } from "../errors";

/**
 * Input rules shared by every case action. Forms send strings; code and tests may send numbers.
 * A blank field means "not given": optional values stay undefined, minutes take the action's usual amount.
 */

/** Raw form fields, as a server action receives them; the schemas decide what they mean. */
export type FormInput = Record<string, string | undefined>;

const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

/** The case being changed and the version the user saw (optimistic concurrency). */
export const caseRef = {
  complaintId: z.uuid({ error: "This case could not be found. Reload the page." }),
  expectedVersion: z.coerce
    .number({ error: "Reload the page and try again." })
    .int("Reload the page and try again.")
    .positive("Reload the page and try again."),
};

/** Minutes spent on an action (0 to a full day); empty means the action's usual amount. */
export function minutesSpent(fallback: number) {
  return z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: "Enter the minutes as a number." })
      .int("Enter whole minutes.")
      .min(0, "Minutes cannot be negative.")
      .max(1440, "At most 1440 minutes (one day) per action.")
      .default(fallback),
  );
}

/** Optional free text: blank becomes undefined, surrounding spaces go. */
export function optionalText(max: number, label: string) {
  return z.preprocess(blankToUndefined, z.string().trim().max(max, `${label} must be at most ${max} characters.`).optional());
}

/** Required free text with a minimum and maximum length. */
export function requiredText(min: number, max: number, label: string) {
  return z
    .string({ error: `Enter ${label}.` })
    .trim()
    .min(min, `Enter ${label} (at least ${min} characters).`)
    .max(max, `Keep ${label} under ${max} characters.`);
}

/** An optional id from a select: "" means none. */
export const optionalId = (message: string) => z.preprocess(blankToUndefined, z.uuid({ error: message }).optional());

/** An HTML checkbox: "on" when ticked, missing when not; code may pass a boolean. */
export const checkbox = z
  .union([z.boolean(), z.string()])
  .optional()
  .transform((value) => value === true || value === "on" || value === "true");

/** Each field's first problem, keyed by its path ("form" for the whole input); `{length}` in a message becomes `length`. */
export function fieldErrorsOf(error: z.ZodError, length?: number): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.map(String).join(".") : "form";
    out[key] ??= issue.message.replace("{length}", length === undefined ? "too long" : length.toLocaleString("en-GB"));
  }
  return out;
}

/** Parses input or throws the CaseRuleError the form shows beside each field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, textLength?: number): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new CaseRuleError("Please correct the highlighted fields.", fieldErrorsOf(result.error, textLength));
}

/** Decisions about a closed case wait until it is reopened, so the closed record stays as it was. */
export function refuseIfClosed(current: Complaint, what: string): void {
  if (current.status === "closed") throw new CaseRuleError(`This case is closed. Reopen it before you ${what}.`);
}
