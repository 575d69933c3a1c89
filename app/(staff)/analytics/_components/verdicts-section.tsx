import Link from "next/link";
import { Badge, type BadgeTone } from "@/components/ui";
import { hasRole } from "@/lib/auth/roles";
import { casesHref, filtersQuery } from "@/lib/analytics/filters";
import type { AnalyticsReport } from "@/lib/analytics/report";
import type { Verdict, VerdictResult } from "@/lib/analytics/verdicts";
import { range, ratio } from "@/lib/format/numbers";
import { Section } from "./chart-card";
import { HowWeDecide, type VerdictKind } from "./how-we-decide";
import { OpenActionLink } from "./open-action-link";

const VERDICT_BADGE: Record<Verdict, { label: string; tone: BadgeTone }> = {
  likely_difficult_customer: { label: "Likely difficult customer", tone: "warning" },
  likely_service_fault: { label: "Likely service fault", tone: "danger" },
  likely_staff_conduct: { label: "Likely conduct issue", tone: "danger" },
  no_pattern: { label: "No pattern", tone: "neutral" },
  not_enough_data: { label: "Not enough data", tone: "neutral" },
};

/** `casesHref`: the cases behind a process verdict, so a service fault can be fixed from here. */
type Card = { key: string; kind: VerdictKind; subject: string; verdict: VerdictResult; comparedWith: string; casesHref?: string };

const KIND_LABEL: Record<VerdictKind, string> = { customer: "Customer", process: "Process", staff: "Staff member" };
const KIND_PLURAL: Record<VerdictKind, string> = { customer: "Customers", process: "Processes", staff: "Staff members" };
const KINDS: VerdictKind[] = ["process", "customer", "staff"];

/** `explained`: the card carries its own "How we decide" (a flagged verdict); the folded list explains each kind once. */
function VerdictCard({ card, report, explained }: { card: Card; report: AnalyticsReport; explained: boolean }) {
  const { verdict } = card;
  const badge = VERDICT_BADGE[verdict.verdict];
  const flagged = verdict.verdict.startsWith("likely_");
  return (
    <article aria-label={`${KIND_LABEL[card.kind]}: ${card.subject}`} className={`space-y-3 rounded-lg border bg-white p-4 shadow-sm ${flagged ? "border-amber-300" : "border-slate-200"}`}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-slate-600">
          {KIND_LABEL[card.kind]} · <span className="font-semibold text-slate-900">{card.subject}</span>
        </p>
        <Badge tone={badge.tone}>{badge.label}</Badge>
      </div>
      <p className="font-medium text-slate-900">{verdict.headline}</p>
      <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700">
        {verdict.evidence.map((e) => (
          <li key={e}>{e}</li>
        ))}
      </ul>
      <p className="text-sm text-slate-700">{card.comparedWith}</p>
      <p className="text-sm text-slate-600">
        Based on {verdict.sampleSize} {card.kind === "staff" ? "cases handled" : "complaints"}
        {verdict.confidence ? ` · 95% range of the deciding share ${range(verdict.confidence)}` : ""}
        {verdict.rateRatio ? ` · ${ratio(verdict.rateRatio.estimate)}× the usual rate` : ""}
      </p>
      {card.casesHref && verdict.verdict === "likely_service_fault" ? <OpenActionLink casesHref={card.casesHref} subject={card.subject} /> : null}
      {explained ? <HowWeDecide kind={card.kind} t={report.thresholds} /> : null}
    </article>
  );
}

const ORDER: Verdict[] = ["likely_service_fault", "likely_difficult_customer", "likely_staff_conduct", "no_pattern", "not_enough_data"];

/** The page's link with or without the folded evidence, keeping the filters; it lands on this section. */
function evidenceHref(report: AnalyticsReport, show: boolean): string {
  const q = filtersQuery(report.filters, { evidence: show ? "all" : null });
  return `/analytics${q ? `?${q}` : ""}#verdicts`;
}

function countsByKind(cards: Card[]): string {
  return KINDS.map((kind) => [kind, cards.filter((c) => c.kind === kind).length] as const)
    .filter(([, n]) => n > 0)
    .map(([kind, n]) => `${n} ${n === 1 ? KIND_LABEL[kind].toLowerCase() : KIND_PLURAL[kind].toLowerCase()}`)
    .join(", ");
}

/**
 * Flagged patterns as cards up front. The ones checked without a pattern are summed up in one
 * line, their evidence a link away (`showAllEvidence`, the page's `evidence=all`): with a hundred
 * repeat complainers, processes and staff that is a hundred cards nobody reads first, and
 * rendering them made the page twice as heavy for everyone who opened it.
 */
export function VerdictsSection({ report, viewerRole, showAllEvidence }: { report: AnalyticsReport; viewerRole: "agent" | "supervisor" | "owner"; showAllEvidence: boolean }) {
  if (report.limitedToSelf) return null;
  const all: Card[] = [
    ...(report.processVerdicts ?? []).map((p) => ({
      key: `p-${p.processId}`,
      kind: "process" as const,
      subject: p.name,
      verdict: p.verdict,
      comparedWith: p.comparedWith,
      casesHref: casesHref({ ...report.filters, processId: null }, { process: p.processId }),
    })),
    ...report.customers.rows.flatMap((c) => (c.verdict ? [{ key: `c-${c.customerId}`, kind: "customer" as const, subject: c.name, verdict: c.verdict, comparedWith: c.comparedWith }] : [])),
    ...(report.staffVerdicts ?? []).map((s) => ({ key: `s-${s.staffId}`, kind: "staff" as const, subject: s.name, verdict: s.verdict, comparedWith: s.comparedWith })),
  ];
  const flagged = all.filter((c) => c.verdict.verdict.startsWith("likely_")).sort((a, b) => ORDER.indexOf(a.verdict.verdict) - ORDER.indexOf(b.verdict.verdict));
  const noPattern = all.filter((c) => c.verdict.verdict === "no_pattern");
  const tooFew = all.filter((c) => c.verdict.verdict === "not_enough_data");
  return (
    <Section
      id="verdicts"
      title="Difficult customer or faulty service?"
      intro="Each verdict needs both a concentration well above everyone else and your team's own judgements pointing the same way. Read the evidence, not only the headline."
    >
      {report.filters.processId ? (
        <p className="rounded-md border border-slate-200 bg-slate-50 px-4 py-3 text-sm text-slate-800" data-testid="process-filter-note">
          With a process chosen, only that process&rsquo;s verdict is shown, and the customer and staff verdicts count only its complaints. The process is still judged against
          every other process: one process on its own has nothing to be compared with.
        </p>
      ) : null}
      {flagged.length === 0 ? (
        <p className="rounded-md border border-dashed border-slate-300 bg-white px-4 py-3 text-sm text-slate-700">
          Nothing stands out in this range: no customer, process or staff member shows a clear pattern.
        </p>
      ) : (
        <div className="grid gap-4 lg:grid-cols-2">
          {flagged.map((c) => (
            <VerdictCard key={c.key} card={c} report={report} explained />
          ))}
        </div>
      )}
      {noPattern.length > 0 ? (
        <div id="no-pattern" className="scroll-mt-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          <p className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 text-sm">
            <span className="text-slate-800">
              <span className="font-medium text-slate-900">{noPattern.length} checked with no pattern</span> ({countsByKind(noPattern)})
            </span>
            <Link href={evidenceHref(report, !showAllEvidence)} scroll={false} className="font-medium text-brand-700 underline">
              {showAllEvidence ? "Hide their evidence" : "Show their evidence"}
            </Link>
          </p>
          {showAllEvidence ? (
            <>
              {/* Once per kind, not on each of what can be a hundred cards. */}
              <div className="mt-4 space-y-2">
                {KINDS.filter((kind) => noPattern.some((c) => c.kind === kind)).map((kind) => (
                  <div key={kind} className="rounded-md bg-slate-50 px-3 py-2">
                    <p className="text-sm font-medium text-slate-900">{KIND_PLURAL[kind]}</p>
                    <HowWeDecide kind={kind} t={report.thresholds} />
                  </div>
                ))}
              </div>
              <div className="mt-4 grid gap-4 lg:grid-cols-2">
                {noPattern.map((c) => (
                  <VerdictCard key={c.key} card={c} report={report} explained={false} />
                ))}
              </div>
            </>
          ) : null}
        </div>
      ) : null}
      <p className="text-sm text-slate-600">
        {tooFew.length > 0 ? `${tooFew.length} more customers, processes or staff members have too little data for a verdict. ` : ""}
        {hasRole(viewerRole, "owner") ? (
          <Link href="/settings/analytics" className="font-medium text-brand-700 underline">
            Change the thresholds
          </Link>
        ) : null}
      </p>
    </Section>
  );
}
