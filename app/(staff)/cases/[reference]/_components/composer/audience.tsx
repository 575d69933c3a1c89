import { cx } from "@/components/ui";

/**
 * Who will read what is being written. Customer-visible and internal look different on three
 * counts (colour, border style, wording), matching the timeline, so they cannot be confused.
 */
export function Audience({ visible, children }: { visible: boolean; children?: React.ReactNode }) {
  return (
    <div
      className={cx(
        "flex flex-wrap items-center gap-x-3 gap-y-1 rounded-md border-l-4 px-3 py-2 text-sm",
        visible ? "border-sky-600 bg-sky-50 text-sky-950" : "border-dashed border-amber-500 bg-amber-50 text-amber-950",
      )}
    >
      <span className="inline-flex items-center gap-1.5 font-semibold">
        {visible ? <EyeIcon /> : <LockIcon />}
        {visible ? "The customer will see this" : "Only staff see this"}
      </span>
      {children ? <span className="text-slate-700">{children}</span> : null}
    </div>
  );
}

function EyeIcon() {
  return (
    <svg aria-hidden viewBox="0 0 20 20" className="h-4 w-4" fill="currentColor">
      <path d="M10 4C5.5 4 2.2 7.1 1 10c1.2 2.9 4.5 6 9 6s7.8-3.1 9-6c-1.2-2.9-4.5-6-9-6zm0 10a4 4 0 110-8 4 4 0 010 8zm0-2a2 2 0 100-4 2 2 0 000 4z" />
    </svg>
  );
}

function LockIcon() {
  return (
    <svg aria-hidden viewBox="0 0 20 20" className="h-4 w-4" fill="currentColor">
      <path d="M6 8V6a4 4 0 118 0v2h1a1 1 0 011 1v8a1 1 0 01-1 1H5a1 1 0 01-1-1V9a1 1 0 011-1h1zm2 0h4V6a2 2 0 10-4 0v2z" />
    </svg>
  );
}

/** Submit buttons: blue for what goes to the customer, amber-outlined for what stays internal. */
export const sendClasses = {
  customer: "bg-sky-700 text-white hover:bg-sky-800",
  internal: "border border-amber-600 bg-amber-100 text-amber-950 hover:bg-amber-200",
};
