"use server";

import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { signIn } from "@/auth";
import { credentialsSchema } from "@/lib/auth/credentials";
import { safeCallbackPath } from "@/lib/auth/safe-callback";

export type SignInState = { error?: string; fieldErrors?: { email?: string; password?: string }; email?: string };

// One message for every refusal, so the form never tells whether an account exists or is deactivated.
const REFUSED = "Email or password is incorrect, or the account is deactivated.";

export async function signInAction(_previous: SignInState, formData: FormData): Promise<SignInState> {
  const email = String(formData.get("email") ?? "");
  const parsed = credentialsSchema.safeParse({ email, password: formData.get("password") ?? "" });
  if (!parsed.success) {
    const fieldErrors: SignInState["fieldErrors"] = {};
    for (const issue of parsed.error.issues) {
      const key = issue.path[0] as "email" | "password";
      fieldErrors[key] ??= issue.message;
    }
    return { fieldErrors, email };
  }

  const destination = safeCallbackPath(formData.get("callbackUrl"));
  try {
    // redirect: false, then our own redirect to a path: Auth.js would send an absolute URL.
    await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirect: false });
  } catch (error) {
    if (error instanceof AuthError) return { error: REFUSED, email };
    throw error;
  }
  redirect(destination);
}
