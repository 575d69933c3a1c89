import type { Metadata } from "next";
import Link from "next/link";
import { Alert, Card } from "@/components/ui";
import { getDb } from "@/db/client";
import { requireStaff } from "@/lib/auth/session";
import { loadFilterOptions } from "@/lib/cases/queue/options";
import { hasFilters, parseQueueParams, queueHref } from "@/lib/cases/queue/params";
import { formatDate } from "@/lib/format/dates";
import { count, num } from "@/lib/format/numbers";
import { complaintsForFilters } from "@/lib/improvements/prefill";
import { getBusinessTimeZone } from "@/lib/settings/business";
import { addDays, localDate } from "@/lib/time/zone";
import { ActionForm } from "../_components/action-form";

export const metadata: Metadata = { title: "Open a corrective action" };

type SearchParams = Record<string, string | string[] | undefined>;

/** Days until a new action falls due unless the person picks another date. */
const DEFAULT_DUE_DAYS = 30;

/**
 * A new corrective action, opened from where the finding is: analytics and the case list link
 * here with the case list's own filters (?rootCause=…&process=…&from=…&to=…), so the cause or
 * process is chosen and the complaints behind it come ticked.
 */
export default async function NewImprovementPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const viewer = await requireStaff("supervisor");
  const parsed = parseQueueParams(await searchParams, viewer.role);
  const { filters } = parsed;
  const db = await getDb();
  const timeZone = await getBusinessTimeZone(db);
  const filtered = hasFilters(filters);
  const [options, prefilled] = await Promise.all([
    loadFilterOptions(db, filters),
    filtered ? complaintsForFilters(db, filters, timeZone) : Promise.resolve({ rows: [], total: 0 }),
  ]);
  const today = localDate(new Date(), timeZone);
  const processId = filters.process && filters.process !== "none" ? filters.process : "";
  const cases = queueHref({ view: "all", sort: "newest", filters });

  return (
    <div className="max-w-4xl space-y-5">
      <div>
        <Link href="/improvements" className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
          ← Corrective actions
        </Link>
        <h1 className="mt-2 text-2xl font-semibold text-slate-900">Open a corrective action</h1>
        <p className="text-sm text-slate-600">Fix the cause, not only the complaint: say what will change, who owns it and by when.</p>
      </div>
      {parsed.notices.length > 0 ? (
        <Alert tone="warning" title="Some of the link’s filters were not used">
          <ul className="list-disc pl-5">
            {parsed.notices.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
      {filtered ? (
        <p className="text-sm text-slate-700">
          {prefilled.total === 0 ? "No complaint matches the filter this was opened from." : `${count(prefilled.total, "complaint")} ${prefilled.total === 1 ? "matches" : "match"} the filter this was opened from`}
          {prefilled.total > prefilled.rows.length ? `; the newest ${num(prefilled.rows.length)} are offered below` : prefilled.total > 0 ? "; they are ticked below" : ""}.{" "}
          <Link href={cases} className="font-medium text-brand-700 underline">
            See them in the case list
          </Link>
        </p>
      ) : null}
      <Card>
        <ActionForm
          defaults={{ title: "", description: "", ownerId: viewer.id, dueOn: addDays(today, DEFAULT_DUE_DAYS), rootCauseId: filters.rootCause ?? "", processId }}
          options={options}
          offered={prefilled.rows.map((c) => ({ id: c.id, reference: c.reference, received: formatDate(c.receivedAt, timeZone) }))}
        />
      </Card>
    </div>
  );
}
