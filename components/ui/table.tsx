import { cx } from "./cx";

/** A responsive table: scrolls sideways on narrow screens instead of squashing columns. */
export function Table({ caption, children, className }: { caption: string; children: React.ReactNode; className?: string }) {
  return (
    <div className={cx("overflow-x-auto rounded-lg border border-slate-200 bg-white", className)}>
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">{caption}</caption>
        {children}
      </table>
    </div>
  );
}

export function Th({ children, className }: { children?: React.ReactNode; className?: string }) {
  return (
    <th scope="col" className={cx("whitespace-nowrap bg-slate-50 px-3 py-2 text-left font-semibold text-slate-700", className)}>
      {children}
    </th>
  );
}

export function Td({ children, className }: { children?: React.ReactNode; className?: string }) {
  return <td className={cx("px-3 py-2 align-top text-slate-800", className)}>{children}</td>;
}
