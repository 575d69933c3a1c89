import { cx } from "@/components/ui";
import type { HandlingItem, HandlingState } from "@/lib/cases/actions/handling-items";

const MARKS: Record<HandlingState, { glyph: string; text: string; className: string }> = {
  done: { glyph: "✓", text: "Done", className: "bg-emerald-100 text-emerald-800" },
  warning: { glyph: "!", text: "Needs attention", className: "bg-amber-100 text-amber-900" },
  todo: { glyph: "", text: "Not yet", className: "border border-slate-400 bg-white" },
  not_needed: { glyph: "–", text: "Not needed", className: "bg-slate-100 text-slate-500" },
};

/** Which good practices have happened on this case. Hints, not blockers. */
export function HandlingList({ items }: { items: HandlingItem[] }) {
  const done = items.filter((i) => i.state === "done").length;
  const counted = items.filter((i) => i.state !== "not_needed").length;
  return (
    <div>
      <p className="text-xs text-slate-600">
        {done} of {counted} done
      </p>
      <ul className="space-y-1.5 pt-2" data-testid="handling-list">
        {items.map((item) => {
          const mark = MARKS[item.state];
          return (
            <li key={item.key} className="flex items-start gap-2 text-sm" data-state={item.state}>
              <span aria-hidden className={cx("mt-0.5 flex h-4 w-4 shrink-0 items-center justify-center rounded-full text-[10px] font-bold", mark.className)}>
                {mark.glyph}
              </span>
              <span className="min-w-0">
                <span className={cx("font-medium", item.state === "not_needed" ? "text-slate-500" : "text-slate-900")}>{item.label}</span>
                <span className="sr-only"> ({mark.text})</span>
                <span className="block text-xs text-slate-600">{item.detail}</span>
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
