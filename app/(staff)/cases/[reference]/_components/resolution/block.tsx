import { answeringPlainPost } from "@/lib/forms/plain-post";

/** One part of the resolution card: a heading, where it stands, and its content. */
export function Block({ title, status, testId, children }: { title: string; status?: React.ReactNode; testId?: string; children: React.ReactNode }) {
  const id = `resolution-${title.toLowerCase().replace(/[^a-z]+/g, "-")}`;
  return (
    <section aria-labelledby={id} data-testid={testId} className="space-y-2 px-4 py-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id={id} className="text-sm font-semibold text-slate-900">
          {title}
        </h3>
        {status ? <div className="flex flex-wrap items-center gap-2 text-xs text-slate-600">{status}</div> : null}
      </div>
      {children}
    </section>
  );
}

/**
 * A form tucked away until needed: the card stays short, one click opens it. Open on a page that
 * answers a form posted without JavaScript, so the refusal beside the form is in sight.
 */
export async function Disclosure({ label, open, children }: { label: string; open?: boolean; children: React.ReactNode }) {
  const shown = open || (await answeringPlainPost());
  return (
    <details open={shown} className="group rounded-md border border-slate-200">
      <summary className="flex cursor-pointer list-none items-center gap-2 px-3 py-2 text-sm font-medium text-brand-700 hover:bg-brand-50 focus-visible:outline-2 focus-visible:outline-brand-600">
        <span aria-hidden className="transition-transform group-open:rotate-90">
          ›
        </span>
        {label}
      </summary>
      <div className="border-t border-slate-200 p-3">{children}</div>
    </details>
  );
}
