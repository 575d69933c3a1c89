import { z } from "zod";
import { STAFF_ROLES } from "@/lib/auth/roles";

export const MIN_PASSWORD_LENGTH = 12;

export const roleSchema = z.enum(STAFF_ROLES, { error: "Choose a role: agent, supervisor or owner" });

export const emailSchema = z
  .string({ error: "Enter an email address" })
  .trim()
  .toLowerCase()
  .min(1, "Enter an email address")
  .max(320, "Email addresses are at most 320 characters")
  .pipe(z.email("Enter a valid email address, like name@example.com"));

/**
 * Initial passwords: long rather than complicated (NIST SP 800-63B). We refuse the obvious
 * ones: a single repeated character, or the person's own email address.
 */
export const passwordSchema = z
  .string({ error: "Enter a password" })
  .min(MIN_PASSWORD_LENGTH, `Passwords need at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(256, "Passwords are at most 256 characters")
  .refine((value) => new Set(value).size > 3, "This password is too easy to guess: use a mix of characters");

export const createStaffSchema = z
  .object({
    name: z.string({ error: "Enter a name" }).trim().min(1, "Enter a name").max(120, "Names are at most 120 characters"),
    email: emailSchema,
    role: roleSchema,
    password: passwordSchema,
  })
  .refine((v) => v.password.trim().toLowerCase() !== v.email, {
    path: ["password"],
    message: "The password must not be the email address",
  });

export type CreateStaffInput = z.input<typeof createStaffSchema>;

/** A staff member's new password, with the current one and a confirmation. */
export const changePasswordSchema = z
  .object({
    email: z.string(),
    current: z.string().min(1, "Enter your current password").max(1024),
    next: passwordSchema,
    confirm: z.string(),
  })
  .refine((v) => v.next === v.confirm, { path: ["confirm"], message: "The two new passwords are not the same" })
  .refine((v) => v.next.trim().toLowerCase() !== v.email.toLowerCase(), { path: ["next"], message: "The password must not be the email address" })
  .refine((v) => v.next !== v.current, { path: ["next"], message: "Choose a password different from the current one" });

export const userIdSchema = z.object({ userId: z.uuid("Unknown account") });

export const changeRoleSchema = z.object({ userId: z.uuid("Unknown account"), role: roleSchema });
export const setActiveSchema = z.object({
  userId: z.uuid("Unknown account"),
  active: z.enum(["true", "false"]).transform((v) => v === "true"),
});

/** Field errors for a form: the first message per field. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    out[key] ??= issue.message;
  }
  return out;
}
