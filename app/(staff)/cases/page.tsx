import type { Metadata } from "next";
import Link from "next/link";
import { Alert, EmptyState, LinkButton } from "@/components/ui";
import { getDb } from "@/db/client";
import { requireStaff } from "@/lib/auth/session";
import { listQueue } from "@/lib/cases/list";
import { loadFilterOptions } from "@/lib/cases/queue/options";
import { SORT_LABELS, VIEW_LABELS, hasFilters, parseQueueParams, queueHref, type QueueView } from "@/lib/cases/queue/params";
import { hasRole } from "@/lib/auth/roles";
import { openActionHref } from "@/lib/improvements/links";
import { getBusinessTimeZone } from "@/lib/settings/business";
import { CaseFiltersForm } from "./_components/case-filters";
import { CaseTable } from "./_components/case-table";
import { Pager } from "./_components/pager";
import { ViewTabs } from "./_components/view-tabs";

export const metadata: Metadata = { title: "Cases" };

type SearchParams = Record<string, string | string[] | undefined>;

const EMPTY: Record<QueueView, string> = {
  mine: "Nothing assigned to you is open. Take one from Unassigned.",
  unassigned: "Every open case has someone on it.",
  escalated: "No open case is escalated.",
  overdue: "Nothing is overdue: every promise, follow-up and first response is on time.",
  all: "When customers file complaints, they appear here.",
};

export default async function CasesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const viewer = await requireStaff("agent");
  const parsed = parseQueueParams(await searchParams, viewer.role);
  const db = await getDb();
  const timeZone = await getBusinessTimeZone(db);
  const now = new Date();
  const [page, options] = await Promise.all([
    listQueue(db, viewer, parsed, { now, timeZone }),
    loadFilterOptions(db, parsed.filters),
  ]);
  const query = { ...parsed, view: page.view };
  const filtered = hasFilters(query.filters);
  const caption = `${VIEW_LABELS[page.view]}, ${SORT_LABELS[page.sort].toLowerCase()}`;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold text-slate-900">Cases</h1>
          <p className="text-sm text-slate-600">{caption}, 25 to a page. Each row says what needs doing next.</p>
        </div>
        {/* A complaint by phone, letter or at the counter is taken down here, for the customer. */}
        <LinkButton href="/cases/new">New complaint</LinkButton>
      </div>
      <ViewTabs query={query} views={page.views} counts={page.counts} />
      <CaseFiltersForm query={query} options={options} viewerId={viewer.id} />

      {parsed.notices.length ? (
        <Alert tone="warning" title="Some of the link’s filters were not used">
          <ul className="list-disc pl-5">
            {parsed.notices.map((notice) => (
              <li key={notice}>{notice}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
      {query.filters.customer ? (
        <p className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
          <span>
            Customer: <strong className="text-slate-900">{options.customer?.name ?? "unknown customer"}</strong>
          </span>
          <Link href={queueHref(query, { filters: { customer: undefined } })} className="font-medium text-brand-700 underline underline-offset-2">
            Show all customers
          </Link>
        </p>
      ) : null}
      {filtered && hasRole(viewer.role, "supervisor") && page.items.length > 0 ? (
        <p className="text-sm text-slate-700">
          A pattern here?{" "}
          <Link href={openActionHref(queueHref(query, { view: "all" }))} className="font-medium text-brand-700 underline underline-offset-2">
            Open a corrective action for these cases
          </Link>
        </p>
      ) : null}
      {page.byReference ? (
        <p className="text-sm text-slate-700">Found by reference, in every view and whatever the filters.</p>
      ) : null}

      {page.items.length === 0 ? (
        <EmptyState title={filtered ? "No cases match" : query.cursor ? "No more cases here" : "No cases in this view"}>
          {filtered ? "Try other words, another view, or clear the filters." : EMPTY[page.view]}
        </EmptyState>
      ) : (
        <CaseTable cases={page.items} timeZone={timeZone} now={now} caption={caption} />
      )}
      <Pager query={query} prev={page.prev} next={page.next} />
    </div>
  );
}
