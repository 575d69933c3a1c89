import "server-only";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db, Tx } from "@/db/client";
import { complaintEvents, type Complaint } from "@/db/schema";
import { NotFoundError } from "@/lib/cases/errors";
import { moveOnAgreement } from "@/lib/cases/actions/agreement";
import { statusChange } from "@/lib/cases/transition";
import { updateCase, type CaseChange, type CaseEventInput } from "@/lib/cases/update-case";
import { alertAssignee } from "./alert-assignee";
import { customerAsks } from "./customer-asks";
import { stripControlCharacters } from "./intake-schema";
import { findComplaintIdByToken } from "./tracking";

/**
 * The customer's answers on the tracking page: confirm or correct our summary, agree or disagree
 * with the proposed resolution, rate how it went. Each goes through updateCase as the customer
 * (row locked, version bumped), re-checks that the question is still open (a second tab or a
 * double submit answers nothing twice), records a customer event and tells the assignee.
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

type Planned = CaseChange & { events: CaseEventInput[]; alert: string };

/** The question is no longer open; thrown inside updateCase so nothing is written. */
class AnswerRefused extends Error {}

const CLOSED_QUESTION = "This question has already been answered. Refresh the page to see the latest.";

export async function answerAsCustomer(db: Db, token: string, answer: Answer): Promise<ResponseResult> {
  const complaintId = await findComplaintIdByToken(db, token);
  if (!complaintId) return { ok: false, notFound: true };
  const input = parse(answer);
  if (!input.ok) return input;

  try {
    await updateCase(db, { complaintId, actor: { kind: "customer" } }, async (tx, current) => {
      const events = await tx
        .select({ id: complaintEvents.id, type: complaintEvents.type, data: complaintEvents.data, createdAt: complaintEvents.createdAt })
        .from(complaintEvents)
        .where(and(eq(complaintEvents.complaintId, complaintId), eq(complaintEvents.visibility, "customer")));
      const plan = await planFor(tx, current, customerAsks(events, current), input.value);
      if ("error" in plan) throw new AnswerRefused(plan.error);
      await alertAssignee(tx, current, plan.alert, plan.events[0]?.body ?? "");
      return plan;
    });
    return { ok: true };
  } catch (error) {
    if (error instanceof NotFoundError) return { ok: false, notFound: true };
    if (error instanceof AnswerRefused) return { ok: false, error: error.message };
    throw error;
  }
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
    case "agree": {
      if (!asks.proposal?.open) return { error: CLOSED_QUESTION };
      // The case moves on (resolved, or carrying out the plan while promises are open): no stale "waiting for your answer".
      const onward = await moveOnAgreement(tx, current, null);
      const agreed: CaseEventInput = { type: "customer_agreed", visibility: "customer", body: null, data: proposalData(current) };
      if (!onward) return { patch: { customerAgreement: "agreed" }, alert: "The customer agreed with the proposed resolution", events: [agreed] };
      return {
        patch: { ...onward.patch, customerAgreement: "agreed" },
        alert: `The customer agreed with the proposed resolution. ${agreedAlert(onward.to, onward.openPromises)}`,
        events: [agreed, ...onward.events],
      };
    }
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

function agreedAlert(to: Complaint["status"], openPromises: number): string {
  if (to === "resolved") return "The case is now resolved; the follow-up is scheduled.";
  if (openPromises > 0) return `The case is now carrying out the plan: keep the ${openPromises === 1 ? "open promise" : `${openPromises} open promises`}, then it resolves.`;
  return "The case is now carrying out the plan: set the root cause, process and fault, then resolve it.";
}

function proposalData(c: Complaint): Record<string, unknown> {
  return { resolutionType: c.resolutionType, resolutionDescription: c.resolutionDescription };
}
