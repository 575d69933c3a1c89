import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { auth } from "@/auth";
import { getDb } from "@/db/client";
import { pageAccess } from "./policy";
import { hasRole, STAFF_ROLES, type StaffRole } from "./roles";
import { staffForSession } from "./session-version";
import { PAGE_PATH_HEADER } from "@/lib/http/request-headers";

export type StaffUserSession = { id: string; name: string; email: string; role: StaffRole };

/**
 * The signed-in staff member as the database knows them now, or null. The session token alone
 * is not trusted for access: an account deactivated or demoted after sign-in loses access on
 * its next request, although its token is still valid, and so does a token whose sessions were
 * ended (sign-out, sign out everywhere, a role or password change) or that is past the absolute
 * lifetime (lib/auth/session-version.ts).
 *
 * Read once per render: React's cache() shares the answer between the layout and the page of
 * one request. It caches only while React renders, so a server action (sign out, sign out
 * everywhere, a password or role change) reads afresh, and so does the render after it.
 */
export const getStaffUser = cache(async (): Promise<StaffUserSession | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  return staffForSession(await getDb(), { id, sessionVersion: session.sessionVersion, signedInAt: session.signedInAt });
});

/**
 * For pages and server actions. Not signed in (or no longer active): off to the sign-in page,
 * coming back here afterwards. Signed in with too low a role: the 403 page. (Next's
 * `forbidden()` needs an experimental flag, so we redirect to our own page instead.)
 */
export async function requireStaff(minimum: StaffRole = "agent"): Promise<StaffUserSession> {
  const user = await getStaffUser();
  if (!user) {
    // proxy.ts puts the requested path in this header; without it we return to the case list.
    const path = (await headers()).get(PAGE_PATH_HEADER);
    redirect(path ? `/signin?callbackUrl=${encodeURIComponent(path)}` : "/signin");
  }
  if (!hasRole(user.role, minimum)) redirect("/forbidden");
  return user;
}

/**
 * For the workspace layout: the signed-in staff member, refused with a real redirect when their
 * role is below what the requested page needs (lib/auth/policy.ts). The layout renders before any
 * byte is sent, unlike the pages under it, which stream behind a loading screen: a redirect thrown
 * there arrives as a script in a 200 answer, which monitoring and scripts read as success. Each
 * page still checks its own role (a layout does not re-run on client-side navigation).
 */
export async function requirePageRole(): Promise<StaffUserSession> {
  const user = await requireStaff();
  const path = (await headers()).get(PAGE_PATH_HEADER);
  const access = path ? pageAccess(path) : null;
  if (access && (STAFF_ROLES as readonly string[]).includes(access) && !hasRole(user.role, access as StaffRole)) redirect("/forbidden");
  return user;
}

/** For route handlers, which answer 401/403 themselves: the active staff member, or null. */
export async function getStaffForRoute(): Promise<StaffUserSession | null> {
  return getStaffUser();
}
