import { Badge, type BadgeTone } from "@/components/ui";
import type { Promise_ } from "@/db/schema";
import { describeDue, PROMISE_STATE_LABELS, promiseState, type PromiseState } from "@/lib/cases/promises";
import { Block, Disclosure } from "./block";
import { formatDateTime } from "@/lib/format/dates";
import { formatDue } from "@/lib/format/dates";
import { KeepPromiseForm, PromiseForm } from "./promise-forms";

const TONES: Record<PromiseState, BadgeTone> = { kept: "success", broken: "danger", due_today: "warning", due_soon: "info", open: "neutral" };

/**
 * Broken promises at the very top of the card, loud: red, a warning icon and the words, never the
 * colour alone, with how overdue each one is and the way to record it kept (late).
 */
export function BrokenPromises({ complaintId, broken, now, timeZone }: { complaintId: string; broken: Promise_[]; now: Date; timeZone: string }) {
  if (broken.length === 0) return null;
  return (
    <section aria-labelledby="broken-promises" data-testid="broken-promises" className="border-b border-red-200 border-l-4 border-l-red-700 bg-red-50 px-4 py-3 text-red-950">
      <h3 id="broken-promises" className="flex items-center gap-2 text-sm font-bold">
        <svg aria-hidden viewBox="0 0 20 20" className="h-5 w-5 shrink-0 fill-red-700">
          <path d="M10 1.5 19 18H1L10 1.5Zm-1 6v5h2v-5H9Zm0 6.5v2h2v-2H9Z" />
        </svg>
        {broken.length === 1 ? "Broken promise" : `${broken.length} broken promises`}
      </h3>
      <ul className="mt-2 space-y-3">
        {broken.map((p) => (
          <li key={p.id} className="space-y-1.5">
            <p className="text-sm">
              <strong className="font-semibold">{capitalise(describeDue(p, now, timeZone))}:</strong> {p.text}{" "}
              <span className="text-red-900">(promised for {formatDue(p.dueAt, timeZone)})</span>
            </p>
            <KeepPromiseForm complaintId={complaintId} promiseId={p.id} text={p.text} late />
          </li>
        ))}
      </ul>
    </section>
  );
}

export function PromisesBlock(props: { complaintId: string; version: number; promises: Promise_[]; canAdd: boolean; now: Date; timeZone: string; today: string }) {
  const { complaintId, version, promises, canAdd, now, timeZone, today } = props;
  const open = promises.filter((p) => !p.keptAt);
  return (
    <Block title="Promises" testId="promises" status={promises.length ? `${open.length} open · ${promises.length - open.length} kept` : "None made"}>
      {promises.length > 0 ? (
        <ul className="divide-y divide-slate-100 text-sm">
          {promises.map((p) => {
            const state = promiseState(p, now, timeZone);
            return (
              <li key={p.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <div className="min-w-0">
                  <p className="break-words text-slate-900">{p.text}</p>
                  <p className="text-xs text-slate-600">
                    By {formatDue(p.dueAt, timeZone)} · {p.keptAt ? `kept ${formatDateTime(p.keptAt, timeZone)}${p.keptAt > p.dueAt ? " (late)" : ""}` : describeDue(p, now, timeZone)}
                  </p>
                </div>
                <div className="flex flex-wrap items-center gap-2">
                  <Badge tone={TONES[state]}>{PROMISE_STATE_LABELS[state]}</Badge>
                  {!p.keptAt && state !== "broken" ? <KeepPromiseForm complaintId={complaintId} promiseId={p.id} text={p.text} late={false} /> : null}
                </div>
              </li>
            );
          })}
        </ul>
      ) : null}
      {canAdd ? (
        <Disclosure label="Make a promise">
          <PromiseForm complaintId={complaintId} version={version} today={today} timeZone={timeZone} />
          <p className="mt-3 text-xs text-slate-600">
            Promises cannot be deleted: the customer was told. If one was made by mistake, send the customer a correction and keep this one as it is.
          </p>
        </Disclosure>
      ) : null}
    </Block>
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
