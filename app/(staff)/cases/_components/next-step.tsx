import { cx } from "@/components/ui";
import type { NextStep as Step, StepTone } from "@/lib/cases/next-step";

const TONES: Record<StepTone, string> = {
  danger: "bg-red-50 text-red-800 ring-red-300 font-semibold",
  warning: "bg-amber-50 text-amber-900 ring-amber-300 font-medium",
  info: "bg-sky-50 text-sky-900 ring-sky-200",
  neutral: "text-slate-700 ring-transparent",
};

/** Broken promises and late responses are loud: red, an icon and words, never colour alone. */
const ICON_PATHS: Partial<Record<StepTone, string>> = {
  danger:
    "M8.5 2.6a1.7 1.7 0 0 1 3 0l6.3 11.6A1.7 1.7 0 0 1 16.3 17H3.7a1.7 1.7 0 0 1-1.5-2.6L8.5 2.6ZM10 7a.9.9 0 0 0-.9.9v3.4a.9.9 0 1 0 1.8 0V7.9A.9.9 0 0 0 10 7Zm0 8a1 1 0 1 0 0-2 1 1 0 0 0 0 2Z",
  warning: "M10 18a8 8 0 1 0 0-16 8 8 0 0 0 0 16Zm.8-12.2a.8.8 0 0 0-1.6 0V10c0 .2.1.4.2.6l2.5 2.5a.8.8 0 1 0 1.2-1.2l-2.3-2.2V5.8Z",
};

function Icon({ tone }: { tone: StepTone }) {
  const path = ICON_PATHS[tone];
  return path ? (
    <svg aria-hidden viewBox="0 0 20 20" fill="currentColor" className="size-4 shrink-0">
      <path fillRule="evenodd" d={path} clipRule="evenodd" />
    </svg>
  ) : null;
}

/** What needs doing next on a case, as the queue row shows it. */
export function NextStepLabel({ step, overduePromises }: { step: Step; overduePromises: number }) {
  return (
    <span className="inline-flex flex-col items-start gap-0.5">
      <span className={cx("inline-flex items-center gap-1 rounded-md px-1.5 py-0.5 text-sm ring-1 ring-inset", TONES[step.tone])}>
        <Icon tone={step.tone} />
        {step.label}
      </span>
      {overduePromises > 1 ? <span className="text-xs font-medium text-red-800">{overduePromises} promises overdue</span> : null}
    </span>
  );
}
