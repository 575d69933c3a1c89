import "server-only";
import { eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { complaintEvents, complaints, type Complaint } from "@/db/schema";
import { hasRole, type StaffRole } from "@/lib/auth/roles";
import { CaseConflictError, CaseRuleError, ForbiddenError, NotFoundError } from "./errors";

/** The signed-in staff member doing something to a case. */
export type Actor = { id: string; role: StaffRole };

export type CaseEventInput = Pick<typeof complaintEvents.$inferInsert, "type" | "visibility" | "body" | "data" | "minutesSpent">;

export type CaseChange = {
  patch?: Partial<Omit<typeof complaints.$inferInsert, "id" | "version" | "description" | "desiredOutcome">>;
  events: CaseEventInput[];
};

export type CaseCommand = {
  complaintId: string;
  actor: Actor;
  /** The version the user saw; omit only for actions that cannot conflict (e.g. adding a note). */
  expectedVersion?: number;
  minimumRole?: StaffRole;
};

/**
 * The one path every staff action on a case takes: role check, then in one transaction lock the
 * case row, check the version the user saw, let the action compute its change from the current
 * state, and write the change, its timeline events and the bookkeeping (version, last activity,
 * minutes, time of first response) together. A refused action writes nothing.
 */
export async function updateCase(
  db: Db,
  command: CaseCommand,
  change: (tx: Tx, current: Complaint) => CaseChange | Promise<CaseChange>,
): Promise<Complaint> {
  const { complaintId, actor, expectedVersion, minimumRole = "agent" } = command;
  if (!hasRole(actor.role, minimumRole)) throw new ForbiddenError();

  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(complaints).where(eq(complaints.id, complaintId)).for("update");
    if (!current) throw new NotFoundError();
    if (expectedVersion !== undefined && current.version !== expectedVersion) throw new CaseConflictError();

    const { patch = {}, events } = await change(tx, current);
    if (events.length === 0) throw new CaseRuleError("Nothing to record.");

    const now = new Date();
    const minutes = events.reduce((sum, e) => sum + (e.minutesSpent ?? 0), 0);
    const respondsToCustomer = events.some((e) => e.visibility === "customer") || (patch.status !== undefined && patch.status !== "new");

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
        actorKind: "staff" as const,
        actorId: actor.id,
        createdAt: now,
      })),
    );
    return updated!;
  });
}
