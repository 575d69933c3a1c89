"use server";

import { requireStaff } from "@/lib/auth/session";
import type { ActionState } from "@/lib/forms/action-state";
import { formValues } from "@/lib/forms/run-form-action";
import { createRootCause, deleteRootCause, setRootCauseArchived, updateRootCause } from "@/lib/settings/root-causes";
import { runTaxonomyAction, type Taxonomy } from "../_components/taxonomy-actions";

const rootCauses: Taxonomy<{ name: string; description: string; defaultFault: "service" }> = {
  kind: "root cause",
  owner: () => requireStaff("owner"),
  page: "/settings/root-causes",
  // The domain function validates the fault.
  read: (formData) => formValues(formData, ["name", "description", "defaultFault"]) as { name: string; description: string; defaultFault: "service" },
  create: createRootCause,
  update: updateRootCause,
  setArchived: setRootCauseArchived,
  remove: deleteRootCause,
};

export async function addRootCauseAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runTaxonomyAction(formData, rootCauses, "add");
}

export async function editRootCauseAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runTaxonomyAction(formData, rootCauses, "edit");
}

/** Archive, restore or delete, chosen by the `intent` field of the button's form. */
export async function rootCauseRowAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runTaxonomyAction(formData, rootCauses, "row");
}

/** Merges one root cause into another (relabelling its complaints); confirmed by a required box. */
export async function mergeRootCausesAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runTaxonomyAction(formData, rootCauses, "merge");
}
