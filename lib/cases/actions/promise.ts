import "server-only";
import { and, asc, count, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Db, Tx } from "@/db/client";
import { promises, type Complaint, type Promise_ } from "@/db/schema";
import { getBusinessSettings } from "@/lib/settings/business";
import { CaseRuleError } from "../errors";
import { transitionError } from "../state-machine";
import { statusChange } from "../transition";
import { updateCase, type Actor, type CaseChange } from "../update-case";
import { followUpOnResolve } from "./follow-up";
import { blameOverrideFields, guardCustomerText } from "./conversation-common";
import { minutesSpent, parseInput } from "./input";
import { END_OF_DAY, localDateTimeToInstant } from "@/lib/time/zone";

/**
 * Promises: something staff told the customer they would do, by a date. The customer sees each
 * one on their tracking page. A promise whose time has passed without being kept is broken
 * (lib/cases/promises.ts decides the state); it can still be kept late, and analytics count that
 * as kept late (kept_at after due_at).
 *
 * Promises are never deleted or edited: the customer was told, and the timeline is immutable.
 * A promise made by mistake is corrected with a note to the customer on the timeline.
 */

export const promiseSchema = z.object({
  complaintId: z.uuid("Unknown case."),
  text: z.string().trim().min(3, "Say what you promised, in a few words.").max(500, "Keep the promise under 500 characters."),
  dueDate: z.string("Choose the date you promised.").regex(/^\d{4}-\d{2}-\d{2}$/, "Choose the date you promised."),
  /** Optional: without a time the promise runs to the end of that day, as "by Friday" means. */
  dueTime: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Enter the time as HH:MM, or leave it empty for the end of the day.")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  minutesSpent: minutesSpent(2),
  expectedVersion: z.coerce.number().int().positive(),
  ...blameOverrideFields,
});
export type PromiseInput = z.input<typeof promiseSchema>;

/** The date and time as the business reads them, converted to the instant it names. */
export function promiseDueAt(date: string, time: string | undefined, timeZone: string): Date {
  const result = localDateTimeToInstant(date, time ?? END_OF_DAY, timeZone);
  if (!result.ok) throw new CaseRuleError("Please correct the highlighted fields.", { [time ? "dueTime" : "dueDate"]: result.message });
  // "End of the day" is the last moment of it, so the promise is not broken during its last minute.
  return time ? result.instant : new Date(result.instant.getTime() + 59_999);
}

export async function makePromise(db: Db, actor: Actor, raw: PromiseInput | Record<string, string>, now: Date = new Date()): Promise<{ complaint: Complaint; promise: Promise_ }> {
  const input = parseInput(promiseSchema, raw);
  const { timeZone } = await getBusinessSettings(db);
  const dueAt = promiseDueAt(input.dueDate, input.dueTime, timeZone);
  if (dueAt.getTime() <= now.getTime()) {
    throw new CaseRuleError("Please correct the highlighted fields.", { [input.dueTime ? "dueTime" : "dueDate"]: "That time has already passed. A promise needs a date still to come." });
  }
  let promise: Promise_ | undefined;
  const complaint = await updateCase(db, { complaintId: input.complaintId, actor, expectedVersion: input.expectedVersion }, async (tx, current) => {
    if (current.status === "closed") throw new CaseRuleError("This case is closed. Reopen it before promising anything new.");
    const blameOverride = guardCustomerText(input.text, current, input);
    [promise] = await tx.insert(promises).values({ complaintId: current.id, text: input.text, dueAt, createdById: actor.id }).returning();
    return {
      events: [
        {
          type: "promise_made",
          visibility: "customer",
          body: input.text,
          data: { promiseId: promise!.id, text: input.text, dueAt: dueAt.toISOString(), ...(blameOverride ? { blameOverride } : {}) },
          minutesSpent: input.minutesSpent,
        },
      ],
    };
  });
  return { complaint, promise: promise! };
}

export const keepPromiseSchema = z.object({
  complaintId: z.uuid("Unknown case."),
  promiseId: z.uuid("Unknown promise."),
  minutesSpent: minutesSpent(1),
});
export type KeepPromiseInput = z.input<typeof keepPromiseSchema>;

/**
 * Marks a promise kept, late or not. No version check: nothing anyone else does to the case
 * changes whether this promise was kept, and the promise row itself refuses a second marking.
 */
export async function keepPromise(db: Db, actor: Actor, raw: KeepPromiseInput | Record<string, string>): Promise<Complaint> {
  const input = parseInput(keepPromiseSchema, raw);
  return updateCase(db, { complaintId: input.complaintId, actor }, async (tx, current) => {
    const now = new Date();
    const [kept] = await tx
      .update(promises)
      .set({ keptAt: now })
      .where(and(eq(promises.id, input.promiseId), eq(promises.complaintId, current.id), isNull(promises.keptAt)))
      .returning();
    if (!kept) {
      const [existing] = await tx.select({ id: promises.id }).from(promises).where(and(eq(promises.id, input.promiseId), eq(promises.complaintId, current.id)));
      throw new CaseRuleError(existing ? "This promise is already marked kept." : "That promise does not belong to this case.");
    }
    const late = now.getTime() > kept.dueAt.getTime();
    const change: Required<CaseChange> = {
      patch: {},
      events: [
        {
          type: "promise_kept",
          visibility: "customer",
          body: kept.text,
          data: { promiseId: kept.id, dueAt: kept.dueAt.toISOString(), ...(late ? { late: true } : {}) },
          minutesSpent: input.minutesSpent,
        },
      ],
    };
    // The customer agreed and this was the last open promise: the plan is carried out, so the case is resolved.
    if (current.status === "carrying_out" && (await countOpenPromises(tx, current.id)) === 0 && !transitionError("carrying_out", "resolved", { ...current, followUpCompleted: false })) {
      const move = await statusChange(tx, current, "resolved");
      change.patch = move.patch;
      change.events.push(...move.events, ...(await followUpOnResolve(tx, current, actor.id)));
    }
    return change;
  });
}

/** Promises on a case not yet kept (broken ones included). */
export async function countOpenPromises(tx: Tx, complaintId: string): Promise<number> {
  const [row] = await tx.select({ n: count() }).from(promises).where(and(eq(promises.complaintId, complaintId), isNull(promises.keptAt)));
  return Number(row?.n ?? 0);
}

/** Every promise on a case, soonest due first. */
export async function listPromises(db: Db, complaintId: string): Promise<Promise_[]> {
  return db.select().from(promises).where(eq(promises.complaintId, complaintId)).orderBy(asc(promises.dueAt), asc(promises.createdAt));
}
