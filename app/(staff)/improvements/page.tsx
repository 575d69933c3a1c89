import type { Metadata } from "next";
import Link from "next/link";
import { Badge, EmptyState, LinkButton, Table, Td, Th } from "@/components/ui";
import { getDb } from "@/db/client";
import { requireStaff } from "@/lib/auth/session";
import { formatCalendarDate, formatDate } from "@/lib/format/dates";
import { count } from "@/lib/format/numbers";
import { listCorrectiveActions, type ActionGroup, type ActionSummary } from "@/lib/improvements/queries";
import { getBusinessTimeZone } from "@/lib/settings/business";
import { localDate } from "@/lib/time/zone";
import { GROUP_BADGE, targetLabel } from "./_components/labels";

export const metadata: Metadata = { title: "Corrective actions" };

const GROUPS: { group: ActionGroup; title: string; empty: string }[] = [
  { group: "overdue", title: "Overdue", empty: "Nothing is overdue." },
  { group: "open", title: "Open", empty: "No open action is waiting." },
  { group: "done", title: "Done", empty: "No action is done yet." },
  { group: "cancelled", title: "Cancelled", empty: "" },
];

/** Every corrective action: overdue and open first, then done (with recurrences) and cancelled. */
export default async function ImprovementsPage() {
  await requireStaff("supervisor");
  const db = await getDb();
  const timeZone = await getBusinessTimeZone(db);
  const actions = await listCorrectiveActions(db, localDate(new Date(), timeZone));

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold text-slate-900">Corrective actions</h1>
          <p className="max-w-3xl text-sm text-slate-600">
            Changes to fix a root cause or a process, each with an owner and a due date. Once one is done, its page compares the complaint rate before and after the change.
            Open one from the analytics page (a root cause, a process, a verdict) or from a filtered case list, so its complaints come with it.
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          {actions.length > 0 ? (
            <Link href="/improvements/export" prefetch={false} className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
              Download CSV
            </Link>
          ) : null}
          <LinkButton href="/improvements/new">Open a corrective action</LinkButton>
        </div>
      </div>

      {actions.length === 0 ? (
        <EmptyState title="No corrective actions yet">
          Find what to fix on the <Link href="/analytics#causes" className="font-medium text-brand-700 underline">analytics page</Link>, then open an action from there.
        </EmptyState>
      ) : (
        GROUPS.map(({ group, title, empty }) => {
          const rows = actions.filter((a) => a.group === group);
          if (rows.length === 0 && !empty) return null;
          return (
            <section key={group} aria-labelledby={`group-${group}`} className="space-y-2">
              <h2 id={`group-${group}`} className="flex items-center gap-2 text-lg font-semibold text-slate-900">
                {title} <Badge tone={rows.length > 0 ? GROUP_BADGE[group].tone : "neutral"}>{rows.length}</Badge>
              </h2>
              {rows.length === 0 ? <p className="text-sm text-slate-600">{empty}</p> : <ActionTable rows={rows} group={group} timeZone={timeZone} />}
            </section>
          );
        })
      )}
    </div>
  );
}

function ActionTable({ rows, group, timeZone }: { rows: ActionSummary[]; group: ActionGroup; timeZone: string }) {
  const done = group === "done";
  return (
    <Table caption={`${GROUP_BADGE[group].label} corrective actions`}>
      <thead>
        <tr>
          <Th>Action</Th>
          <Th>Cause or process</Th>
          <Th>Owner</Th>
          <Th>{done ? "Done on" : "Due"}</Th>
          <Th className="text-right">Complaints</Th>
          {done ? <Th className="text-right">Recurrences</Th> : null}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((a) => (
          <tr key={a.id}>
            <Td>
              <Link href={`/improvements/${a.id}`} className="font-medium text-brand-700 underline underline-offset-2">
                {a.title}
              </Link>
            </Td>
            <Td>{targetLabel(a)}</Td>
            <Td>{a.ownerName ?? "—"}</Td>
            <Td className={group === "overdue" ? "font-semibold text-red-800" : undefined}>
              {done && a.doneAt ? formatDate(a.doneAt, timeZone) : a.dueOn ? formatCalendarDate(a.dueOn) : "—"}
            </Td>
            <Td className="text-right tabular-nums">{a.linkedComplaints}</Td>
            {done ? (
              <Td className="text-right tabular-nums">
                <span title={`${count(a.recurrences, "complaint")} about the same target since it was done`}>{a.recurrences}</span>
              </Td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
