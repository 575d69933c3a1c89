import type { Metadata } from "next";
import { EmptyState } from "@/components/ui";
import { getDb } from "@/db/client";
import { requireStaff } from "@/lib/auth/session";
import { listProcessesWithUsage, type ProcessListItem } from "@/lib/settings/processes";
import { ArchivedBadge, TaxonomyItem, TaxonomyPage } from "../_components/taxonomy-item";
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
    <TaxonomyPage
      title="Processes"
      intro="The parts of your business a complaint can be about. Customers pick one when they complain, in this order, and analytics group complaints by them. Archive a process you no longer use: it leaves the pick lists and stays on old complaints."
      notice={<TaxonomyNotice kind="process" done={parseDone(done)} name={changed?.name} />}
      addTitle="Add a process"
      addForm={<ProcessForm />}
      listId="processes"
      active={active.map((process, index) => (
        <Item key={key(process)} process={process} move={{ up: index > 0, down: index < active.length - 1 }} />
      ))}
      empty={
        <EmptyState title="No processes yet">
          Add the parts of your business customers deal with, such as delivery, billing or installation. Customers pick one when
          they complain, and staff can correct it.
        </EmptyState>
      }
      archived={archived.map((process) => (
        <Item key={key(process)} process={process} />
      ))}
      merge={<MergeCard kind="process" action={mergeProcessesAction} items={[...active, ...archived]} />}
      archivedIntro="Not offered on new complaints."
    />
  );
}
