import { cx } from "@/components/ui";
import { answeringPlainPost } from "@/lib/forms/plain-post";

/**
 * One collapsible decision in the narrow right column. The summary line says where things stand
 * (e.g. "High severity") so the column reads well with every section closed. Open on a page that
 * answers a form posted without JavaScript, so the refusal beside the form is in sight.
 */
export async function Section({
  title,
  status,
  open,
  testId,
  children,
}: {
  title: string;
  status?: React.ReactNode;
  open?: boolean;
  testId?: string;
  children: React.ReactNode;
}) {
  const shown = open || (await answeringPlainPost());
  return (
    <details open={shown} data-testid={testId} className="group border-t border-slate-200 first:border-t-0">
      <summary
        className={cx(
          "flex cursor-pointer list-none items-center justify-between gap-2 px-4 py-2.5 text-sm",
          "hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-[-2px] focus-visible:outline-brand-600",
        )}
      >
        <span className="font-semibold text-slate-900">{title}</span>
        <span className="flex min-w-0 items-center gap-2 text-right text-xs text-slate-600">
          <span className="truncate">{status}</span>
          <span aria-hidden className="transition-transform group-open:rotate-90">
            ›
          </span>
        </span>
      </summary>
      <div className="space-y-3 px-4 pb-4 pt-1">{children}</div>
    </details>
  );
}
