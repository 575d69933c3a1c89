import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge, Card } from "@/components/ui";
import { getDb } from "@/db/client";
import { requireStaff } from "@/lib/auth/session";
import { loadFilterOptions } from "@/lib/cases/queue/options";
import { formatCalendarDate, formatDate, formatDateTime } from "@/lib/format/dates";
import { count, num, ratio } from "@/lib/format/numbers";
import { MIN_COMPLAINTS, MIN_DAYS_AFTER } from "@/lib/improvements/fix-effect";
import { loadCorrectiveAction, type ActionDetail } from "@/lib/improvements/queries";
import { STATUS_LABELS } from "@/lib/labels";
import { getBusinessTimeZone } from "@/lib/settings/business";
import { localDate } from "@/lib/time/zone";
import { ActionForm } from "../_components/action-form";
import { FixChart } from "../_components/fix-chart";
import { chanceInWords, GROUP_BADGE, targetLabel, VERDICT_BADGE } from "../_components/labels";
import { DoneForm, LinkForm, ReasonForm, UnlinkForm } from "../_components/status-forms";

type Params = Promise<{ id: string }>;

export const metadata: Metadata = { title: "Corrective action" };

export default async function ImprovementPage({ params }: { params: Params }) {
  await requireStaff("supervisor");
  const { id } = await params;
  const db = await getDb();
  const timeZone = await getBusinessTimeZone(db);
  const today = localDate(new Date(), timeZone);
  const action = await loadCorrectiveAction(db, id, today);
  if (!action) notFound();
  const open = action.status === "open";
  const options = open ? await loadFilterOptions(db, { statuses: [], rootCause: action.rootCauseId ?? undefined, process: action.processId ?? undefined }) : null;
  const badge = GROUP_BADGE[action.group];

  return (
    <div className="space-y-5">
      <div>
        <Link href="/improvements" className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
          ← Corrective actions
        </Link>
        <div className="mt-2 flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold text-slate-900">{action.title}</h1>
          <Badge tone={badge.tone}>{badge.label}</Badge>
        </div>
        <p className="mt-1 text-sm text-slate-600">Fixes: {targetLabel(action)}</p>
      </div>

      <div className="grid grid-cols-1 gap-5 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="min-w-0 space-y-5">
          {action.status === "done" && action.effect ? <EffectCard action={action} effect={action.effect} timeZone={timeZone} /> : null}

          <Card title="What will change">
            <dl className="grid gap-3 text-sm sm:grid-cols-2">
              <Fact label="What will change">{action.title}</Fact>
              <Fact label="Owner">{action.ownerName ?? "—"}</Fact>
              <Fact label="Due on">{action.dueOn ? formatCalendarDate(action.dueOn) : "—"}</Fact>
              <Fact label="Root cause">{action.rootCauseName ?? "—"}</Fact>
              <Fact label="Process">{action.processName ?? "—"}</Fact>
              <Fact label="Opened">{formatDate(action.createdAt, timeZone)}</Fact>
              {action.description ? (
                <div className="sm:col-span-2">
                  <dt className="text-xs font-medium uppercase tracking-wide text-slate-600">Details</dt>
                  <dd className="mt-0.5 whitespace-pre-wrap text-slate-900">{action.description}</dd>
                </div>
              ) : null}
              {action.status === "done" ? (
                <div className="sm:col-span-2">
                  <dt className="text-xs font-medium uppercase tracking-wide text-slate-600">What was changed, {action.doneAt ? formatDate(action.doneAt, timeZone) : ""}</dt>
                  <dd className="mt-0.5 whitespace-pre-wrap text-slate-900">{action.doneNote}</dd>
                </div>
              ) : null}
              {action.status === "cancelled" ? (
                <div className="sm:col-span-2">
                  <dt className="text-xs font-medium uppercase tracking-wide text-slate-600">Cancelled{action.cancelledAt ? ` on ${formatDate(action.cancelledAt, timeZone)}` : ""}</dt>
                  <dd className="mt-0.5 whitespace-pre-wrap text-slate-900">{action.cancelReason}</dd>
                </div>
              ) : null}
            </dl>
            {open && options ? (
              <details className="mt-4 border-t border-slate-200 pt-3">
                <summary className="cursor-pointer text-sm font-medium text-brand-700">Edit what, who, when or the target</summary>
                <div className="mt-3">
                  <ActionForm
                    id={action.id}
                    options={options}
                    defaults={{
                      title: action.title,
                      description: action.description ?? "",
                      ownerId: action.ownerId ?? "",
                      dueOn: action.dueOn ?? "",
                      rootCauseId: action.rootCauseId ?? "",
                      processId: action.processId ?? "",
                    }}
                  />
                </div>
              </details>
            ) : null}
          </Card>

          <Card title={`Linked complaints (${num(action.linkedComplaints)})`}>
            <div className="space-y-5">
              {action.complaints.length === 0 ? (
                <p className="text-sm text-slate-600">No complaint is linked yet.</p>
              ) : (
                <UnlinkForm
                  id={action.id}
                  complaints={action.complaints.map((c) => ({ id: c.id, reference: c.reference, received: formatDate(c.receivedAt, timeZone), status: STATUS_LABELS[c.status as keyof typeof STATUS_LABELS] ?? c.status }))}
                />
              )}
              {action.linkedComplaints > action.complaints.length ? <p className="text-sm text-slate-600">The newest {num(action.complaints.length)} are shown.</p> : null}
              <LinkForm id={action.id} />
            </div>
          </Card>
        </div>

        <aside className="space-y-5" aria-label="Progress">
          {open ? (
            <>
              <Card title="Mark done">
                <DoneForm id={action.id} today={today} />
              </Card>
              <Card title="Cancel">
                <ReasonForm id={action.id} kind="cancel" />
              </Card>
            </>
          ) : (
            <Card title="Reopen">
              <p className="mb-3 text-sm text-slate-600">{action.status === "done" ? "If the change was undone, reopen the action." : "If the action is wanted after all, reopen it."}</p>
              <ReasonForm id={action.id} kind="reopen" />
            </Card>
          )}
          <Card title="Audit trail">
            <ol className="space-y-3 text-sm">
              {action.trail.map((t) => (
                <li key={t.id}>
                  <p className="font-medium text-slate-900">{describeEvent(t)}</p>
                  <p className="text-slate-600">
                    {t.staffName ?? "Someone"} · {formatDateTime(t.at, timeZone)}
                  </p>
                </li>
              ))}
            </ol>
          </Card>
        </aside>
      </div>
    </div>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-600">{label}</dt>
      <dd className="mt-0.5 text-slate-900">{children}</dd>
    </div>
  );
}

type Effect = NonNullable<ActionDetail["effect"]>;

function EffectCard({ action, effect, timeZone }: { action: ActionDetail; effect: Effect; timeZone: string }) {
  const verdict = VERDICT_BADGE[effect.verdict];
  const doneDay = action.doneAt!.toISOString().slice(0, 10);
  const weeks = effect.weekly.map((w) => ({ label: formatCalendarDate(w.weekStart), complaints: w.complaints, after: w.weekStart >= doneDay }));
  return (
    <section aria-labelledby="effect-title" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="effect-title" className="text-base font-semibold text-slate-900">
          Did it work?
        </h2>
        <Badge tone={verdict.tone}>{verdict.label}</Badge>
      </div>
      <p className="mt-2 font-medium text-slate-900" data-testid="fix-verdict">
        {effect.headline}
      </p>
      {effect.verdict === "too_early" ? (
        <p className="mt-2 text-sm text-slate-600">
          The comparison needs {count(MIN_DAYS_AFTER, "day")} after the change and {count(MIN_COMPLAINTS, "complaint")} across the windows either side of it.
        </p>
      ) : (
        <dl className="mt-3 grid gap-3 text-sm sm:grid-cols-3">
          <Fact label={`Before (${count(effect.windowDays, "day")})`}>{count(effect.before, "complaint")}</Fact>
          <Fact label={`After (${count(effect.windowDays, "day")})`}>{count(effect.after, "complaint")}</Fact>
          {effect.volumes ? (
            <>
              <Fact label="Before, per 1,000 units of work">{perThousand(effect.before, effect.volumes.before)}</Fact>
              <Fact label="After, per 1,000 units of work">{perThousand(effect.after, effect.volumes.after)}</Fact>
            </>
          ) : null}
          <Fact label={effect.volumes ? "Rate per unit of work after ÷ before" : "Rate after ÷ before"}>
            {effect.rateRatio ? `${ratio(effect.rateRatio.estimate)} (95% range ${ratio(effect.rateRatio.low)}–${ratio(effect.rateRatio.high)})` : "—"}
          </Fact>
          {effect.pValue !== null ? (
            <div className="sm:col-span-3">
              <dt className="sr-only">How sure</dt>
              <dd className="text-slate-700">{chanceInWords(effect.pValue)}</dd>
            </div>
          ) : null}
        </dl>
      )}
      <p className="mt-2 text-sm text-slate-600" data-testid="fix-volumes">
        {effect.volumes
          ? `Work done: ${num(Math.round(effect.volumes.before))} units before, ${num(Math.round(effect.volumes.after))} units after (monthly volumes prorated by days).`
          : effect.volumesMissing}
      </p>
      <p className="mt-2 text-sm text-slate-600">
        {effect.verdict === "too_early" ? "" : `Complaints about ${targetLabel(action)} in the same number of days either side of ${formatDate(action.doneAt!, timeZone)}, when the change took effect. `}
        Since the change {count(action.recurrences, "new complaint")} about it {action.recurrences === 1 ? "has" : "have"} arrived.
      </p>
      {weeks.some((w) => w.complaints > 0) ? (
      <div className="mt-3">
        <FixChart
          weeks={weeks}
          changeLabel={`Change, ${formatDate(action.doneAt!, timeZone)}`}
          summary={`Bar chart of complaints per week about ${targetLabel(action)}, ${weeks.filter((w) => !w.after).length} weeks before the change and ${weeks.filter((w) => w.after).length} after.`}
        />
        <details className="mt-2">
          <summary className="cursor-pointer text-sm font-medium text-brand-700">Show as table</summary>
          <table className="mt-2 text-sm">
            <caption className="sr-only">Complaints per week</caption>
            <thead>
              <tr>
                <th scope="col" className="px-2 py-1 text-left">Week starting</th>
                <th scope="col" className="px-2 py-1 text-right">Complaints</th>
                <th scope="col" className="px-2 py-1 text-left">Side</th>
              </tr>
            </thead>
            <tbody>
              {weeks.map((w) => (
                <tr key={w.label}>
                  <td className="px-2 py-1">{w.label}</td>
                  <td className="px-2 py-1 text-right tabular-nums">{w.complaints}</td>
                  <td className="px-2 py-1">{w.after ? "After" : "Before"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </div>
      ) : null}
    </section>
  );
}

const EVENT_WORDS: Record<string, string> = {
  opened: "Opened",
  edited: "Edited",
  complaints_linked: "Complaints linked",
  complaints_unlinked: "Complaints unlinked",
  done: "Marked done",
  cancelled: "Cancelled",
  reopened: "Reopened",
};

function describeEvent(t: ActionDetail["trail"][number]): string {
  const d = t.detail;
  const base = EVENT_WORDS[t.type] ?? t.type;
  if (t.type === "opened" && typeof d.linked === "number") return `${base} with ${count(d.linked, "complaint")}`;
  if ((t.type === "complaints_linked" || t.type === "complaints_unlinked") && typeof d.count === "number") return `${base}: ${num(d.count)}`;
  if (t.type === "edited" && d.changed && typeof d.changed === "object") return `${base}: ${Object.keys(d.changed).map((k) => FIELD_WORDS[k] ?? k).join(", ")}`;
  if ((t.type === "cancelled" || t.type === "reopened") && typeof d.reason === "string") return `${base}: “${d.reason}”`;
  return base;
}

const FIELD_WORDS: Record<string, string> = { title: "what will change", description: "details", ownerId: "owner", dueOn: "due date", rootCauseId: "root cause", processId: "process" };

/** Complaints per 1,000 units of work, to one decimal place. */
function perThousand(complaints: number, units: number): string {
  return `${(units > 0 ? (complaints * 1000) / units : 0).toFixed(1)} complaints`;
}
