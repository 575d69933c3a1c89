import { Badge, Card } from "@/components/ui";

/** How many complaints use an item, and what that means for deleting it. */
function UsageLine({ count }: { count: number }) {
  if (count === 0) return <p className="text-sm text-slate-600">No complaints yet, so it can be deleted.</p>;
  return (
    <p className="text-sm text-slate-600">
      Used by {count === 1 ? "1 complaint" : `${count.toLocaleString("en-GB")} complaints`}, so it can be archived but not deleted.
    </p>
  );
}

/**
 * One process or root cause: what it is, what can be done to it, and an "Edit" disclosure that
 * opens without JavaScript.
 */
export function TaxonomyItem({
  name,
  description,
  badges,
  count,
  actions,
  editForm,
}: {
  name: string;
  description: string | null;
  badges?: React.ReactNode;
  count: number;
  actions: React.ReactNode;
  editForm: React.ReactNode;
}) {
  return (
    <li className="space-y-3 p-4">
      <div className="flex flex-col gap-3 md:flex-row md:items-start md:justify-between">
        <div className="min-w-0 space-y-1">
          <h3 className="flex flex-wrap items-center gap-2 font-medium text-slate-900">
            <span className="break-words">{name}</span>
            {badges}
          </h3>
          {description ? <p className="text-sm break-words text-slate-700">{description}</p> : null}
          <UsageLine count={count} />
        </div>
        <div className="shrink-0">{actions}</div>
      </div>
      <details className="group">
        <summary className="inline-flex cursor-pointer list-none items-center gap-1 rounded-md text-sm font-medium text-brand-700 hover:text-brand-800 [&::-webkit-details-marker]:hidden">
          <span aria-hidden="true" className="inline-block transition-transform group-open:rotate-90">
            ▸
          </span>
          Edit<span className="sr-only"> {name}</span>
        </summary>
        <div className="mt-3 max-w-xl rounded-md border border-slate-200 bg-slate-50 p-4">{editForm}</div>
      </details>
    </li>
  );
}

export function ArchivedBadge() {
  return <Badge tone="neutral">Archived</Badge>;
}

/** A titled list of items; each section is its own landmark for screen-reader navigation. */
function TaxonomySection({ id, title, intro, items, empty }: { id: string; title: string; intro?: string; items: React.ReactNode[]; empty?: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-2">
      <h2 id={id} className="text-lg font-semibold text-slate-900">
        {title} ({items.length})
      </h2>
      {intro ? <p className="text-sm text-slate-600">{intro}</p> : null}
      {items.length ? <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white shadow-sm">{items}</ul> : empty}
    </section>
  );
}

/**
 * A taxonomy's settings page (processes, root causes): what it is for, the answer to the last
 * change, the add form, and the active and archived items (`TaxonomyItem`s).
 */
export function TaxonomyPage(props: {
  title: string;
  intro: string;
  notice: React.ReactNode;
  addTitle: string;
  addForm: React.ReactNode;
  /** Names the sections' headings: `active-${listId}`, `archived-${listId}`. */
  listId: string;
  active: React.ReactNode[];
  empty: React.ReactNode;
  archived: React.ReactNode[];
  archivedIntro: string;
  /** Merging one item into another, below the lists. */
  merge: React.ReactNode;
}) {
  return (
    <div className="space-y-5">
      <div>
        <p className="text-sm text-slate-600">Settings</p>
        <h1 className="text-2xl font-semibold text-slate-900">{props.title}</h1>
        <p className="mt-1 max-w-2xl text-sm text-slate-600">{props.intro}</p>
      </div>
      {props.notice}
      {/* The form comes first on a phone, where the list is long; on wide screens it sits to the right. */}
      <div className="grid gap-5 xl:grid-cols-[minmax(0,1fr)_22rem]">
        <Card title={props.addTitle} className="self-start xl:sticky xl:top-4 xl:col-start-2 xl:row-start-1">
          {props.addForm}
        </Card>
        <div className="space-y-6 xl:col-start-1 xl:row-start-1">
          <TaxonomySection id={`active-${props.listId}`} title="Active" items={props.active} empty={props.empty} />
          {props.archived.length ? (
            <TaxonomySection id={`archived-${props.listId}`} title="Archived" intro={props.archivedIntro} items={props.archived} />
          ) : null}
        </div>
      </div>
      {props.merge}
    </div>
  );
}
