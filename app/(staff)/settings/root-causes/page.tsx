import type { Metadata } from "next";
import { Badge, EmptyState, type BadgeTone } from "@/components/ui";
import { getDb } from "@/db/client";
import { requireStaff } from "@/lib/auth/session";
import { FAULT_LABELS, type Fault } from "@/lib/settings/labels";
import { listRootCausesWithUsage, type RootCauseListItem } from "@/lib/settings/root-causes";
import { ArchivedBadge, TaxonomyItem, TaxonomyPage } from "../_components/taxonomy-item";
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
    <TaxonomyPage
      title="Root causes"
      intro="Why complaints happen. Staff choose one before a case is closed, and analytics rank them, so keep the list short and specific. Each has the fault it usually points to; staff confirm the fault case by case."
      notice={<TaxonomyNotice kind="root cause" done={parseDone(done)} name={changed?.name} />}
      addTitle="Add a root cause"
      addForm={<RootCauseForm />}
      listId="root-causes"
      active={active.map((rootCause) => (
        <Item key={key(rootCause)} rootCause={rootCause} />
      ))}
      empty={
        <EmptyState title="No root causes yet">
          Add the reasons complaints happen, such as “Courier missed the slot” or “Customer gave a wrong address”. Staff need at
          least one to close a case.
        </EmptyState>
      }
      archived={archived.map((rootCause) => (
        <Item key={key(rootCause)} rootCause={rootCause} />
      ))}
      merge={<MergeCard kind="root cause" action={mergeRootCausesAction} items={[...active, ...archived]} />}
      archivedIntro="Not offered for new attributions."
    />
  );
}
