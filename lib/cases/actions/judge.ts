import "server-only";
import { z } from "zod";
import type { Db } from "@/db/client";
import { REQUEST_JUDGEMENTS, type Complaint } from "@/db/schema";
import { CaseRuleError } from "../errors";
import { updateCase, type Actor } from "../update-case";
import { caseRef, minutesSpent, parseInput, refuseIfClosed, requiredText, type FormInput } from "./input";

export const judgeInputSchema = z.object({
  ...caseRef,
  judgement: z.enum(REQUEST_JUDGEMENTS, { error: "Choose whether the request is reasonable." }),
  reason: requiredText(3, 1000, "the reason"),
  minutesSpent: minutesSpent(3),
});
export type JudgeInput = z.input<typeof judgeInputSchema>;

/**
 * Records whether what the customer asks for is reasonable, partly reasonable or not, and why.
 * Kept per case for the "difficult customer or faulty service" analysis; a new judgement (after
 * new facts) is a new event, the latest one is on the case.
 */
export async function judgeRequest(db: Db, actor: Actor, input: JudgeInput | FormInput): Promise<Complaint> {
  const data = parseInput(judgeInputSchema, input);
  return updateCase(db, { complaintId: data.complaintId, actor, expectedVersion: data.expectedVersion }, (_tx, current) => {
    refuseIfClosed(current, "judge the request again");
    if (current.requestJudgement === data.judgement && current.requestJudgementReason === data.reason) {
      throw new CaseRuleError("This judgement and reason are already recorded.");
    }
    return {
      patch: { requestJudgement: data.judgement, requestJudgementReason: data.reason },
      events: [
        {
          type: "request_judged",
          visibility: "internal",
          body: data.reason,
          data: { judgement: data.judgement, reason: data.reason, previousJudgement: current.requestJudgement },
          minutesSpent: data.minutesSpent,
        },
      ],
    };
  });
}
