"use client";

import { useSearchParams } from "next/navigation";
import { useRef } from "react";
import { cx } from "@/components/ui";
import { composeHref, composeTabOf, type ComposeTab } from "./compose-href";

export type TabSpec = {
  id: ComposeTab;
  label: string;
  visible: boolean;
  badge?: string;
  /** Listed only while it is the open tab (e.g. the call summary just sent stays to show its toast). */
  onlyWhenOpen?: boolean;
};

/**
 * The composer's tabs. Each tab is a link (`?compose=note`), so they work without JavaScript and
 * the open tab survives a reload; with JavaScript they switch in place and follow the tabs
 * keyboard pattern (arrow keys, Home, End). All panels stay mounted, so a half-written reply
 * survives a look at another tab.
 */
export function ComposerTabs({ tabs: allTabs, panels }: { tabs: TabSpec[]; panels: Partial<Record<ComposeTab, React.ReactNode>> }) {
  const params = useSearchParams();
  const requested = composeTabOf(params.get("compose"));
  const tabs = allTabs.filter((t) => !t.onlyWhenOpen || t.id === requested);
  const active = tabs.some((t) => t.id === requested) ? requested : "reply";
  const refs = useRef<Array<HTMLAnchorElement | null>>([]);

  function select(event: React.MouseEvent<HTMLAnchorElement>, tab: ComposeTab) {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    // Next keeps useSearchParams in step with history.replaceState: no server round trip.
    window.history.replaceState(null, "", composeHref(params, tab).replace(/#composer$/, ""));
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLAnchorElement>, index: number) {
    const last = tabs.length - 1;
    const to = { ArrowRight: index === last ? 0 : index + 1, ArrowLeft: index === 0 ? last : index - 1, Home: 0, End: last }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    refs.current[to]?.focus();
    refs.current[to]?.click();
  }

  return (
    <div>
      <div role="tablist" aria-label="Write on this case" className="flex gap-1 overflow-x-auto border-b border-slate-200 px-2 pt-2">
        {tabs.map((tab, i) => {
          const selected = tab.id === active;
          return (
            <a
              key={tab.id}
              ref={(el) => {
                refs.current[i] = el;
              }}
              id={`compose-tab-${tab.id}`}
              role="tab"
              href={composeHref(params, tab.id)}
              aria-selected={selected}
              aria-controls={`compose-panel-${tab.id}`}
              tabIndex={selected ? 0 : -1}
              onClick={(e) => select(e, tab.id)}
              onKeyDown={(e) => onKeyDown(e, i)}
              className={cx(
                "-mb-px flex shrink-0 flex-col rounded-t-md border border-b-0 px-3 py-2 text-sm",
                selected ? "border-slate-200 bg-white font-semibold text-slate-900" : "border-transparent text-slate-700 hover:bg-slate-100",
              )}
            >
              <span className="whitespace-nowrap">
                {tab.label}
                {tab.badge ? (
                  <span className="ml-1.5 rounded-full bg-red-700 px-1.5 text-xs font-semibold text-white">
                    {tab.badge}
                    <span className="sr-only"> waiting</span>
                  </span>
                ) : null}
              </span>{" "}
              <span
                className={cx(
                  "mt-0.5 inline-flex items-center gap-1 whitespace-nowrap text-xs font-medium",
                  tab.visible ? "text-sky-800" : "text-amber-800",
                )}
              >
                <span aria-hidden className={cx("h-2 w-2 rounded-full", tab.visible ? "bg-sky-600" : "border border-amber-600 bg-amber-200")} />
                {tab.visible ? "Customer sees" : "Staff only"}
              </span>
            </a>
          );
        })}
      </div>
      {tabs.map((tab) => (
        <div
          key={tab.id}
          id={`compose-panel-${tab.id}`}
          role="tabpanel"
          aria-labelledby={`compose-tab-${tab.id}`}
          hidden={tab.id !== active}
          className={cx("p-4", tab.visible ? "border-t-4 border-sky-600" : "border-t-4 border-dashed border-amber-500 bg-amber-50/30")}
        >
          {panels[tab.id]}
        </div>
      ))}
    </div>
  );
}
