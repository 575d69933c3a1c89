import { z } from "zod";
import { FAULT_ATTRIBUTIONS, SEVERITIES } from "@/db/schema/enums";

/**
 * A whole number typed into a form (a string) or passed by code (a number). Empty means missing,
 * so the owner reads "Enter …" rather than a confusing "must be at least 1".
 */
export function wholeNumber(label: string, min: number, max: number) {
  return z.preprocess(
    (value) => (typeof value === "string" ? (value.trim() === "" ? undefined : Number(value.trim())) : value),
    z
      .number({ error: (issue) => (issue.input === undefined ? `Enter the ${label}` : `The ${label} must be a number`) })
      .int(`The ${label} must be a whole number`)
      .min(min, `The ${label} must be at least ${min}`)
      .max(max, `The ${label} must be at most ${max}`),
  );
}

/** Every IANA zone the runtime knows, plus UTC (which `supportedValuesOf` leaves out on some runtimes). */
export const TIME_ZONES: readonly string[] = Array.from(new Set(["UTC", ...Intl.supportedValuesOf("timeZone")])).sort();
const TIME_ZONE_SET = new Set(TIME_ZONES);

export function isKnownTimeZone(zone: string): boolean {
  return TIME_ZONE_SET.has(zone);
}

export const businessSettingsSchema = z.object({
  businessName: z
    .string({ error: "Enter the business name" })
    .trim()
    .min(1, "Enter the business name")
    .max(120, "The business name must be at most 120 characters"),
  timeZone: z
    .string({ error: "Choose a time zone" })
    .trim()
    .refine(isKnownTimeZone, "Choose a time zone from the list, such as Europe/London"),
  firstResponseHours: wholeNumber("first response time", 1, 720),
  followUpDelayDays: wholeNumber("follow-up delay", 0, 90),
});
export type BusinessSettingsInput = z.input<typeof businessSettingsSchema>;

const severityTarget = z.object({
  firstResponseHours: wholeNumber("first response time", 1, 720),
  resolutionDays: wholeNumber("resolution time", 1, 365),
});

export const severityTargetsSchema = z.object(
  Object.fromEntries(SEVERITIES.map((s) => [s, severityTarget])) as Record<(typeof SEVERITIES)[number], typeof severityTarget>,
);
export type SeverityTargetsInput = z.input<typeof severityTargetsSchema>;

// Names are compared case-insensitively, so runs of spaces are folded too: "Late  delivery" is "Late delivery".
const taxonomyName = (what: string) =>
  z
    .string({ error: `Enter a name for the ${what}` })
    .transform((value) => value.replace(/\s+/g, " ").trim())
    .pipe(z.string().min(1, `Enter a name for the ${what}`).max(80, "Names must be at most 80 characters"));

const description = z
  .string()
  .optional()
  .nullable()
  .transform((value) => value?.trim() || null)
  .pipe(z.string().max(500, "Descriptions must be at most 500 characters").nullable());

export const processInputSchema = z.object({ name: taxonomyName("process"), description });
export type ProcessInput = z.input<typeof processInputSchema>;

export const rootCauseInputSchema = z.object({
  name: taxonomyName("root cause"),
  description,
  defaultFault: z.enum(FAULT_ATTRIBUTIONS, { error: "Choose who is usually at fault: service, customer, external or undetermined" }),
});
export type RootCauseInput = z.input<typeof rootCauseInputSchema>;

export const idSchema = z.uuid("That item no longer exists");

/** The largest number of units a month may hold: far above any real business, below integer overflow. */
export const MAX_VOLUME_UNITS = 100_000_000;
const VOLUME_UNITS_MESSAGE = "Enter the units of work as a whole number of 1 or more.";

/** A month's units of work for a process; thousands separators are allowed ("1,200"). */
export const processVolumeSchema = z.object({
  processId: z.uuid("Choose the process the volume is for."),
  month: z
    .string()
    .trim()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "Enter the month as YYYY-MM, for example 2026-03.")
    .transform((month) => `${month}-01`),
  units: z
    .string()
    .transform((units) => units.trim().replace(/,/g, ""))
    .pipe(z.string().regex(/^\d+$/, VOLUME_UNITS_MESSAGE))
    .transform(Number)
    .pipe(
      z
        .number()
        .min(1, VOLUME_UNITS_MESSAGE)
        .max(MAX_VOLUME_UNITS, `Enter at most ${MAX_VOLUME_UNITS.toLocaleString("en-GB")} units a month.`),
    ),
});
export type VolumeInput = z.input<typeof processVolumeSchema>;

/** Field errors for a form, keyed by the dotted path ("high.resolutionDays"): the first message per field. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.map(String).join(".") : "form";
    out[key] ??= issue.message;
  }
  return out;
}
