"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { redirect } from "next/navigation";
import { signIn } from "@/auth";
import { isDatabaseUnavailable } from "@/db/errors";
import { credentialsSchema } from "@/lib/auth/credentials";
import { safeCallbackPath } from "@/lib/auth/safe-callback";
import { SIGN_IN_FAILED, SIGN_IN_REFUSED, SIGN_IN_UNAVAILABLE, TOO_MANY_ATTEMPTS } from "./messages";

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
    if (error instanceof CredentialsSignin) return { error: error.code === "too_many_attempts" ? TOO_MANY_ATTEMPTS : SIGN_IN_REFUSED, email };
    // Auth.js wraps whatever else went wrong while checking the password (an unreachable
    // database among them): that is no verdict on the password, so it must not read like one.
    if (error instanceof AuthError) {
      const unavailable = isDatabaseUnavailable(error);
      console.error(`[auth] sign-in could not be checked${unavailable ? " (database unavailable)" : ""}:`, error);
      return { error: unavailable ? SIGN_IN_UNAVAILABLE : SIGN_IN_FAILED, email };
    }
    throw error;
  }
  redirect(destination);
}
