"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { requireStaff } from "@/lib/auth/session";
import { createRootCause, deleteRootCause, setRootCauseArchived, updateRootCause } from "@/lib/settings/root-causes";
import { formValues, keepSettingsForm, refusal, type SettingsFormState } from "../_components/action-state";

const PAGE = "/settings/root-causes";
const FIELDS = ["name", "description", "defaultFault"] as const;

// Each action checks the role itself: a server action is a public endpoint, whatever page shows it.
// Success redirects back with ?done=…, so the confirmation also shows without JavaScript.

export async function addRootCauseAction(_previous: SettingsFormState, formData: FormData): Promise<SettingsFormState> {
  return keepSettingsForm(formData, async () => {
    const owner = await requireStaff("owner");
    const values = formValues(formData, FIELDS);
    let id: string;
    try {
      ({ id } = await createRootCause(await getDb(), owner, { ...values, defaultFault: values.defaultFault as "service" }));
    } catch (error) {
      return refusal(error, values);
    }
    revalidatePath(PAGE);
    redirect(`${PAGE}?done=added&id=${id}`);
  });
}

export async function editRootCauseAction(_previous: SettingsFormState, formData: FormData): Promise<SettingsFormState> {
  return keepSettingsForm(formData, async () => {
    const owner = await requireStaff("owner");
    const id = String(formData.get("id") ?? "");
    const values = formValues(formData, FIELDS);
    try {
      await updateRootCause(await getDb(), owner, id, { ...values, defaultFault: values.defaultFault as "service" });
    } catch (error) {
      return refusal(error, values);
    }
    revalidatePath(PAGE);
    redirect(`${PAGE}?done=saved&id=${id}`);
  });
}

/** Archive, restore or delete, chosen by the `intent` field of the button's form. */
export async function rootCauseRowAction(_previous: SettingsFormState, formData: FormData): Promise<SettingsFormState> {
  return keepSettingsForm(formData, async () => {
    const owner = await requireStaff("owner");
    const db = await getDb();
    const id = String(formData.get("id") ?? "");
    const intent = String(formData.get("intent") ?? "");
    let done: string;
    try {
      if (intent === "archive" || intent === "restore") {
        await setRootCauseArchived(db, owner, id, intent === "archive");
        done = intent === "archive" ? "archived" : "restored";
      } else if (intent === "delete") {
        await deleteRootCause(db, owner, id);
        done = "deleted";
      } else {
        return { error: "Unknown action." };
      }
    } catch (error) {
      return refusal(error);
    }
    revalidatePath(PAGE);
    redirect(`${PAGE}?done=${done}&id=${id}`);
  });
}
