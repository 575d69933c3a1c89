import NextAuth from "next-auth";
import { NextResponse } from "next/server";
import { authConfig } from "./auth.config";

const { auth } = NextAuth(authConfig);

/** Request header carrying the path being rendered, so a page can send a signed-out visitor back to it. */
export const PATH_HEADER = "x-caseroot-path";

/**
 * First line only: sends visitors without a session to the sign-in page before any staff page
 * renders. The real checks (account still active, role high enough) happen next to the data,
 * in lib/auth/session.ts, because a valid token can outlive a deactivated account.
 */
export default auth((request) => {
  const { pathname, search } = request.nextUrl;
  if (!request.auth?.user) {
    const signInUrl = new URL("/signin", request.nextUrl.origin);
    signInUrl.searchParams.set("callbackUrl", `${pathname}${search}`);
    return NextResponse.redirect(signInUrl);
  }
  const headers = new Headers(request.headers);
  headers.set(PATH_HEADER, `${pathname}${search}`);
  return NextResponse.next({ request: { headers } });
});

export const config = {
  // The signed-in workspace. Public pages, the API and static files never pass through here.
  matcher: ["/cases/:path*", "/settings/:path*", "/analytics/:path*", "/forbidden"],
};
