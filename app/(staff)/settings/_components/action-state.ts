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
