import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authConfig } from "./auth.config";
import { getDb } from "@/db/client";
import { verifyCredentials } from "@/lib/auth/credentials";
import { endSessionsIfCurrent } from "@/lib/auth/session-version";
import { clientIpFrom } from "@/lib/security/client-ip";

/**
 * Refused because of the rate limit or a lockout. Its code reaches the sign-in page (as
 * `?code=too_many_attempts` after a plain form post to Auth.js, or on the error in our server
 * action) and says only "too many attempts", never whether the account exists.
 */
export class TooManySignInAttempts extends CredentialsSignin {
  code = "too_many_attempts";
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  events: {
    // Signing out (the header's button, or a POST to /api/auth/signout) ends every session of the
    // account, not only this browser's cookie: a copy of the cookie taken before is worthless
    // too. Sessions cannot be told apart (none is stored), so this signs the person out on their
    // other devices as well.
    async signOut(message) {
      const token = "token" in message ? message.token : null;
      if (token?.sub) await endSessionsIfCurrent(await getDb(), token.sub, token.sessionVersion);
    },
  },
  providers: [
    Credentials({
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, request) {
        const email = typeof credentials?.email === "string" ? credentials.email : "";
        const password = typeof credentials?.password === "string" ? credentials.password : "";
        // Auth.js passes on the incoming request's headers (also when our server action signs in).
        const result = await verifyCredentials(await getDb(), email, password, { ip: clientIpFrom(request.headers) });
        if (result.status === "too-many-attempts") throw new TooManySignInAttempts();
        return result.status === "signed-in" ? result.staff : null;
      },
    }),
  ],
});
