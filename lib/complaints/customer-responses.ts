import "server-only";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db, Tx } from "@/db/client";
import { complaintEvents, complaints, type Complaint } from "@/db/schema";
import { statusChange } from "@/lib/cases/transition";
import { alertAssignee } from "./alert-assignee";
import { customerAsks } from "./customer-asks";
import { stripControlCharacters } from "./intake-schema";
import { findComplaintIdByToken } from "./tracking";

/**
 * The customer's answers on the tracking page: confirm or correct our summary, agree or disagree
 * with the proposed resolution, rate how it went. Each runs in one transaction with the case row
 * locked, re-checks that the question is still open (a second tab or a double submit answers
 * nothing twice), records a customer event, bumps the case's version and tells the assignee.
 */

export type ResponseResult = { ok: true } | { ok: false; error: string; field?: string } | { ok: false; notFound: true };

const text = (label: string, max: number) =>
  z
    .string({ error: label })
    .transform((v) => stripControlCharacters(v).trim())
    .pipe(z.string().min(1, label).max(max, `Please keep it under ${max.toLocaleString("en")} characters`));

export const CorrectionSchema = z.object({ correction: text("Please tell us what we got wrong", 5_000) });
export const DisagreeSchema = z.object({ reason: text("Please tell us why the proposal does not work for you", 5_000) });
export const RatingSchema = z.object({
  rating: z.coerce
    .number({ error: "Please choose a rating from 1 to 5" })
    .int("Please choose a rating from 1 to 5")
    .min(1, "Please choose a rating from 1 to 5")
    .max(5, "Please choose a rating from 1 to 5"),
  comment: z
    .string()
    .optional()
    .transform((v) => (v ? stripControlCharacters(v).trim() : ""))
    .pipe(z.string().max(2_000, "Please keep your comment under 2,000 characters")),
});

type Answer =
  | { kind: "confirm_restatement" }
  | { kind: "correct_restatement"; correction: unknown }
  | { kind: "agree" }
  | { kind: "disagree"; reason: unknown }
  | { kind: "rate"; rating: unknown; comment: unknown };

type Planned = { events: Array<Omit<typeof complaintEvents.$inferInsert, "complaintId" | "actorKind">>; patch: Partial<Complaint>; alert: string };

const CLOSED_QUESTION = "This question has already been answered. Refresh the page to see the latest.";

export async function answerAsCustomer(db: Db, token: string, answer: Answer): Promise<ResponseResult> {
  const complaintId = await findComplaintIdByToken(db, token);
  if (!complaintId) return { ok: false, notFound: true };
  const input = parse(answer);
  if (!input.ok) return input;

  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(complaints).where(eq(complaints.id, complaintId)).for("update");
    if (!current) return { ok: false, notFound: true } as const;
    const events = await tx
      .select({ id: complaintEvents.id, type: complaintEvents.type, data: complaintEvents.data, createdAt: complaintEvents.createdAt })
      .from(complaintEvents)
      .where(and(eq(complaintEvents.complaintId, complaintId), eq(complaintEvents.visibility, "customer")));
    const asks = customerAsks(events, current);
    const plan = await planFor(tx, current, asks, input.value);
    if ("error" in plan) return { ok: false, error: plan.error } as const;

    const now = new Date();
    await tx
      .update(complaints)
      .set({ ...plan.patch, version: current.version + 1, updatedAt: now, lastActivityAt: now })
      .where(eq(complaints.id, complaintId));
    await tx.insert(complaintEvents).values(plan.events.map((e) => ({ ...e, complaintId, actorKind: "customer" as const, createdAt: now })));
    await alertAssignee(tx, current, plan.alert, plan.events[0]?.body ?? "");
    return { ok: true } as const;
  });
}

function parse(answer: Answer): { ok: true; value: Answer } | { ok: false; error: string; field: string } {
  const check = <T>(schema: z.ZodType<T>, value: unknown, field: string) => {
    const result = schema.safeParse(value);
    return result.success ? null : { ok: false as const, error: result.error.issues[0]?.message ?? "Please check your answer", field };
  };
  if (answer.kind === "correct_restatement") {
    const bad = check(CorrectionSchema, { correction: answer.correction }, "correction");
    if (bad) return bad;
    return { ok: true, value: { ...answer, correction: CorrectionSchema.parse({ correction: answer.correction }).correction } };
  }
  if (answer.kind === "disagree") {
    const bad = check(DisagreeSchema, { reason: answer.reason }, "reason");
    if (bad) return bad;
    return { ok: true, value: { ...answer, reason: DisagreeSchema.parse({ reason: answer.reason }).reason } };
  }
  if (answer.kind === "rate") {
    const bad = check(RatingSchema, { rating: answer.rating, comment: answer.comment ?? undefined }, "rating");
    if (bad) return bad;
    const parsed = RatingSchema.parse({ rating: answer.rating, comment: answer.comment ?? undefined });
    return { ok: true, value: { kind: "rate", rating: parsed.rating, comment: parsed.comment } };
  }
  return { ok: true, value: answer };
}

async function planFor(tx: Tx, current: Complaint, asks: ReturnType<typeof customerAsks>, answer: Answer): Promise<Planned | { error: string }> {
  switch (answer.kind) {
    case "confirm_restatement":
    case "correct_restatement": {
      const ask = asks.restatement;
      if (!ask || ask.answer) return { error: CLOSED_QUESTION };
      const confirmed = answer.kind === "confirm_restatement";
      return {
        patch: {},
        alert: confirmed ? "The customer confirmed your summary" : "The customer corrected your summary",
        events: [
          {
            type: confirmed ? "restatement_confirmed" : "restatement_corrected",
            visibility: "customer",
            body: confirmed ? null : String(answer.correction),
            data: { restatedEventId: ask.eventId, issues: ask.issues },
          },
        ],
      };
    }
    case "agree":
      if (!asks.proposal?.open) return { error: CLOSED_QUESTION };
      return {
        patch: { customerAgreement: "agreed" },
        alert: "The customer agreed with the proposed resolution",
        events: [{ type: "customer_agreed", visibility: "customer", body: null, data: proposalData(current) }],
      };
    case "disagree": {
      if (!asks.proposal?.open) return { error: CLOSED_QUESTION };
      // Back to investigating, through the state machine like any other move.
      const move = await statusChange(tx, current, "investigating");
      return {
        patch: { ...move.patch, customerAgreement: "disagreed" },
        alert: "The customer disagreed with the proposed resolution",
        events: [
          { type: "customer_disagreed", visibility: "customer", body: String(answer.reason), data: proposalData(current) },
          ...move.events.map((e) => ({ ...e, body: null })),
        ],
      };
    }
    case "rate":
      if (!asks.rating.open) return { error: current.satisfaction ? "You have already rated this complaint. Thank you." : "You can rate us once your complaint is resolved." };
      return {
        patch: { satisfaction: Number(answer.rating), satisfactionComment: String(answer.comment) || null },
        alert: `The customer rated the handling ${answer.rating} out of 5`,
        events: [{ type: "satisfaction_rated", visibility: "customer", body: String(answer.comment) || null, data: { rating: Number(answer.rating) } }],
      };
  }
}

function proposalData(c: Complaint): Record<string, unknown> {
  return { resolutionType: c.resolutionType, resolutionDescription: c.resolutionDescription };
}
