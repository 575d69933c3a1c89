import Link from "next/link";
import { cache } from "react";
import { Badge, EmptyState, type BadgeTone } from "@/components/ui";
import { getDb } from "@/db/client";
import { DUE_KIND_LABELS, whenPhrase } from "@/lib/reminders/describe";
import { countDueForStaff, listDueForStaff, type DueItem, type DueViewer } from "@/lib/reminders/due";

/** Once per request: one "now", and the counts the badge and the /due page both show. */
const requestNow = cache(() => new Date());
const dueCount = cache(async (id: string, role: DueViewer["role"]) => countDueForStaff(await getDb(), { id, role }, requestNow()));

const KIND_TONES: Record<DueItem["kind"], BadgeTone> = {
  promise: "warning",
  follow_up: "info",
  first_response: "danger",
  customer_waiting: "brand",
  call_to_confirm: "warning",
};

/**
 * What is due for this staff member, most urgent first: overdue, then due today, then customers
 * waiting for a reply. A server component: drop it on any workspace page with the signed-in user.
 * `nothingElseDue: false` when the page lists other things due (corrective actions), so the empty
 * state does not say "Nothing is due" above them.
 */
export async function DuePanel({ user, nothingElseDue = true }: { user: DueViewer; nothingElseDue?: boolean }) {
  const now = requestNow();
  const [counts, list] = await Promise.all([dueCount(user.id, user.role), listDueForStaff(await getDb(), user, now)]);
  const due = { ...counts, ...list };
  if (due.total === 0) {
    return <EmptyState title={nothingElseDue ? "Nothing is due" : "No case is due"}>No promises, follow-ups, calls or replies are waiting on you today.</EmptyState>;
  }
  const groups = [
    {
      id: "due-overdue",
      title: "Overdue",
      total: due.overdue,
      items: due.items.filter((i) => i.overdue),
      rest: { href: "/cases?view=overdue", label: "Open the Overdue view of the queue" },
    },
    { id: "due-today", title: "Due today", total: due.today, items: due.items.filter((i) => !i.overdue && i.kind !== "customer_waiting"), rest: null },
    { id: "due-waiting", title: "Customers waiting for a reply", total: due.waiting, items: due.items.filter((i) => i.kind === "customer_waiting"), rest: null },
  ].filter((g) => g.total > 0);

  return (
    <div className="space-y-6">
      {groups.map((group) => (
        <section key={group.id} aria-labelledby={group.id} className="space-y-2">
          <h2 id={group.id} className="flex items-center gap-2 text-lg font-semibold text-slate-900">
            {group.title} <Badge tone={group.id === "due-overdue" ? "danger" : "neutral"}>{group.total.toLocaleString("en")}</Badge>
          </h2>
          {group.items.length < group.total ? (
            <p className="text-sm text-slate-600">
              The {group.items.length} most urgent of {group.total.toLocaleString("en")}.{" "}
              {group.rest ? (
                <Link href={group.rest.href} className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-800">
                  {group.rest.label}
                </Link>
              ) : null}
            </p>
          ) : null}
          <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white shadow-sm">
            {group.items.map((item) => (
              <li key={item.key} className="flex flex-col gap-1 p-4 sm:flex-row sm:items-start sm:justify-between sm:gap-4">
                <div className="min-w-0 space-y-1">
                  <p className="flex flex-wrap items-center gap-2">
                    <Link href={`/cases/${item.reference}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                      {item.reference}
                    </Link>
                    <span className="text-sm text-slate-700">{item.customerName}</span>
                    <Badge tone={KIND_TONES[item.kind]}>{DUE_KIND_LABELS[item.kind]}</Badge>
                    {item.unassigned ? <Badge tone="neutral">Unassigned</Badge> : null}
                  </p>
                  <p className="break-words text-sm text-slate-800">{item.detail}</p>
                </div>
                <p className={item.overdue ? "shrink-0 text-sm font-semibold text-red-800" : "shrink-0 text-sm text-slate-600"}>
                  {whenPhrase(item, now, due.timeZone)}
                </p>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

/**
 * The number for the navigation badge, on every workspace page; nothing when nothing is due.
 * Counted in SQL: a supervisor may have thousands of items, and only /due lists them.
 */
export async function DueCount({ user }: { user: DueViewer }) {
  const due = await dueCount(user.id, user.role);
  if (due.total === 0) return null;
  return (
    <span
      className={
        due.overdue > 0
          ? "ml-1.5 inline-flex min-w-5 justify-center rounded-full bg-red-700 px-1.5 text-xs font-semibold text-white"
          : "ml-1.5 inline-flex min-w-5 justify-center rounded-full bg-slate-700 px-1.5 text-xs font-semibold text-white"
      }
    >
      {due.total.toLocaleString("en")}
      <span className="sr-only">
        {" "}
        {due.total === 1 ? "item" : "items"} due{due.overdue > 0 ? `, ${due.overdue.toLocaleString("en")} overdue` : ""}
      </span>
    </span>
  );
}
