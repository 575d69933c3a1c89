import Link from "next/link";
import { Badge, cx, Th } from "@/components/ui";
import type { QueueItem } from "@/lib/cases/list";
import { SeverityBadge, StatusBadge } from "../../_components/case-badges";
import { formatAge, formatAgo, formatDateTime } from "@/lib/format/dates";
import { NextStepLabel } from "./next-step";

type Props = { cases: QueueItem[]; timeZone: string; now: Date; caption: string };

function Badges({ item }: { item: QueueItem }) {
  return (
    <div className="flex flex-wrap gap-1">
      <StatusBadge status={item.status} />
      {item.severity ? <SeverityBadge severity={item.severity} /> : null}
      {item.escalated ? <Badge tone="danger">Escalated</Badge> : null}
    </div>
  );
}

/**
 * When something happened: in the table as its column says (`age`: "3 d"; otherwise "3 d ago"),
 * on a phone's card with the word the missing heading would have said ("Received 3 d ago").
 */
function When({ at, timeZone, now, label, age = false }: { at: Date; timeZone: string; now: Date; label: string; age?: boolean }) {
  const ago = formatAgo(at, now);
  return (
    <time dateTime={at.toISOString()} title={formatDateTime(at, timeZone)}>
      <span className="md:hidden">
        {label} {ago}
      </span>
      <span className="hidden md:inline">{age ? formatAge(at, now) : ago}</span>
    </time>
  );
}

const HEADINGS = ["Reference", "Next step", "Customer", "Status", "Process", "Assignee", "Age", "Activity"];

/*
 * Each cell's place: a table cell from md up; below it, a slot in the row's card grid (two
 * columns: what identifies the case on the left, when on the right).
 */
const CELL = "block md:table-cell md:px-3 md:py-2 md:align-top";
const PLACE = {
  reference: "col-start-1 row-start-1 md:whitespace-nowrap",
  next: "col-span-2 row-start-2 md:min-w-48",
  customer: "col-span-2 row-start-3 font-medium text-slate-900 md:max-w-48 md:truncate md:font-normal md:text-slate-800",
  status: "col-start-1 row-start-5",
  process: "col-start-1 row-start-4 text-slate-600 md:whitespace-nowrap md:text-slate-800",
  assignee: "col-start-2 row-start-4 justify-self-end text-slate-600 md:whitespace-nowrap md:text-slate-800",
  age: "col-start-2 row-start-1 justify-self-end self-center text-xs text-slate-600 md:text-sm md:whitespace-nowrap md:tabular-nums md:text-slate-800",
  activity: "col-start-2 row-start-5 justify-self-end self-center text-xs text-slate-600 md:text-sm md:whitespace-nowrap md:tabular-nums md:text-slate-700",
} as const;

function Cell({ place, children }: { place: keyof typeof PLACE; children: React.ReactNode }) {
  return (
    <td role="cell" className={cx(CELL, PLACE[place])}>
      {children}
    </td>
  );
}

/**
 * The queue, rendered once: a table on wide screens; on phones the same rows become one card per
 * case, with what needs doing next right under the reference so it is the first thing read. One
 * markup keeps the page small (each case was rendered twice before, once per layout, one hidden).
 * The table roles are explicit because browsers drop a table's semantics once CSS stops
 * displaying it as a table.
 */
export function CaseTable({ cases, timeZone, now, caption }: Props) {
  return (
    <div className="md:overflow-x-auto md:rounded-lg md:border md:border-slate-200 md:bg-white">
      <table role="table" className="block w-full text-sm md:table md:min-w-full md:divide-y md:divide-slate-200">
        <caption className="sr-only">{caption}</caption>
        {/* Hidden on a phone, where each card says what its cells are. */}
        <thead className="hidden md:table-header-group">
          <tr>
            {HEADINGS.map((h) => (
              <Th key={h}>{h}</Th>
            ))}
          </tr>
        </thead>
        <tbody role="rowgroup" className="block space-y-3 md:table-row-group md:space-y-0 md:divide-y md:divide-slate-200">
          {cases.map((c) => (
            <tr
              key={c.id}
              role="row"
              className="grid grid-cols-[1fr_auto] gap-x-2 gap-y-2 rounded-lg border border-slate-200 bg-white p-4 md:table-row md:rounded-none md:border-0 md:p-0 md:hover:bg-slate-50"
            >
              <Cell place="reference">
                <Link href={`/cases/${c.reference}`} className="font-mono font-medium text-brand-700 underline-offset-2 hover:underline">
                  {c.reference}
                </Link>
              </Cell>
              <Cell place="next">
                <NextStepLabel step={c.next} overduePromises={c.overduePromises} />
              </Cell>
              <Cell place="customer">{c.customerName}</Cell>
              <Cell place="status">
                <Badges item={c} />
              </Cell>
              <Cell place="process">{c.processName ?? <span className="text-slate-600">Process not set</span>}</Cell>
              <Cell place="assignee">{c.assigneeName ?? <span className="text-slate-600">Unassigned</span>}</Cell>
              <Cell place="age">
                <When at={c.receivedAt} timeZone={timeZone} now={now} label="Received" age />
              </Cell>
              <Cell place="activity">
                <When at={c.lastActivityAt} timeZone={timeZone} now={now} label="Active" />
              </Cell>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
