import { getDb } from "@/db/client";
import type { Complaint } from "@/db/schema";
import type { StaffUserSession } from "@/lib/auth/session";
import { promiseState } from "@/lib/cases/promises";
import { loadResolutionData } from "@/lib/cases/workspace";
import { localDate } from "@/lib/time/zone";
import { AnswerBlock } from "../resolution/answer-block";
import { FollowUpBlock } from "../resolution/follow-up-block";
import { GoodwillBlock, PlanBlock } from "../resolution/plan-block";
import { BrokenPromises, PromisesBlock } from "../resolution/promises-block";

/**
 * The resolution side of the case: the plan and any goodwill extra, promises (broken ones first
 * and loud), the customer's answer and the follow-up. Every action here is open to every agent;
 * the domain functions check the account and the case's state on the server.
 */
export async function ResolutionPanel({ complaint, timeZone }: { complaint: Complaint; viewer: StaffUserSession; timeZone: string }) {
  const db = await getDb();
  const data = await loadResolutionData(db, complaint.id);
  const now = new Date();
  const today = localDate(now, timeZone);
  const broken = data.promises.filter((p) => promiseState(p, now, timeZone) === "broken");
  const open = complaint.status !== "closed";

  return (
    <section aria-labelledby="resolution-card" data-testid="resolution-card" className="rounded-lg border border-slate-200 bg-white shadow-sm">
      <header className="border-b border-slate-200 px-4 py-3">
        <h2 id="resolution-card" className="text-base font-semibold text-slate-900">
          Resolution
        </h2>
      </header>
      <BrokenPromises complaintId={complaint.id} broken={broken} now={now} timeZone={timeZone} />
      <div className="divide-y divide-slate-200">
        <PlanBlock complaint={complaint} />
        <GoodwillBlock complaint={complaint} />
        <PromisesBlock complaintId={complaint.id} version={complaint.version} promises={data.promises} canAdd={open} now={now} timeZone={timeZone} today={today} />
        <AnswerBlock complaint={complaint} agreement={data.latestAgreement} rating={data.latestRating} timeZone={timeZone} />
        <FollowUpBlock complaint={complaint} followUps={data.followUps} now={now} timeZone={timeZone} today={today} />
      </div>
    </section>
  );
}
