"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { redirect } from "next/navigation";
import { signIn } from "@/auth";
import { credentialsSchema } from "@/lib/auth/credentials";
import { safeCallbackPath } from "@/lib/auth/safe-callback";
import { SIGN_IN_REFUSED, TOO_MANY_ATTEMPTS } from "./messages";

export type SignInState = { error?: string; fieldErrors?: { email?: string; password?: string }; email?: string };

/** Signs in through Auth.js (which applies the rate limit and lockout, see auth.ts). */
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
    if (error instanceof CredentialsSignin && error.code === "too_many_attempts") return { error: TOO_MANY_ATTEMPTS, email };
    if (error instanceof AuthError) return { error: SIGN_IN_REFUSED, email };
    throw error;
  }
  redirect(destination);
}
