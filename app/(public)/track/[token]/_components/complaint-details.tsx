import type { TrackingView } from "@/lib/complaints/tracking";
import { formatLongCalendarDate } from "@/lib/format/dates";
import { formatBytesInWords } from "@/lib/format/numbers";

/** The complaint exactly as the customer sent it: their words are never edited. */
export function ComplaintDetails({ view, token }: { view: TrackingView; token: string }) {
  const facts = [
    ["About", view.processName ?? "Not sure"],
    ["Order or booking reference", view.orderReference],
    ["When it happened", view.occurredOn ? formatLongCalendarDate(view.occurredOn) : null],
  ].filter((fact): fact is [string, string] => Boolean(fact[1]));

  return (
    <section aria-labelledby="complaint-title" className="space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id="complaint-title" className="text-lg font-semibold text-slate-900">
        Your complaint, as you sent it
      </h2>
      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
        {facts.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="font-medium text-slate-700">{label}</dt>
            <dd className="text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>
      <div>
        <h3 className="text-sm font-medium text-slate-700">What went wrong</h3>
        <p className="mt-1 whitespace-pre-wrap break-words text-slate-900">{view.description}</p>
      </div>
      {view.desiredOutcome ? (
        <div>
          <h3 className="text-sm font-medium text-slate-700">What would put it right</h3>
          <p className="mt-1 whitespace-pre-wrap break-words text-slate-900">{view.desiredOutcome}</p>
        </div>
      ) : null}
      {view.attachments.length > 0 ? (
        <div>
          <h3 className="text-sm font-medium text-slate-700">Your files</h3>
          <ul className="mt-1 space-y-1">
            {view.attachments.map((file) => (
              <li key={file.id}>
                <a
                  href={`/track/${token}/attachments/${file.id}`}
                  className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-800"
                >
                  {file.fileName}
                </a>{" "}
                <span className="text-sm text-slate-600">({formatBytesInWords(file.sizeBytes)})</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
