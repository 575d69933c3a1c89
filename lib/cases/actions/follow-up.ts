import "server-only";
import { and, asc, desc, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Db, Tx } from "@/db/client";
import { followUps, type Complaint, type FollowUp } from "@/db/schema";
import { getBusinessSettings } from "@/lib/settings/business";
import { CaseRuleError } from "../errors";
import { updateCase, type Actor, type CaseEventInput } from "../update-case";
import { minutesSpent, parseInput } from "./input";
import { addDays, END_OF_DAY, instantToLocal, localDateTimeToInstant } from "@/lib/time/zone";

/**
 * Follow-ups: days after a case is resolved, someone checks the customer is happy with what was
 * done. Resolving schedules one automatically, business_settings.follow_up_delay_days later.
 *
 * >>> The status action that moves a case to "resolved" (lib/cases/actions/status.ts) MUST call
 * >>> followUpOnResolve(tx, current, actor.id) inside its updateCase callback and add the events
 * >>> it returns. That is the only automatic scheduling; there is no cron.
 *
 * When the follow-up's due date passes, the case shows "Follow-up due" (the queue's next step and
 * the resolution card read follow_ups.due_at). Recording the follow-up changes no status: the
 * status section offers "Close" once the closing guard (a done follow-up, or the customer's
 * agreement) passes.
 */

/**
 * Schedules the automatic follow-up for a case being resolved, at the same local time of day
 * N calendar days later in the business's time zone. Returns the events to add (none when an
 * open follow-up already exists, e.g. a reopened case resolved again keeps its first one).
 */
export async function followUpOnResolve(tx: Tx, current: Pick<Complaint, "id">, actorId: string | null, now: Date = new Date()): Promise<CaseEventInput[]> {
  const [open] = await tx.select({ id: followUps.id }).from(followUps).where(and(eq(followUps.complaintId, current.id), isNull(followUps.completedAt))).limit(1);
  if (open) return [];
  const { timeZone, followUpDelayDays: delayDays } = await getBusinessSettings(tx);
  const local = instantToLocal(now, timeZone);
  const target = localDateTimeToInstant(addDays(local.date, delayDays), local.time, timeZone);
  // A time skipped by a clock change cannot be named; an hour later always exists.
  const dueAt = target.ok ? target.instant : new Date(now.getTime() + delayDays * 86_400_000);
  const [row] = await tx.insert(followUps).values({ complaintId: current.id, dueAt, createdById: actorId }).returning({ id: followUps.id });
  return [{ type: "follow_up_scheduled", visibility: "internal", body: null, data: { followUpId: row!.id, dueAt: dueAt.toISOString(), automatic: true }, minutesSpent: 0 }];
}

export const scheduleFollowUpSchema = z.object({
  complaintId: z.uuid("Unknown case."),
  dueDate: z.string("Choose the date to follow up.").regex(/^\d{4}-\d{2}-\d{2}$/, "Choose the date to follow up."),
  minutesSpent: minutesSpent(1),
});
export type ScheduleFollowUpInput = z.input<typeof scheduleFollowUpSchema>;

/**
 * Schedules a follow-up by hand for a date (it falls due at the start of that day's working
 * hours, 09:00 local), or moves the one already open to the new date.
 */
export async function scheduleFollowUp(db: Db, actor: Actor, raw: ScheduleFollowUpInput | Record<string, string>, now: Date = new Date()): Promise<Complaint> {
  const input = parseInput(scheduleFollowUpSchema, raw);
  const { timeZone } = await getBusinessSettings(db);
  const due = localDateTimeToInstant(input.dueDate, "09:00", timeZone);
  if (!due.ok) throw new CaseRuleError("Please correct the highlighted fields.", { dueDate: due.message });
  const endOfDay = localDateTimeToInstant(input.dueDate, END_OF_DAY, timeZone);
  if (endOfDay.ok && endOfDay.instant.getTime() < now.getTime()) {
    throw new CaseRuleError("Please correct the highlighted fields.", { dueDate: "Choose today or a later date." });
  }
  return updateCase(db, { complaintId: input.complaintId, actor }, async (tx, current) => {
    if (current.status === "closed") throw new CaseRuleError("This case is closed. Reopen it before scheduling a follow-up.");
    const [open] = await tx.select().from(followUps).where(and(eq(followUps.complaintId, current.id), isNull(followUps.completedAt))).limit(1);
    let followUpId: string;
    if (open) {
      await tx.update(followUps).set({ dueAt: due.instant }).where(eq(followUps.id, open.id));
      followUpId = open.id;
    } else {
      const [row] = await tx.insert(followUps).values({ complaintId: current.id, dueAt: due.instant, createdById: actor.id }).returning({ id: followUps.id });
      followUpId = row!.id;
    }
    const data = { followUpId, dueAt: due.instant.toISOString(), ...(open ? { previousDueAt: open.dueAt.toISOString() } : {}) };
    return { events: [{ type: "follow_up_scheduled", visibility: "internal", body: null, data, minutesSpent: input.minutesSpent }] };
  });
}

export const recordFollowUpSchema = z.object({
  complaintId: z.uuid("Unknown case."),
  outcome: z
    .string()
    .trim()
    .min(3, "Say how the follow-up went: what the customer told you, or that they did not answer.")
    .max(2000, "Keep the outcome under 2,000 characters."),
  minutesSpent: minutesSpent(5),
});
export type RecordFollowUpInput = z.input<typeof recordFollowUpSchema>;

/**
 * Records that the follow-up happened, completing the open one (or, when none was scheduled,
 * one created and completed now). Only after resolution: following up on a fix that has not
 * happened yet is ordinary investigation.
 */
export async function recordFollowUp(db: Db, actor: Actor, raw: RecordFollowUpInput | Record<string, string>): Promise<Complaint> {
  const input = parseInput(recordFollowUpSchema, raw);
  return updateCase(db, { complaintId: input.complaintId, actor }, async (tx, current) => {
    if (current.status !== "resolved" && current.status !== "follow_up_due") {
      throw new CaseRuleError(
        current.status === "closed" ? "This case is closed. Reopen it to record anything new." : "A follow-up is recorded after the case is resolved.",
      );
    }
    const now = new Date();
    const [open] = await tx.select().from(followUps).where(and(eq(followUps.complaintId, current.id), isNull(followUps.completedAt))).orderBy(asc(followUps.dueAt)).limit(1);
    const done = { completedAt: now, completedById: actor.id, outcome: input.outcome };
    const [row] = open
      ? await tx.update(followUps).set(done).where(eq(followUps.id, open.id)).returning()
      : await tx.insert(followUps).values({ complaintId: current.id, dueAt: now, createdById: actor.id, ...done }).returning();
    return {
      events: [
        {
          type: "follow_up_done",
          visibility: "internal",
          body: input.outcome,
          data: { followUpId: row!.id, dueAt: row!.dueAt.toISOString(), outcome: input.outcome },
          minutesSpent: input.minutesSpent,
        },
      ],
    };
  });
}

/** The case's follow-ups: the open one first (nulls sort first when descending), then those done, latest first. */
export async function listFollowUps(db: Db, complaintId: string): Promise<FollowUp[]> {
  return db.select().from(followUps).where(eq(followUps.complaintId, complaintId)).orderBy(desc(followUps.completedAt), desc(followUps.dueAt));
}
