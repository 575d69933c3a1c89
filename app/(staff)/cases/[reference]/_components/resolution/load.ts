import "server-only";
import { and, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { complaintEvents, staffUsers, type FollowUp, type Promise_ } from "@/db/schema";
import { listFollowUps } from "@/lib/cases/actions/follow-up";
import { listPromises } from "@/lib/cases/actions/promise";

export type AnswerRecord = { type: "customer_agreed" | "customer_disagreed" | "satisfaction_rated"; by: string; at: Date };

export type ResolutionData = {
  promises: Promise_[];
  followUps: FollowUp[];
  /** Who recorded the latest agreement and rating: the customer on their page, or a staff member. */
  latestAgreement: AnswerRecord | null;
  latestRating: AnswerRecord | null;
};

/** What the resolution card needs beyond the complaint row: two small lists and one lookup. */
export async function loadResolutionData(db: Db, complaintId: string): Promise<ResolutionData> {
  const [promises, followUps, answers] = await Promise.all([
    listPromises(db, complaintId),
    listFollowUps(db, complaintId),
    db
      .select({ type: complaintEvents.type, actorKind: complaintEvents.actorKind, actorName: staffUsers.name, at: complaintEvents.createdAt })
      .from(complaintEvents)
      .leftJoin(staffUsers, eq(staffUsers.id, complaintEvents.actorId))
      .where(and(eq(complaintEvents.complaintId, complaintId), inArray(complaintEvents.type, ["customer_agreed", "customer_disagreed", "satisfaction_rated"])))
      .orderBy(desc(complaintEvents.id))
      .limit(10),
  ]);
  const records = answers.map((a) => ({
    type: a.type as AnswerRecord["type"],
    by: a.actorKind === "customer" ? "the customer on their tracking page" : `${a.actorName ?? "a former staff member"}, as told by the customer`,
    at: a.at,
  }));
  return {
    promises,
    followUps,
    latestAgreement: records.find((r) => r.type !== "satisfaction_rated") ?? null,
    latestRating: records.find((r) => r.type === "satisfaction_rated") ?? null,
  };
}
