import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { complaintEvents, complaints, staffUsers, type Complaint } from "@/db/schema";
import { hasRole, type StaffRole } from "@/lib/auth/roles";
import { CaseConflictError, CaseRuleError, ForbiddenError, NotFoundError } from "./errors";

/** The signed-in staff member doing something to a case. */
export type Actor = { id: string; role: StaffRole };

/** The customer answering on their tracking page: the tracking token that found the case is their key. */
export type CustomerActor = { kind: "customer" };

export type CaseEventInput = Pick<typeof complaintEvents.$inferInsert, "type" | "visibility" | "body" | "data" | "minutesSpent">;

export type CaseChange = {
  patch?: Partial<Omit<typeof complaints.$inferInsert, "id" | "version" | "description" | "desiredOutcome">>;
  events: CaseEventInput[];
};

export type CaseCommand = {
  complaintId: string;
  actor: Actor | CustomerActor;
  /** The version the user saw; omit only for actions that cannot conflict (e.g. adding a note). */
  expectedVersion?: number;
  minimumRole?: StaffRole;
};

/**
 * The one path every action on a case takes. For staff: role check, then in one transaction
 * refuse a deactivated account, lock the case row, check the version the user saw, let the action
 * compute its change from the current state, and write the change, its timeline events and the
 * bookkeeping (version, last activity, minutes, time of first response) together. The customer
 * (found by tracking token) takes the same path without the staff checks; their answers are not
 * a response to them, so they never set the time of first response. A refused action writes nothing.
 */
export async function updateCase(
  db: Db,
  command: CaseCommand,
  change: (tx: Tx, current: Complaint) => CaseChange | Promise<CaseChange>,
): Promise<Complaint> {
  const { complaintId, actor, expectedVersion, minimumRole = "agent" } = command;
  const staff = "kind" in actor ? null : actor;
  if (staff && !hasRole(staff.role, minimumRole)) throw new ForbiddenError();

  return db.transaction(async (tx) => {
    if (staff) await assertActiveStaff(tx, staff);
    const [current] = await tx.select().from(complaints).where(eq(complaints.id, complaintId)).for("update");
    if (!current) throw new NotFoundError();
    if (expectedVersion !== undefined && current.version !== expectedVersion) throw new CaseConflictError();

    const { patch = {}, events } = await change(tx, current);
    if (events.length === 0) throw new CaseRuleError("Nothing to record.");

    const now = new Date();
    const minutes = events.reduce((sum, e) => sum + (e.minutesSpent ?? 0), 0);
    const respondsToCustomer = staff !== null && (events.some((e) => e.visibility === "customer") || (patch.status !== undefined && patch.status !== "new"));

    const [updated] = await tx
      .update(complaints)
      .set({
        ...patch,
        version: current.version + 1,
        updatedAt: now,
        lastActivityAt: now,
        minutesSpent: current.minutesSpent + minutes,
        ...(current.firstResponseAt === null && respondsToCustomer ? { firstResponseAt: now } : {}),
      })
      .where(eq(complaints.id, complaintId))
      .returning();

    await tx.insert(complaintEvents).values(
      events.map((e) => ({
        ...e,
        complaintId,
        actorKind: staff ? ("staff" as const) : ("customer" as const),
        actorId: staff?.id ?? null,
        createdAt: now,
      })),
    );
    return updated!;
  });
}

/** The role check trusts the actor's role; this also refuses deactivated or unknown accounts. */
async function assertActiveStaff(tx: Tx, actor: Actor): Promise<void> {
  const [row] = await tx
    .select({ id: staffUsers.id })
    .from(staffUsers)
    .where(and(eq(staffUsers.id, actor.id), eq(staffUsers.active, true)))
    .limit(1);
  if (!row) throw new ForbiddenError("Your account is not active, so it cannot act on cases.");
}
