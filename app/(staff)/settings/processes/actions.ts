"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { requireStaff } from "@/lib/auth/session";
import type { ActionState } from "@/lib/forms/action-state";
import { Refusal } from "@/lib/forms/refusal";
import { formValues, runFormAction } from "@/lib/forms/run-form-action";
import { mergeTaxonomy } from "@/lib/settings/merge";
import { createProcess, deleteProcess, moveProcess, setProcessArchived, updateProcess } from "@/lib/settings/processes";

const PAGE = "/settings/processes";

// Each action checks the role itself: a server action is a public endpoint, whatever page shows it.
// Success redirects back with ?done=…, so the confirmation also shows without JavaScript.

export async function addProcessAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runFormAction(formData, {
    label: "settings",
    work: async () => {
      const owner = await requireStaff("owner");
      const { id } = await createProcess(await getDb(), owner, formValues(formData, ["name", "description"]));
      revalidatePath(PAGE);
      redirect(`${PAGE}?done=added&id=${id}`);
    },
  });
}

export async function editProcessAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runFormAction(formData, {
    label: "settings",
    work: async () => {
      const owner = await requireStaff("owner");
      const id = String(formData.get("id") ?? "");
      await updateProcess(await getDb(), owner, id, formValues(formData, ["name", "description"]));
      revalidatePath(PAGE);
      redirect(`${PAGE}?done=saved&id=${id}`);
    },
  });
}

/** Archive, restore, move or delete, chosen by the `intent` field of the button's form. */
export async function processRowAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runFormAction(formData, {
    label: "settings",
    work: async () => {
      const owner = await requireStaff("owner");
      const db = await getDb();
      const id = String(formData.get("id") ?? "");
      const intent = String(formData.get("intent") ?? "");
      let done: string | null = null;
      if (intent === "archive" || intent === "restore") {
        await setProcessArchived(db, owner, id, intent === "archive");
        done = intent === "archive" ? "archived" : "restored";
      } else if (intent === "delete") {
        await deleteProcess(db, owner, id);
        done = "deleted";
      } else if (intent === "up" || intent === "down") {
        await moveProcess(db, owner, id, intent);
      } else {
        throw new Refusal("Unknown action.");
      }
      revalidatePath(PAGE);
      // A move needs no message: the list itself shows the new order.
      redirect(done ? `${PAGE}?done=${done}&id=${id}` : PAGE);
    },
  });
}

/** Merges one process into another (relabelling its complaints); confirmed by a required box. */
export async function mergeProcessesAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runFormAction(formData, {
    label: "settings",
    work: async () => {
      const owner = await requireStaff("owner");
      const input = formValues(formData, ["from", "into", "confirm"]);
      await mergeTaxonomy(await getDb(), owner, "process", input);
      revalidatePath(PAGE);
      redirect(`${PAGE}?done=merged&id=${input.into}`);
    },
  });
}
