import type { Metadata } from "next";
import { Card, EmptyState } from "@/components/ui";
import { getDb } from "@/db/client";
import { requireStaff } from "@/lib/auth/session";
import { listProcessesWithUsage, type ProcessListItem } from "@/lib/settings/processes";
import { ArchivedBadge, ItemList, TaxonomyItem, TaxonomySection } from "../_components/taxonomy-item";
import { MergeCard } from "../_components/merge-form";
import { parseDone, TaxonomyNotice } from "../_components/taxonomy-notice";
import { TaxonomyRowActions } from "../_components/taxonomy-row-actions";
import { mergeProcessesAction, processRowAction } from "./actions";
import { ProcessForm } from "./_components/process-form";

export const metadata: Metadata = { title: "Processes" };

type SearchParams = Promise<{ done?: string | string[]; id?: string | string[] }>;

function Item({ process, move }: { process: ProcessListItem; move?: { up: boolean; down: boolean } }) {
  const archived = Boolean(process.archivedAt);
  return (
    <TaxonomyItem
      name={process.name}
      description={process.description}
      badges={archived ? <ArchivedBadge /> : null}
      count={process.complaintCount}
      actions={
        <TaxonomyRowActions
          action={processRowAction}
          item={{ id: process.id, name: process.name, archived, complaintCount: process.complaintCount }}
          move={move}
        />
      }
      editForm={<ProcessForm process={process} />}
    />
  );
}

export default async function ProcessesSettingsPage({ searchParams }: { searchParams: SearchParams }) {
  const owner = await requireStaff("owner");
  const { done, id } = await searchParams;
  const { active, archived } = await listProcessesWithUsage(await getDb(), owner);
  const changed = [...active, ...archived].find((p) => p.id === id);
  // Remounting an item after it changes closes its "Edit" panel.
  const key = (p: ProcessListItem) => `${p.id}:${p.name}:${p.description}:${p.archivedAt?.getTime()}`;

  return (
    <div className="space-y-5">
      <div>
        <p className="text-sm text-slate-600">Settings</p>
        <h1 className="text-2xl font-semibold text-slate-900">Processes</h1>
        <p className="mt-1 max-w-2xl text-sm text-slate-600">
          The parts of your business a complaint can be about. Customers pick one when they complain, in this order, and analytics
          group complaints by them. Archive a process you no longer use: it leaves the pick lists and stays on old complaints.
        </p>
      </div>

      <TaxonomyNotice kind="process" done={parseDone(done)} name={changed?.name} />

      {/* The form comes first on a phone, where the list is long; on wide screens it sits to the right. */}
      <div className="grid gap-5 xl:grid-cols-[minmax(0,1fr)_22rem]">
        <Card title="Add a process" className="self-start xl:sticky xl:top-4 xl:col-start-2 xl:row-start-1">
          <ProcessForm />
        </Card>

        <div className="space-y-6 xl:col-start-1 xl:row-start-1">
          <TaxonomySection id="active-processes" title={`Active (${active.length})`}>
            {active.length ? (
              <ItemList>
                {active.map((process, index) => (
                  <Item key={key(process)} process={process} move={{ up: index > 0, down: index < active.length - 1 }} />
                ))}
              </ItemList>
            ) : (
              <EmptyState title="No processes yet">
                Add the parts of your business customers deal with, such as delivery, billing or installation. Customers
                pick one when they complain, and staff can correct it.
              </EmptyState>
            )}
          </TaxonomySection>

          {archived.length ? (
            <TaxonomySection id="archived-processes" title={`Archived (${archived.length})`} intro="Not offered on new complaints.">
              <ItemList>
                {archived.map((process) => (
                  <Item key={key(process)} process={process} />
                ))}
              </ItemList>
            </TaxonomySection>
          ) : null}
        </div>
      </div>

      <MergeCard kind="process" action={mergeProcessesAction} items={[...active, ...archived]} />
    </div>
  );
}
