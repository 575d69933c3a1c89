import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, Tx } from "@/db/client";
import { complaintEvents, staffUsers, type Complaint } from "@/db/schema";
import { CALL_DIRECTIONS } from "@/db/schema/enums";
import { callSummaryForEmail } from "@/lib/messages/call-summary";
import { enqueueCustomerEmail } from "@/lib/outbox";
import { CaseRuleError } from "../errors";
import { updateCase, type Actor } from "../update-case";
import { assertOpenForCustomerText, blameOverrideFields, customerTextSchema, guardCustomerText } from "./conversation-common";
import { minutesSpent, parseInput } from "./input";

export const callSchema = z.object({
  complaintId: z.uuid("Unknown case."),
  direction: z.enum(CALL_DIRECTIONS, "Say whether the customer called you or you called them."),
  durationMinutes: z.coerce
    .number({ error: "Enter how long the call lasted, in minutes." })
    .int("Enter how long the call lasted, in whole minutes.")
    .min(1, "A call lasts at least 1 minute.")
    .max(600, "A call can be at most 600 minutes (10 hours)."),
  summary: z.string().trim().min(1, "Write down what was said on the call.").max(5000, "Keep the summary under 5,000 characters."),
});
export type CallInput = z.input<typeof callSchema>;

/**
 * Records a phone call (internal): direction, duration (which is also the time spent) and what
 * was said. Never conflicts: the call happened whatever else changed. The caller then offers
 * the written follow-up (sendCallSummary), drafted from `summary`.
 */
export async function logCall(db: Db, actor: Actor, raw: CallInput): Promise<{ complaint: Complaint; callEventId: number }> {
  const input = parseInput(callSchema, raw);
  const complaint = await updateCase(db, { complaintId: input.complaintId, actor }, async () => {
    return {
      events: [
        {
          type: "call_logged",
          visibility: "internal",
          body: input.summary,
          data: { direction: input.direction, durationMinutes: input.durationMinutes },
          minutesSpent: input.durationMinutes,
        },
      ],
    };
  });
  // updateCase stamps the event with the same instant as the case's last activity.
  const [event] = await db
    .select({ id: complaintEvents.id })
    .from(complaintEvents)
    .where(
      and(
        eq(complaintEvents.complaintId, complaint.id),
        eq(complaintEvents.type, "call_logged"),
        eq(complaintEvents.actorId, actor.id),
        eq(complaintEvents.createdAt, complaint.lastActivityAt),
      ),
    )
    .orderBy(desc(complaintEvents.id))
    .limit(1);
  return { complaint, callEventId: event!.id };
}

export const callSummarySchema = z.object({
  complaintId: z.uuid("Unknown case."),
  callEventId: z.coerce.number().int().positive("Choose the call this summary is about."),
  text: customerTextSchema("summary"),
  minutesSpent: minutesSpent(5),
  expectedVersion: z.coerce.number().int().positive(),
  ...blameOverrideFields,
});
export type CallSummaryInput = z.input<typeof callSummarySchema>;

/** Sends the written summary of a logged call to the customer: a customer-visible message. */
export async function sendCallSummary(db: Db, actor: Actor, raw: CallSummaryInput): Promise<Complaint> {
  const input = parseInput(callSummarySchema, raw, typeof raw.text === "string" ? raw.text.trim().length : undefined);
  return updateCase(db, { complaintId: input.complaintId, actor, expectedVersion: input.expectedVersion }, async (tx, current) => {
    assertOpenForCustomerText(current);
    await assertCallAwaitingSummary(tx, current.id, input.callEventId);
    const blameOverride = guardCustomerText(input.text, current, input);
    await enqueueCustomerEmail(tx, {
      complaintId: current.id,
      kind: "call_summary",
      summary: callSummaryForEmail(input.text),
      dedupeKey: `call_summary:${input.callEventId}`,
    });
    return {
      events: [
        {
          type: "message",
          visibility: "customer",
          body: input.text,
          data: { callEventId: input.callEventId, kind: "call_summary", ...(blameOverride ? { blameOverride } : {}) },
          minutesSpent: input.minutesSpent,
        },
      ],
    };
  });
}

async function assertCallAwaitingSummary(tx: Tx, complaintId: string, callEventId: number): Promise<void> {
  const [call] = await tx
    .select({ id: complaintEvents.id })
    .from(complaintEvents)
    .where(and(eq(complaintEvents.id, callEventId), eq(complaintEvents.complaintId, complaintId), eq(complaintEvents.type, "call_logged")))
    .limit(1);
  if (!call) throw new CaseRuleError("That call is not on this case.");
  const [sent] = await tx
    .select({ id: complaintEvents.id })
    .from(complaintEvents)
    .where(and(eq(complaintEvents.complaintId, complaintId), eq(complaintEvents.type, "message"), sql`${complaintEvents.data}->>'callEventId' = ${String(callEventId)}`))
    .limit(1);
  if (sent) throw new CaseRuleError("A written summary of this call has already been sent to the customer.");
}

export type CallAwaitingSummary = {
  id: number;
  direction: string | null;
  durationMinutes: number | null;
  summary: string;
  createdAt: Date;
  staffName: string | null;
};

/** Calls on the case whose written summary has not been sent yet, newest first (one query). */
export async function listCallsAwaitingSummary(db: Db, complaintId: string, limit = 5): Promise<CallAwaitingSummary[]> {
  const rows = await db
    .select({
      id: complaintEvents.id,
      data: complaintEvents.data,
      summary: complaintEvents.body,
      createdAt: complaintEvents.createdAt,
      staffName: staffUsers.name,
    })
    .from(complaintEvents)
    .leftJoin(staffUsers, eq(staffUsers.id, complaintEvents.actorId))
    .where(
      and(
        eq(complaintEvents.complaintId, complaintId),
        eq(complaintEvents.type, "call_logged"),
        sql`not exists (select 1 from complaint_events m where m.complaint_id = ${complaintEvents.complaintId}
              and m.type = 'message' and m.data->>'callEventId' = ${complaintEvents.id}::text)`,
      ),
    )
    .orderBy(desc(complaintEvents.createdAt), desc(complaintEvents.id))
    .limit(limit);
  return rows.map((r) => ({
    id: r.id,
    direction: typeof r.data.direction === "string" ? r.data.direction : null,
    durationMinutes: typeof r.data.durationMinutes === "number" ? r.data.durationMinutes : null,
    summary: r.summary ?? "",
    createdAt: r.createdAt,
    staffName: r.staffName,
  }));
}
