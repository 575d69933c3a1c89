import { getDb } from "@/db/client";
import type { Complaint } from "@/db/schema";
import type { StaffUserSession } from "@/lib/auth/session";
import { loadDecisionData } from "@/lib/cases/workspace";
import { AssessmentSection, AssignSection, JudgeSection, StatusSection } from "../decisions/case-sections";
import { DebriefSection, EscalationSection, FaultSection, RootCauseSection } from "../decisions/fact-sections";
import { HandlingList } from "../decisions/handling-list";
import { Section } from "../decisions/section";

/**
 * The decision side of a case, top of the right column: the handling checklist, then one
 * collapsible section per decision (status, assessment, assignee, judgement, root cause, fault,
 * escalation, debriefs). Each section's form is checked again on the server.
 */
export async function DecisionPanel({ complaint, viewer, timeZone }: { complaint: Complaint; viewer: StaffUserSession; timeZone: string }) {
  const data = await loadDecisionData(await getDb(), complaint, viewer, timeZone);
  const props = { complaint, viewer, timeZone, data };
  const open = data.handling.items.filter((i) => i.state === "todo" || i.state === "warning").length;
  return (
    <section aria-labelledby="decisions-heading" className="rounded-lg border border-slate-200 bg-white shadow-sm">
      <h2 id="decisions-heading" className="border-b border-slate-200 px-4 py-3 text-base font-semibold text-slate-900">
        Handling
      </h2>
      <Section title="Checklist" status={open === 0 ? "All done" : `${open} open`} open testId="decision-checklist">
        <HandlingList items={data.handling.items} />
      </Section>
      <StatusSection {...props} />
      <AssignSection {...props} />
      <AssessmentSection {...props} />
      <JudgeSection {...props} />
      <RootCauseSection {...props} />
      <FaultSection {...props} />
      <EscalationSection {...props} />
      <DebriefSection {...props} />
    </section>
  );
}
