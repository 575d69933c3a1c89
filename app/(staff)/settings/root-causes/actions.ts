"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { requireStaff } from "@/lib/auth/session";
import type { ActionState } from "@/lib/forms/action-state";
import { Refusal } from "@/lib/forms/refusal";
import { formValues, runFormAction } from "@/lib/forms/run-form-action";
import { mergeTaxonomy } from "@/lib/settings/merge";
import { createRootCause, deleteRootCause, setRootCauseArchived, updateRootCause } from "@/lib/settings/root-causes";

const PAGE = "/settings/root-causes";
const FIELDS = ["name", "description", "defaultFault"] as const;

/** The root cause as typed; the domain function validates the fault. */
function typedRootCause(formData: FormData) {
  const values = formValues(formData, FIELDS);
  return { ...values, defaultFault: values.defaultFault as "service" };
}

// Each action checks the role itself: a server action is a public endpoint, whatever page shows it.
// Success redirects back with ?done=…, so the confirmation also shows without JavaScript.

export async function addRootCauseAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runFormAction(formData, {
    label: "settings",
    work: async () => {
      const owner = await requireStaff("owner");
      const { id } = await createRootCause(await getDb(), owner, typedRootCause(formData));
      revalidatePath(PAGE);
      redirect(`${PAGE}?done=added&id=${id}`);
    },
  });
}

export async function editRootCauseAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runFormAction(formData, {
    label: "settings",
    work: async () => {
      const owner = await requireStaff("owner");
      const id = String(formData.get("id") ?? "");
      await updateRootCause(await getDb(), owner, id, typedRootCause(formData));
      revalidatePath(PAGE);
      redirect(`${PAGE}?done=saved&id=${id}`);
    },
  });
}

/** Archive, restore or delete, chosen by the `intent` field of the button's form. */
export async function rootCauseRowAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runFormAction(formData, {
    label: "settings",
    work: async () => {
      const owner = await requireStaff("owner");
      const db = await getDb();
      const id = String(formData.get("id") ?? "");
      const intent = String(formData.get("intent") ?? "");
      let done: string;
      if (intent === "archive" || intent === "restore") {
        await setRootCauseArchived(db, owner, id, intent === "archive");
        done = intent === "archive" ? "archived" : "restored";
      } else if (intent === "delete") {
        await deleteRootCause(db, owner, id);
        done = "deleted";
      } else {
        throw new Refusal("Unknown action.");
      }
      revalidatePath(PAGE);
      redirect(`${PAGE}?done=${done}&id=${id}`);
    },
  });
}

/** Merges one root cause into another (relabelling its complaints); confirmed by a required box. */
export async function mergeRootCausesAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runFormAction(formData, {
    label: "settings",
    work: async () => {
      const owner = await requireStaff("owner");
      const input = formValues(formData, ["from", "into", "confirm"]);
      await mergeTaxonomy(await getDb(), owner, "root cause", input);
      revalidatePath(PAGE);
      redirect(`${PAGE}?done=merged&id=${input.into}`);
    },
  });
}
