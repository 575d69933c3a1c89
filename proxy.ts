import NextAuth from "next-auth";
import { NextResponse } from "next/server";
// The signed-in workspace's paths come from the policy table (pure data: no server-only imports).
import { isStaffPath } from "@/lib/auth/policy";
import { PAGE_PATH_HEADER, PLAIN_POST_HEADER } from "@/lib/http/request-headers";
import { contentSecurityPolicy, newNonce, setsOwnPolicy } from "@/lib/security/csp";
import { authConfig } from "./auth.config";

const { auth } = NextAuth(authConfig);


/**
 * Runs before every page:
 * 1. gives the response a fresh script nonce and the Content-Security-Policy that requires it
 *    (Next reads the policy from the request headers and puts the nonce on its own scripts);
 * 2. for the staff workspace, sends visitors without a session to sign-in early. That is a first
 *    line only: the real checks (signed in, account still active, role high enough) happen next
 *    to the data, in lib/auth/session.ts, because a valid token can outlive a deactivated account.
 */
export default auth((request) => {
  const { pathname, search } = request.nextUrl;
  // A server action posted from a page whose sign-in has since expired is left to the action:
  // its own requireStaff answers with a redirect the page follows to sign-in. Redirecting the
  // POST here would hand the page a sign-in document instead of an action result: an error page.
  const serverActionFromScript = request.method === "POST" && request.headers.has("next-action");
  if (isStaffPath(pathname) && !request.auth?.user && !serverActionFromScript) {
    const signInUrl = new URL("/signin", request.nextUrl.origin);
    signInUrl.searchParams.set("callbackUrl", `${pathname}${search}`);
    return NextResponse.redirect(signInUrl);
  }
  const headers = new Headers(request.headers);
  headers.set(PAGE_PATH_HEADER, `${pathname}${search}`);
  if (request.method === "POST" && !serverActionFromScript) headers.set(PLAIN_POST_HEADER, "1");
  else headers.delete(PLAIN_POST_HEADER);
  // Customers' files carry their own, stricter policy (lib/http/attachment-response.ts): a header set here
  // would replace it.
  if (setsOwnPolicy(pathname)) return NextResponse.next({ request: { headers } });
  const nonce = newNonce();
  // NODE_ENV is set by Next itself for the build it runs, not configuration.
  // eslint-disable-next-line no-restricted-properties
  const policy = contentSecurityPolicy(nonce, { development: process.env.NODE_ENV === "development" });
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
});

export const config = {
  // Pages only: API routes answer JSON or files, and static assets need no nonce. Prefetches
  // are skipped so a cached prefetch never carries a stale nonce.
  matcher: [
    {
      source: "/((?!api/|_next/static|_next/image|favicon.ico|robots.txt).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
