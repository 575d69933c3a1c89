import "server-only";
import { and, desc, eq, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { complaints, debriefs, staffUsers } from "@/db/schema";
import { hasRole } from "@/lib/auth/roles";
import { NotFoundError } from "../errors";
import type { Actor } from "../update-case";
import { checkbox, parseInput, requiredText, type FormInput } from "./input";

export const debriefInputSchema = z.object({
  complaintId: z.uuid({ error: "This case could not be found. Reload the page." }),
  body: requiredText(3, 4000, "your debrief"),
  hardInteraction: checkbox,
});
export type DebriefInput = z.input<typeof debriefInputSchema>;

export type DebriefView = { id: string; authorId: string; authorName: string; body: string; hardInteraction: boolean; createdAt: Date };

/**
 * A private note after a hard interaction. Deliberately not a timeline event (not even an internal
 * one): the timeline is the case's record, and debriefs are about the person, not the case.
 * Only its author and supervisors/owners ever read it; no export includes it.
 */
export async function addDebrief(db: Db, actor: Actor, input: DebriefInput | FormInput): Promise<DebriefView> {
  const data = parseInput(debriefInputSchema, input);
  const [complaint] = await db.select({ id: complaints.id }).from(complaints).where(eq(complaints.id, data.complaintId));
  if (!complaint) throw new NotFoundError();
  const [row] = await db
    .insert(debriefs)
    .values({ complaintId: data.complaintId, authorId: actor.id, body: data.body, hardInteraction: data.hardInteraction })
    .returning();
  const [author] = await db.select({ name: staffUsers.name }).from(staffUsers).where(eq(staffUsers.id, actor.id));
  return { ...row!, authorName: author?.name ?? "" };
}

/** The debriefs on a case this viewer may read: their own, or all of them for supervisors and owners. */
export async function listDebriefs(db: Db, viewer: Actor, complaintId: string): Promise<DebriefView[]> {
  const filters: SQL[] = [eq(debriefs.complaintId, complaintId)];
  if (!hasRole(viewer.role, "supervisor")) filters.push(eq(debriefs.authorId, viewer.id));
  return db
    .select({
      id: debriefs.id,
      authorId: debriefs.authorId,
      authorName: staffUsers.name,
      body: debriefs.body,
      hardInteraction: debriefs.hardInteraction,
      createdAt: debriefs.createdAt,
    })
    .from(debriefs)
    .innerJoin(staffUsers, eq(staffUsers.id, debriefs.authorId))
    .where(and(...filters))
    .orderBy(desc(debriefs.createdAt), desc(debriefs.id));
}
