/** One message for every refusal, so the form never tells whether an account exists or is deactivated. */
export const SIGN_IN_REFUSED = "Email or password is incorrect, or the account is deactivated.";

/** After a lockout or too many attempts from one address; it says nothing about the account either. */
export const TOO_MANY_ATTEMPTS = "Too many attempts. Please try again later.";

/** While the database cannot be reached: the password was not checked, so nothing is said about it. */
export const SIGN_IN_UNAVAILABLE = "Signing in is not possible for a moment: we could not reach our database, so your password was not checked. Please try again in a minute.";

/** The message for Auth.js's `?error=…&code=…` when a sign-in was posted to it directly. */
export function messageForAuthError(error: string | undefined, code: string | undefined): string | undefined {
  if (error === undefined) return undefined;
  if (error === "CredentialsSignin") return code === "too_many_attempts" ? TOO_MANY_ATTEMPTS : SIGN_IN_REFUSED;
  // "Configuration" is Auth.js's word for any failure on the server's side (an outage among them).
  return SIGN_IN_FAILED;
}

/** Any other failure on our side: not the visitor's doing, and not a verdict on the password. */
export const SIGN_IN_FAILED = "Signing in failed on our side, not because of anything you typed. Please try again in a minute.";
