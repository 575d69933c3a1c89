import type { NextAuthConfig } from "next-auth";
import type { StaffRole } from "@/lib/auth/roles";
import { SESSION_IDLE_SECONDS, withinAbsoluteLifetime } from "@/lib/auth/session-lifetime";
// Brings the JWT type into the program so the augmentation below has a module to extend.
import type {} from "next-auth/jwt";

declare module "next-auth" {
  interface User {
    role?: StaffRole;
    sessionVersion?: number;
  }
  interface Session {
    user: { id: string; role: StaffRole; name?: string | null; email?: string | null };
    /** The account's session version at sign-in (lib/auth/session-lifetime.ts). */
    sessionVersion?: number;
    /** Sign-in time, seconds since the epoch. */
    signedInAt?: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    role?: StaffRole;
    sessionVersion?: number;
    signedInAt?: number;
  }
}

/**
 * The part of the Auth.js setup that needs no database: the proxy imports only this, so the
 * database driver and the password hasher stay out of it. `auth.ts` adds the Credentials provider.
 *
 * Sessions are stateless JWTs signed with AUTH_SECRET, so several app instances share them.
 * The token carries the user's id and role for convenience only: every page, action and route
 * re-reads the account (lib/auth/session.ts), so deactivation and demotion apply at once. It
 * also carries the account's session version and the sign-in time, which that re-read checks:
 * sign-out, deactivation, a role or password change and "sign out everywhere" raise the version
 * and so end every earlier session, and no session outlives SESSION_MAX_AGE_DAYS
 * (lib/auth/session-lifetime.ts). The idle lifetime is `session.maxAge`.
 */
export const authConfig = {
  pages: { signIn: "/signin" },
  session: { strategy: "jwt", maxAge: SESSION_IDLE_SECONDS },
  trustHost: true,
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      // `user` is present only on the sign-in request itself. Nothing else may change the
      // token: an "update" from the browser carries data the client chose, and is ignored.
      if (user?.id) {
        token.sub = user.id;
        token.role = user.role;
        token.sessionVersion = user.sessionVersion ?? 0;
        token.signedInAt = Math.floor(Date.now() / 1000);
      }
      // Past the absolute lifetime (or from before sign-in times were recorded): null clears the
      // cookie, here and in the proxy, instead of renewing it for another idle period.
      if (!withinAbsoluteLifetime(token.signedInAt, new Date())) return null;
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      if (token.role) session.user.role = token.role;
      session.sessionVersion = token.sessionVersion;
      session.signedInAt = token.signedInAt;
      return session;
    },
  },
  logger: {
    // A wrong password or too many attempts is an expected event, not a server error worth a
    // stack trace in the logs (lockouts are logged in lib/auth/lockout.ts). Checked by `type`,
    // which subclasses inherit, as class names do not survive minification.
    error(error) {
      if (error.name === "CredentialsSignin" || ("type" in error && error.type === "CredentialsSignin")) return;
      console.error("[auth]", error);
    },
  },
} satisfies NextAuthConfig;
