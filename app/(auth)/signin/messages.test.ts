import { describe, expect, it } from "vitest";
import { messageForAuthError, SIGN_IN_FAILED, SIGN_IN_REFUSED, TOO_MANY_ATTEMPTS } from "./messages";

describe("the sign-in page's message for Auth.js's ?error=…&code=…", () => {
  it("says nothing without an error", () => {
    expect(messageForAuthError(undefined, undefined)).toBeUndefined();
  });

  it("refuses wrong credentials and too many attempts without naming the account", () => {
    expect(messageForAuthError("CredentialsSignin", "credentials")).toBe(SIGN_IN_REFUSED);
    expect(messageForAuthError("CredentialsSignin", "too_many_attempts")).toBe(TOO_MANY_ATTEMPTS);
  });

  it("does not blame the password for a failure on the server's side", () => {
    expect(messageForAuthError("Configuration", undefined)).toBe(SIGN_IN_FAILED);
    expect(SIGN_IN_FAILED).not.toMatch(/incorrect/);
  });
});
