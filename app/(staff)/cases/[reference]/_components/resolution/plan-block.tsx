import { Badge } from "@/components/ui";
import type { Complaint } from "@/db/schema";
import { CURRENCY, formatCents } from "@/lib/cases/actions/money";
import { Block, Disclosure } from "./block";
import { currencySymbol } from "@/lib/format/numbers";
import { GoodwillForm } from "./goodwill-form";
import { RESOLUTION_TYPE_LABELS, SOURCE_LABELS } from "./labels";
import { BEFORE_PROPOSAL } from "@/lib/cases/state-machine";
import { AskAgreementForm, PlanForm } from "./plan-forms";

const LOCKED = new Set<Complaint["status"]>(["resolved", "follow_up_due", "closed"]);

/** The plan as it stands, the form to record or revise it, and the step that sends it to the customer. */
export function PlanBlock({ complaint }: { complaint: Complaint }) {
  const plan =
    complaint.resolutionType && complaint.resolutionDescription
      ? { type: complaint.resolutionType, description: complaint.resolutionDescription, source: complaint.resolutionSource ?? "staff" }
      : null;
  const locked = LOCKED.has(complaint.status) || complaint.status === "carrying_out";
  const draft = plan !== null && BEFORE_PROPOSAL.has(complaint.status);
  return (
    <Block
      title="Resolution plan"
      testId="resolution-plan"
      status={plan ? <Badge tone="brand">{RESOLUTION_TYPE_LABELS[plan.type]}</Badge> : "Not proposed yet"}
    >
      {plan ? (
        <div className="space-y-1 text-sm">
          <p className="whitespace-pre-wrap break-words text-slate-900">{plan.description}</p>
          <p className="text-xs text-slate-600">{SOURCE_LABELS[plan.source]}</p>
          {draft ? (
            <p className="text-xs font-medium text-amber-900" data-testid="plan-draft">
              Not proposed: the customer does not see this plan. Revise it with “Propose it to the customer now” ticked to ask them.
            </p>
          ) : null}
        </div>
      ) : null}
      {complaint.status === "resolution_proposed" ? (
        <div className="rounded-md border border-brand-100 bg-brand-50 p-3">
          <p className="mb-2 text-sm font-medium text-brand-800">Next: send the plan to the customer and ask whether they agree.</p>
          <AskAgreementForm complaintId={complaint.id} version={complaint.version} />
        </div>
      ) : null}
      {complaint.status === "carrying_out" ? (
        <p className="text-xs text-slate-600">The customer agreed to this plan and it is being carried out. To change it, move the case back to investigating.</p>
      ) : locked ? (
        <p className="text-xs text-slate-600">The case is {complaint.status === "closed" ? "closed" : "resolved"}: reopen it to change the plan.</p>
      ) : (
        <Disclosure label={plan ? "Revise the plan" : "Propose a resolution"} open={!plan && complaint.status === "investigating"}>
          <PlanForm
            complaintId={complaint.id}
            version={complaint.version}
            plan={plan}
            desiredOutcome={complaint.desiredOutcome}
            canDraft={BEFORE_PROPOSAL.has(complaint.status)}
          />
        </Disclosure>
      )}
    </Block>
  );
}

/** Extras beyond the resolution, with what they cost (staff only). */
export function GoodwillBlock({ complaint }: { complaint: Complaint }) {
  const cost = complaint.goodwillCostCents;
  return (
    <Block title="Goodwill extra" testId="goodwill" status={complaint.goodwillDescription ? `Total cost ${formatCents(cost ?? 0)}` : "None"}>
      {complaint.goodwillDescription ? <p className="break-words text-sm text-slate-900">{complaint.goodwillDescription}</p> : null}
      {complaint.status !== "closed" ? (
        <Disclosure label={complaint.goodwillDescription ? "Add another extra" : "Add a goodwill extra"}>
          <GoodwillForm complaintId={complaint.id} version={complaint.version} currencySymbol={currencySymbol(CURRENCY)} />
        </Disclosure>
      ) : null}
    </Block>
  );
}
