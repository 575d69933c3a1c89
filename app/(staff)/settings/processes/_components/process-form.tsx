"use client";

import { TaxonomyForm } from "../../_components/taxonomy-form";
import { addProcessAction, editProcessAction } from "../actions";

/** Adds a process, or (given one) edits its name and description. */
export function ProcessForm({ process }: { process?: { id: string; name: string; description: string | null } }) {
  return (
    <TaxonomyForm
      item={process}
      idPrefix="process"
      add={addProcessAction}
      edit={editProcessAction}
      hints={{
        name: process ? "Complaints filed under it show the new name." : "As customers would say it, e.g. “Delivery”.",
        description: "Helps customers and staff choose the right one.",
      }}
      addLabel="Add process"
    />
  );
}
