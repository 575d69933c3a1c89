import type { Metadata } from "next";
import { Badge, Card, EmptyState, type BadgeTone } from "@/components/ui";
import { getDb } from "@/db/client";
import { requireStaff } from "@/lib/auth/session";
import { FAULT_LABELS, type Fault } from "@/lib/settings/labels";
import { listRootCausesWithUsage, type RootCauseListItem } from "@/lib/settings/root-causes";
import { ArchivedBadge, ItemList, TaxonomyItem, TaxonomySection } from "../_components/taxonomy-item";
import { MergeCard } from "../_components/merge-form";
import { parseDone, TaxonomyNotice } from "../_components/taxonomy-notice";
import { TaxonomyRowActions } from "../_components/taxonomy-row-actions";
import { mergeRootCausesAction, rootCauseRowAction } from "./actions";
import { RootCauseForm } from "./_components/root-cause-form";

export const metadata: Metadata = { title: "Root causes" };

type SearchParams = Promise<{ done?: string | string[]; id?: string | string[] }>;

const FAULT_TONES: Record<Fault, BadgeTone> = { service: "warning", customer: "info", external: "neutral", undetermined: "neutral" };

function Item({ rootCause }: { rootCause: RootCauseListItem }) {
  const archived = Boolean(rootCause.archivedAt);
  return (
    <TaxonomyItem
      name={rootCause.name}
      description={rootCause.description}
      badges={
        <>
          <Badge tone={FAULT_TONES[rootCause.defaultFault]}>
            <span className="sr-only">Usually whose fault: </span>
            {FAULT_LABELS[rootCause.defaultFault]}
          </Badge>
          {archived ? <ArchivedBadge /> : null}
        </>
      }
      count={rootCause.complaintCount}
      actions={
        <TaxonomyRowActions
          action={rootCauseRowAction}
          item={{ id: rootCause.id, name: rootCause.name, archived, complaintCount: rootCause.complaintCount }}
        />
      }
      editForm={<RootCauseForm rootCause={rootCause} />}
    />
  );
}

export default async function RootCausesSettingsPage({ searchParams }: { searchParams: SearchParams }) {
  const owner = await requireStaff("owner");
  const { done, id } = await searchParams;
  const { active, archived } = await listRootCausesWithUsage(await getDb(), owner);
  const changed = [...active, ...archived].find((r) => r.id === id);
  // Remounting an item after it changes closes its "Edit" panel.
  const key = (r: RootCauseListItem) => `${r.id}:${r.name}:${r.description}:${r.defaultFault}:${r.archivedAt?.getTime()}`;

  return (
    <div className="space-y-5">
      <div>
        <p className="text-sm text-slate-600">Settings</p>
        <h1 className="text-2xl font-semibold text-slate-900">Root causes</h1>
        <p className="mt-1 max-w-2xl text-sm text-slate-600">
          Why complaints happen. Staff choose one before a case is closed, and analytics rank them, so keep the list short and
          specific. Each has the fault it usually points to; staff confirm the fault case by case.
        </p>
      </div>

      <TaxonomyNotice kind="root cause" done={parseDone(done)} name={changed?.name} />

      {/* The form comes first on a phone, where the list is long; on wide screens it sits to the right. */}
      <div className="grid gap-5 xl:grid-cols-[minmax(0,1fr)_22rem]">
        <Card title="Add a root cause" className="self-start xl:sticky xl:top-4 xl:col-start-2 xl:row-start-1">
          <RootCauseForm />
        </Card>

        <div className="space-y-6 xl:col-start-1 xl:row-start-1">
          <TaxonomySection id="active-root-causes" title={`Active (${active.length})`}>
            {active.length ? (
              <ItemList>
                {active.map((rootCause) => (
                  <Item key={key(rootCause)} rootCause={rootCause} />
                ))}
              </ItemList>
            ) : (
              <EmptyState title="No root causes yet">
                Add the reasons complaints happen, such as “Courier missed the slot” or “Customer gave a wrong address”. Staff
                need at least one to close a case.
              </EmptyState>
            )}
          </TaxonomySection>

          {archived.length ? (
            <TaxonomySection id="archived-root-causes" title={`Archived (${archived.length})`} intro="Not offered for new attributions.">
              <ItemList>
                {archived.map((rootCause) => (
                  <Item key={key(rootCause)} rootCause={rootCause} />
                ))}
              </ItemList>
            </TaxonomySection>
          ) : null}
        </div>
      </div>

      <MergeCard kind="root cause" action={mergeRootCausesAction} items={[...active, ...archived]} />
    </div>
  );
}
