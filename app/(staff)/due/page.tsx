import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui";
import { DuePanel } from "@/components/reminders/due-panel";
import { getDb } from "@/db/client";
import { requireStaff } from "@/lib/auth/session";
import { hasRole } from "@/lib/auth/roles";
import { formatCalendarDate } from "@/lib/format/dates";
import { ACTION_DUE_SOON_DAYS, dueActionsForOwner, type DueAction } from "@/lib/improvements/due";
import { getBusinessTimeZone } from "@/lib/settings/business";
import { localDate } from "@/lib/time/zone";

export const metadata: Metadata = { title: "What's due" };

/** The signed-in staff member's reminders: what they promised, what is late, who is waiting, what they must fix. */
export default async function DuePage() {
  const user = await requireStaff("agent");
  const db = await getDb();
  const actions = await dueActionsForOwner(db, user.id, localDate(new Date(), await getBusinessTimeZone(db)));
  return (
    <div className="max-w-4xl space-y-5">
      <div>
        <h1 className="text-2xl font-semibold text-slate-900">What&apos;s due</h1>
        <p className="text-sm text-slate-600">
          {hasRole(user.role, "supervisor")
            ? "Your cases, and unassigned cases nobody else is watching. Days are counted in the business's time zone."
            : "Your cases. Days are counted in the business's time zone."}
        </p>
      </div>
      {actions.length > 0 ? <DueActions actions={actions} linked={hasRole(user.role, "supervisor")} /> : null}
      <DuePanel user={user} nothingElseDue={actions.length === 0} />
    </div>
  );
}

/** Corrective actions this person owns that are overdue or due within the week. */
function DueActions({ actions, linked }: { actions: DueAction[]; linked: boolean }) {
  const overdue = actions.filter((a) => a.overdue).length;
  return (
    <section aria-labelledby="due-actions" className="space-y-2">
      <h2 id="due-actions" className="flex items-center gap-2 text-lg font-semibold text-slate-900">
        Corrective actions you own <Badge tone={overdue > 0 ? "danger" : "neutral"}>{actions.length}</Badge>
      </h2>
      <p className="text-sm text-slate-600">Overdue, or due within {ACTION_DUE_SOON_DAYS} days.</p>
      <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white shadow-sm">
        {actions.map((a) => (
          <li key={a.id} className="flex flex-col gap-1 p-4 sm:flex-row sm:items-start sm:justify-between sm:gap-4">
            {linked ? (
              <Link href={`/improvements/${a.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                {a.title}
              </Link>
            ) : (
              <span className="font-medium text-slate-900">{a.title}</span>
            )}
            <p className={a.overdue ? "shrink-0 text-sm font-semibold text-red-800" : "shrink-0 text-sm text-slate-600"}>
              {a.overdue ? "Overdue since" : "Due"} {formatCalendarDate(a.dueOn)}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
