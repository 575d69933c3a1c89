/** One message for every refusal, so the form never tells whether an account exists or is deactivated. */
export const SIGN_IN_REFUSED = "Email or password is incorrect, or the account is deactivated.";

/** After a lockout or too many attempts from one address; it says nothing about the account either. */
export const TOO_MANY_ATTEMPTS = "Too many attempts. Please try again later.";

/** The message for Auth.js's `?error=…&code=…` when a sign-in was posted to it directly. */
export function messageForAuthError(error: string | undefined, code: string | undefined): string | undefined {
  if (error !== "CredentialsSignin") return undefined;
  return code === "too_many_attempts" ? TOO_MANY_ATTEMPTS : SIGN_IN_REFUSED;
}
