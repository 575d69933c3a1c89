import { Badge, Table, Td, Th, cx } from "@/components/ui";
import { PREVIEW_COLUMNS, type PlanSummary, type PreviewColumnKey } from "@/lib/import/preview";

/** Long text wraps in a column of sensible width; short values stay on one line. */
const WIDTHS: Partial<Record<PreviewColumnKey, string>> = {
  description: "min-w-80",
  process: "min-w-48",
  rootCause: "min-w-48",
  resolution: "min-w-40",
  customerName: "min-w-40",
};

/** The first rows as they will be stored; cells with a problem are marked and explained below the row. */
export function PreviewTable({ summary }: { summary: PlanSummary }) {
  return (
    <Table caption={`The first ${summary.preview.length} rows as they will be imported`}>
      <thead className="bg-slate-50">
        <tr>
          <Th>Line</Th>
          {PREVIEW_COLUMNS.map((c) => (
            <Th key={c.key}>{c.label}</Th>
          ))}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-200">
        {summary.preview.map((row) => {
          const bad = new Set(row.problems.map((p) => p.key));
          return (
            <tr key={row.line} className={row.problems.length ? "bg-red-50" : undefined}>
              <Td className="whitespace-nowrap font-mono text-xs">{row.line}</Td>
              {PREVIEW_COLUMNS.map((c) => (
                <Td key={c.key} className={cx("align-top", WIDTHS[c.key] ?? "whitespace-nowrap", bad.has(c.key) && "font-semibold text-red-800")}>
                  {row.values[c.key] ?? ""}
                  {row.derived.includes(c.key) ? (
                    <span className="ml-1 align-middle">
                      <Badge tone="neutral">from issue</Badge>
                    </span>
                  ) : null}
                  {bad.has(c.key) ? (
                    <span className="block text-xs font-medium text-red-800">
                      {row.problems.filter((p) => p.key === c.key).map((p) => p.message).join("; ")}
                    </span>
                  ) : null}
                </Td>
              ))}
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
