import type { NextAuthConfig } from "next-auth";
import type { StaffRole } from "@/lib/auth/roles";
// Brings the JWT type into the program so the augmentation below has a module to extend.
import type {} from "next-auth/jwt";

declare module "next-auth" {
  interface User {
    role?: StaffRole;
  }
  interface Session {
    user: { id: string; role: StaffRole; name?: string | null; email?: string | null };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    role?: StaffRole;
  }
}

/**
 * The part of the Auth.js setup that needs no database: the proxy imports only this, so the
 * database driver and the password hasher stay out of it. `auth.ts` adds the Credentials provider.
 *
 * Sessions are stateless JWTs signed with AUTH_SECRET, so several app instances share them.
 * The token carries the user's id and role for convenience only: every page, action and route
 * re-reads the account (lib/auth/session.ts), so deactivation and demotion apply at once.
 */
export const authConfig = {
  pages: { signIn: "/signin" },
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  trustHost: true,
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      // `user` is present only on the sign-in request itself.
      if (user?.id) {
        token.sub = user.id;
        token.role = user.role;
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      if (token.role) session.user.role = token.role;
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
