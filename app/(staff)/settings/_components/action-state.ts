import { FORM_OUTAGE_MESSAGE, keepFormDuringOutage } from "@/lib/resilience/outage";
import { SettingsRuleError } from "@/lib/settings/access";

/** What a settings form's server action returns, for `useActionState`. */
export type SettingsFormState = {
  ok?: string;
  error?: string;
  fieldErrors?: Record<string, string>;
  /** What was typed, to put back in the form after a refusal. */
  values?: Record<string, string>;
  /** Changes on every answer, so a form keyed on it remounts with the right values. */
  at?: number;
};

/** The text fields of a submitted form, by name (files and missing fields become ""). */
export function formValues<K extends string>(formData: FormData, names: readonly K[]): Record<K, string> {
  return Object.fromEntries(names.map((name) => [name, String(formData.get(name) ?? "")])) as Record<K, string>;
}

/** A refusal the owner can act on becomes form state; anything else is a real error and is rethrown. */
export function refusal(error: unknown, values?: Record<string, string>): SettingsFormState {
  if (error instanceof SettingsRuleError) return { error: error.message, fieldErrors: error.fieldErrors, values, at: Date.now() };
  throw error;
}

/**
 * Runs a settings form's action, role check included. While the database cannot be reached the
 * form comes back with what was typed (never a password) and FORM_OUTAGE_MESSAGE, instead of the
 * error page taking the typing with it.
 */
export function keepSettingsForm(formData: FormData, work: () => Promise<SettingsFormState>): Promise<SettingsFormState> {
  return keepFormDuringOutage("settings", work, () => ({ error: FORM_OUTAGE_MESSAGE, values: typedValues(formData), at: Date.now() }));
}

/** Every text field of a form but passwords and the framework's own ($ACTION_…). */
function typedValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of formData.entries()) {
    if (typeof value === "string" && !name.startsWith("$") && !/password/i.test(name)) values[name] = value;
  }
  return values;
}
