import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { staffUsers } from "@/db/schema";
import type { StaffRole } from "./roles";
import { sessionIsCurrent, type SessionClaims } from "./session-lifetime";

/**
 * Ending sessions. A session token is a signed JWT that no server stores, so it cannot be deleted;
 * instead every token carries the account's session version from sign-in, and raising the version
 * makes every token issued before it worthless on its next request (lib/auth/session.ts).
 */

/** The next session version: set it in the same update as the change that ends the sessions. */
export const NEXT_SESSION_VERSION = sql<number>`${staffUsers.sessionVersion} + 1`;

/**
 * For sign-out: ends the account's sessions only if the token signing out is still current. A
 * token already ended (a copied cookie, say) must not be able to sign its owner out again and again.
 */
export async function endSessionsIfCurrent(db: Db, userId: string, sessionVersion: number | undefined): Promise<void> {
  if (typeof sessionVersion !== "number") return;
  await db
    .update(staffUsers)
    .set({ sessionVersion: NEXT_SESSION_VERSION })
    .where(and(eq(staffUsers.id, userId), eq(staffUsers.sessionVersion, sessionVersion)));
}

export type CurrentStaff = { id: string; name: string; email: string; role: StaffRole };

/**
 * The staff member a session token stands for, as the database knows them now, or null: no such
 * account, deactivated, its sessions ended since the token was issued, or past the absolute lifetime.
 */
export async function staffForSession(db: Db, session: { id: string } & SessionClaims, now: Date = new Date()): Promise<CurrentStaff | null> {
  const [user] = await db
    .select({
      id: staffUsers.id,
      name: staffUsers.name,
      email: staffUsers.email,
      role: staffUsers.role,
      active: staffUsers.active,
      sessionVersion: staffUsers.sessionVersion,
    })
    .from(staffUsers)
    .where(eq(staffUsers.id, session.id))
    .limit(1);
  if (!user || !user.active || !sessionIsCurrent(session, user, now)) return null;
  return { id: user.id, name: user.name, email: user.email, role: user.role };
}
