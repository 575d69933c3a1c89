import Link from "next/link";
import { EmptyState, Table, Td, Th } from "@/components/ui";

/** A plain table from column names and cells: the accessible twin of every chart, and the section tables. */
export function DataTable({ caption, columns, rows, numeric = [] }: { caption: string; columns: string[]; rows: React.ReactNode[][]; numeric?: number[] }) {
  return (
    <Table caption={caption}>
      <thead>
        <tr>
          {columns.map((c, i) => (
            <Th key={c} className={numeric.includes(i) ? "text-right" : undefined}>
              {c}
            </Th>
          ))}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((cells, r) => (
          <tr key={r}>
            {cells.map((cell, i) => (
              <Td key={i} className={numeric.includes(i) ? "text-right tabular-nums" : undefined}>
                {cell}
              </Td>
            ))}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

type ChartCardProps = {
  id: string;
  title: string;
  description?: React.ReactNode;
  /** What to say when there is nothing to draw. */
  empty: string | null;
  chart: React.ReactNode;
  /** The same figures as a table, behind "Show as table". */
  table: React.ReactNode;
  exportHref?: string;
};

/** One chart with its title, a short reading guide, an empty state, the table alternative and a CSV link. */
export function ChartCard({ id, title, description, empty, chart, table, exportHref }: ChartCardProps) {
  return (
    <section aria-labelledby={`${id}-title`} className="min-w-0 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <div className="mb-3 flex flex-wrap items-start justify-between gap-2">
        <div>
          <h3 id={`${id}-title`} className="text-base font-semibold text-slate-900">
            {title}
          </h3>
          {description ? <div className="mt-0.5 max-w-3xl text-sm text-slate-600">{description}</div> : null}
        </div>
        {exportHref && !empty ? (
          <Link href={exportHref} prefetch={false} className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
            Download CSV
          </Link>
        ) : null}
      </div>
      {empty ? (
        <EmptyState title={empty}>Try a longer date range or fewer filters.</EmptyState>
      ) : (
        <>
          {chart}
          <details className="mt-3 group">
            <summary className="cursor-pointer text-sm font-medium text-brand-700">Show as table</summary>
            <div className="mt-2">{table}</div>
          </details>
        </>
      )}
    </section>
  );
}

/** A section of the page with its anchor (the section nav links here). */
export function Section({ id, title, intro, children }: { id: string; title: string; intro?: React.ReactNode; children: React.ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-heading`} className="scroll-mt-4 space-y-4">
      <div>
        <h2 id={`${id}-heading`} className="text-xl font-semibold text-slate-900">
          {title}
        </h2>
        {intro ? <p className="mt-1 max-w-3xl text-sm text-slate-600">{intro}</p> : null}
      </div>
      {children}
    </section>
  );
}
