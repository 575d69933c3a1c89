"use server";

import { requireStaff } from "@/lib/auth/session";
import type { ActionState } from "@/lib/forms/action-state";
import { formValues } from "@/lib/forms/run-form-action";
import { createProcess, deleteProcess, moveProcess, setProcessArchived, updateProcess } from "@/lib/settings/processes";
import { runTaxonomyAction, type Taxonomy } from "../_components/taxonomy-actions";

const processes: Taxonomy<{ name: string; description: string }> = {
  kind: "process",
  owner: () => requireStaff("owner"),
  page: "/settings/processes",
  read: (formData) => formValues(formData, ["name", "description"]),
  create: createProcess,
  update: updateProcess,
  setArchived: setProcessArchived,
  remove: deleteProcess,
  move: moveProcess,
};

export async function addProcessAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runTaxonomyAction(formData, processes, "add");
}

export async function editProcessAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runTaxonomyAction(formData, processes, "edit");
}

/** Archive, restore, move or delete, chosen by the `intent` field of the button's form. */
export async function processRowAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runTaxonomyAction(formData, processes, "row");
}

/** Merges one process into another (relabelling its complaints); confirmed by a required box. */
export async function mergeProcessesAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runTaxonomyAction(formData, processes, "merge");
}
