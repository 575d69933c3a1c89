"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { redirect } from "next/navigation";
import { signIn } from "@/auth";
import { isDatabaseUnavailable } from "@/db/errors";
import { credentialsSchema } from "@/lib/auth/credentials";
import { safeCallbackPath } from "@/lib/auth/safe-callback";
import type { ActionState } from "@/lib/forms/action-state";
import { Refusal } from "@/lib/forms/refusal";
import { runFormAction } from "@/lib/forms/run-form-action";
import { SIGN_IN_FAILED, SIGN_IN_REFUSED, SIGN_IN_UNAVAILABLE, TOO_MANY_ATTEMPTS } from "./messages";
import { requestLog } from "@/lib/observability/log";

/** Signs in through Auth.js (which applies the rate limit and lockout, see auth.ts). */
export async function signInAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runFormAction(formData, {
    label: "auth",
    fresh: ["callbackUrl"],
    work: async () => {
      const parsed = credentialsSchema.safeParse({ email: String(formData.get("email") ?? ""), password: formData.get("password") ?? "" });
      if (!parsed.success) {
        const fieldErrors: Record<string, string> = {};
        for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0])] ??= issue.message;
        // The fields say what is wrong; the form shows no message above them.
        throw new Refusal("", fieldErrors);
      }
      const destination = safeCallbackPath(formData.get("callbackUrl"));
      try {
        // redirect: false, then our own redirect to a path: Auth.js would send an absolute URL.
        await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirect: false });
      } catch (error) {
        if (error instanceof CredentialsSignin) throw new Refusal(error.code === "too_many_attempts" ? TOO_MANY_ATTEMPTS : SIGN_IN_REFUSED);
        // Auth.js wraps whatever else went wrong while checking the password (an unreachable
        // database among them): that is no verdict on the password, so it must not read like one.
        if (error instanceof AuthError) {
          const unavailable = isDatabaseUnavailable(error);
          (await requestLog()).error({ err: error }, `[auth] sign-in could not be checked${unavailable ? " (database unavailable)" : ""}`);
          throw new Refusal(unavailable ? SIGN_IN_UNAVAILABLE : SIGN_IN_FAILED);
        }
        throw error;
      }
      redirect(destination);
    },
  });
}
