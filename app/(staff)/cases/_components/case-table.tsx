import Link from "next/link";
import { Badge, Table, Td, Th } from "@/components/ui";
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

function Ago({ at, timeZone, now, age }: { at: Date; timeZone: string; now: Date; age?: boolean }) {
  return (
    <time dateTime={at.toISOString()} title={formatDateTime(at, timeZone)}>
      {age ? formatAge(at, now) : formatAgo(at, now)}
    </time>
  );
}

function CaseLink({ item }: { item: QueueItem }) {
  return (
    <Link href={`/cases/${item.reference}`} className="font-mono font-medium text-brand-700 underline-offset-2 hover:underline">
      {item.reference}
    </Link>
  );
}

/**
 * The queue: a table on wide screens; on phones one card per case, with what needs doing next
 * right under the reference so it is the first thing read.
 */
export function CaseTable({ cases, timeZone, now, caption }: Props) {
  return (
    <>
      <ul className="space-y-3 md:hidden" aria-label={caption}>
        {cases.map((c) => (
          <li key={c.id} className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <CaseLink item={c} />
              <span className="text-xs text-slate-600">
                Received <Ago at={c.receivedAt} timeZone={timeZone} now={now} />
              </span>
            </div>
            <div className="mt-2">
              <NextStepLabel step={c.next} overduePromises={c.overduePromises} />
            </div>
            <p className="mt-2 font-medium text-slate-900">{c.customerName}</p>
            <p className="text-slate-600">
              {c.processName ?? "Process not set"} · {c.assigneeName ?? "Unassigned"}
            </p>
            <div className="mt-2 flex flex-wrap items-center justify-between gap-2">
              <Badges item={c} />
              <span className="text-xs text-slate-600">
                Active <Ago at={c.lastActivityAt} timeZone={timeZone} now={now} />
              </span>
            </div>
          </li>
        ))}
      </ul>
      <Table caption={caption} className="hidden md:block">
        <thead>
          <tr>
            <Th>Reference</Th>
            <Th>Next step</Th>
            <Th>Customer</Th>
            <Th>Status</Th>
            <Th>Process</Th>
            <Th>Assignee</Th>
            <Th>Age</Th>
            <Th>Activity</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {cases.map((c) => (
            <tr key={c.id} className="hover:bg-slate-50">
              <Td className="whitespace-nowrap">
                <CaseLink item={c} />
              </Td>
              <Td className="min-w-48">
                <NextStepLabel step={c.next} overduePromises={c.overduePromises} />
              </Td>
              <Td className="max-w-48 truncate">{c.customerName}</Td>
              <Td>
                <Badges item={c} />
              </Td>
              <Td className="whitespace-nowrap">{c.processName ?? <span className="text-slate-600">Not set</span>}</Td>
              <Td className="whitespace-nowrap">{c.assigneeName ?? <span className="text-slate-600">Unassigned</span>}</Td>
              <Td className="whitespace-nowrap tabular-nums">
                <Ago at={c.receivedAt} timeZone={timeZone} now={now} age />
              </Td>
              <Td className="whitespace-nowrap tabular-nums text-slate-700">
                <Ago at={c.lastActivityAt} timeZone={timeZone} now={now} />
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </>
  );
}
