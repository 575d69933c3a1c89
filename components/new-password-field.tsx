import { TextField } from "@/components/ui";
import { MIN_PASSWORD_LENGTH } from "@/lib/staff/schemas";

/**
 * A password being chosen (an account's first, or a new one): the same length rule and advice
 * everywhere. Never pre-filled: a refused form comes back without its passwords.
 */
export function NewPasswordField({ id, name, label, error }: { id: string; name: string; label: string; error?: string }) {
  return (
    <TextField
      id={id}
      name={name}
      label={label}
      type="password"
      required
      autoComplete="new-password"
      minLength={MIN_PASSWORD_LENGTH}
      hint={`At least ${MIN_PASSWORD_LENGTH} characters. A short phrase is easier to remember than symbols.`}
      error={error}
    />
  );
}
