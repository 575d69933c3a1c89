import "server-only";
import { and, asc, eq, ne, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { isUniqueViolation } from "@/db/errors";
import { staffUsers } from "@/db/schema";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import type { StaffRole } from "@/lib/auth/roles";
import { NEXT_SESSION_VERSION } from "@/lib/auth/session-version";
import { Refusal } from "@/lib/forms/refusal";
import { recordAudit } from "@/lib/privacy/audit";
import { changePasswordSchema, createStaffSchema, fieldErrorsOf, type CreateStaffInput } from "./schemas";

/** A staff-management request refused by a rule; the message is meant for the owner who tried it. */
export class StaffRuleError extends Refusal {
  constructor(message: string, fieldErrors: Record<string, string> = {}) {
    super(message, fieldErrors);
    this.name = "StaffRuleError";
  }
}

export const DUPLICATE_EMAIL_MESSAGE = "An account with this email already exists";

export type StaffListItem = {
  id: string;
  name: string;
  email: string;
  role: StaffRole;
  active: boolean;
  lastSignInAt: Date | null;
  createdAt: Date;
};

// Never the password hash: these rows go to pages.
const listColumns = {
  id: staffUsers.id,
  name: staffUsers.name,
  email: staffUsers.email,
  role: staffUsers.role,
  active: staffUsers.active,
  lastSignInAt: staffUsers.lastSignInAt,
  createdAt: staffUsers.createdAt,
};

/** Everyone, active accounts first, then by name. */
export async function listStaff(db: Db): Promise<StaffListItem[]> {
  return db
    .select(listColumns)
    .from(staffUsers)
    .orderBy(sql`${staffUsers.active} desc`, asc(sql`lower(${staffUsers.name})`));
}

/** Validates, hashes the password and creates the account. Throws StaffRuleError with field errors. */
export async function createStaffUser(db: Db, input: CreateStaffInput): Promise<StaffListItem> {
  const parsed = createStaffSchema.safeParse(input);
  if (!parsed.success) throw new StaffRuleError("Please correct the highlighted fields.", fieldErrorsOf(parsed.error));
  const { name, email, role, password } = parsed.data;

  const [existing] = await db.select({ id: staffUsers.id }).from(staffUsers).where(sql`lower(${staffUsers.email}) = ${email}`);
  if (existing) throw new StaffRuleError(DUPLICATE_EMAIL_MESSAGE, { email: DUPLICATE_EMAIL_MESSAGE });

  const passwordHash = await hashPassword(password);
  try {
    const [created] = await db.insert(staffUsers).values({ name, email, role, passwordHash }).returning(listColumns);
    return created!;
  } catch (error) {
    // Two owners adding the same person at the same moment: the unique index decides.
    if (isUniqueViolation(error, "staff_users_email_key")) {
      throw new StaffRuleError(DUPLICATE_EMAIL_MESSAGE, { email: DUPLICATE_EMAIL_MESSAGE });
    }
    throw error;
  }
}

async function lockUser(tx: Tx, userId: string) {
  const [user] = await tx.select().from(staffUsers).where(eq(staffUsers.id, userId)).for("update");
  if (!user) throw new StaffRuleError("This account no longer exists.");
  return user;
}

/**
 * Whether another active owner would remain. Locks every owner row, so two owners demoting
 * each other at the same time cannot both succeed and leave nobody in charge.
 */
async function anotherActiveOwnerExists(tx: Tx, exceptId: string): Promise<boolean> {
  const owners = await tx
    .select({ id: staffUsers.id })
    .from(staffUsers)
    .where(and(eq(staffUsers.role, "owner"), eq(staffUsers.active, true), ne(staffUsers.id, exceptId)))
    .for("update");
  return owners.length > 0;
}

/**
 * Changes a role. Owners cannot demote themselves, and the last active owner stays an owner.
 * Ends the account's sessions: the person signs in again and starts afresh with the new role.
 */
export async function changeStaffRole(db: Db, actorId: string, userId: string, role: StaffRole): Promise<void> {
  await db.transaction(async (tx) => {
    const user = await lockUser(tx, userId);
    if (user.role === role) return;
    if (user.role === "owner") {
      if (userId === actorId) throw new StaffRuleError("You cannot change your own role. Ask another owner to do it.");
      if (user.active && !(await anotherActiveOwnerExists(tx, userId))) {
        throw new StaffRuleError("There must always be at least one active owner.");
      }
    }
    await tx.update(staffUsers).set({ role, sessionVersion: NEXT_SESSION_VERSION, updatedAt: new Date() }).where(eq(staffUsers.id, userId));
  });
}

/**
 * Deactivates or reactivates an account. Deactivated staff cannot sign in and lose access at once;
 * either way the account's sessions end, so reactivation does not bring an old session back.
 */
export async function setStaffActive(db: Db, actorId: string, userId: string, active: boolean): Promise<void> {
  await db.transaction(async (tx) => {
    const user = await lockUser(tx, userId);
    if (user.active === active) return;
    if (!active) {
      if (userId === actorId) throw new StaffRuleError("You cannot deactivate your own account.");
      if (user.role === "owner" && !(await anotherActiveOwnerExists(tx, userId))) {
        throw new StaffRuleError("There must always be at least one active owner.");
      }
    }
    await tx.update(staffUsers).set({ active, sessionVersion: NEXT_SESSION_VERSION, updatedAt: new Date() }).where(eq(staffUsers.id, userId));
  });
}

/**
 * A staff member changes their own password: the current one must be right. Ends every session
 * of the account (the caller signs this browser in again with the new password).
 */
export async function changeOwnPassword(db: Db, userId: string, input: { current: string; next: string; confirm: string }): Promise<void> {
  const [user] = await db.select({ email: staffUsers.email, passwordHash: staffUsers.passwordHash }).from(staffUsers).where(eq(staffUsers.id, userId));
  if (!user) throw new StaffRuleError("This account no longer exists.");
  const parsed = changePasswordSchema.safeParse({ ...input, email: user.email });
  if (!parsed.success) throw new StaffRuleError("Please correct the highlighted fields.", fieldErrorsOf(parsed.error));
  if (!(await verifyPassword(user.passwordHash, input.current))) {
    throw new StaffRuleError("Please correct the highlighted fields.", { current: "This is not your current password" });
  }
  const passwordHash = await hashPassword(parsed.data.next);
  await db.update(staffUsers).set({ passwordHash, sessionVersion: NEXT_SESSION_VERSION, updatedAt: new Date() }).where(eq(staffUsers.id, userId));
}

/**
 * "Sign out everywhere": ends every session of `userId`, on every device. A staff member may do it
 * for themselves, an owner for anyone (the callers check the role); recorded in the audit log.
 */
export async function signOutEverywhere(db: Db, actorId: string, userId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(staffUsers)
      .set({ sessionVersion: NEXT_SESSION_VERSION })
      .where(eq(staffUsers.id, userId))
      .returning({ email: staffUsers.email });
    if (!updated[0]) throw new StaffRuleError("This account no longer exists.");
    await recordAudit(tx, {
      staffId: actorId,
      action: "sessions.ended",
      subjectType: "staff_user",
      subjectId: userId,
      detail: { self: actorId === userId, account: updated[0].email },
    });
  });
}
