"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb, type Db } from "@/db/client";
import { requireStaff } from "@/lib/auth/session";
import type { Actor } from "@/lib/cases/update-case";
import type { ActionState } from "@/lib/forms/action-state";
import { withNotice } from "@/lib/forms/notice";
import { count } from "@/lib/format/numbers";
import { formValues, runFormAction } from "@/lib/forms/run-form-action";
import {
  cancelCorrectiveAction,
  editCorrectiveAction,
  markCorrectiveActionDone,
  openCorrectiveAction,
  reopenCorrectiveAction,
  unlinkComplaints,
} from "@/lib/improvements/actions";
import { linkComplaintsByReference } from "@/lib/improvements/prefill";
import { getBusinessTimeZone } from "@/lib/settings/business";
import { startOfLocalDate } from "@/lib/time/zone";

// Each action checks the role itself: a server action is a public endpoint, whatever page shows it.
// The domain functions (lib/improvements/actions.ts) check it again next to the data.

const ACTION_FIELDS = ["title", "description", "ownerId", "dueOn", "rootCauseId", "processId"] as const;

const refresh = () => revalidatePath("/improvements", "layout");
const actionId = (formData: FormData) => String(formData.get("id") ?? "");

/**
 * Done, cancelled and reopened change the page's shape (the form that was used goes away), so the
 * answer is a notice on the action's fresh page, with JavaScript or without.
 */
function showOnAction(id: string, message: string): never {
  refresh();
  redirect(withNotice(`/improvements/${id}`, { tone: "done", message }));
}

export async function openActionAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runFormAction(formData, {
    label: "improvements",
    rows: "complaintIds",
    work: async () => {
      const actor = await requireStaff("supervisor");
      const complaintIds = formData.getAll("complaintIds").map(String);
      const action = await openCorrectiveAction(await getDb(), actor, { ...formValues(formData, ACTION_FIELDS), complaintIds });
      showOnAction(action.id, "Corrective action opened.");
    },
  });
}

/**
 * A form about one existing action (its id in a hidden field): the signed-in supervisor or owner,
 * the database and the id go to `work`, which answers a confirmation or shows the fresh page.
 */
function onAction(formData: FormData, work: (actor: Actor, db: Db, id: string) => Promise<string>, rows?: string): Promise<ActionState> {
  return runFormAction(formData, {
    label: "improvements",
    fresh: ["id"],
    rows,
    refresh,
    work: async () => work(await requireStaff("supervisor"), await getDb(), actionId(formData)),
  });
}

export async function editActionAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return onAction(formData, async (actor, db, id) => {
    await editCorrectiveAction(db, actor, id, formValues(formData, ACTION_FIELDS));
    return "Changes saved.";
  });
}

/** The date the change took effect, as the start of that day in the business's time zone; empty is now. */
async function doneAtFrom(db: Db, value: string): Promise<Date | string | undefined> {
  if (!value) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  return startOfLocalDate(value, await getBusinessTimeZone(db));
}

export async function markDoneAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return onAction(formData, async (actor, db, id) => {
    const { doneNote, doneOn } = formValues(formData, ["doneNote", "doneOn"]);
    await markCorrectiveActionDone(db, actor, id, { doneNote, doneAt: await doneAtFrom(db, doneOn) });
    showOnAction(id, "Marked done. The before/after comparison splits at the date the change took effect.");
  });
}

export async function cancelActionAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return onAction(formData, async (actor, db, id) => {
    await cancelCorrectiveAction(db, actor, id, formValues(formData, ["reason"]));
    showOnAction(id, "Corrective action cancelled.");
  });
}

export async function reopenActionAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return onAction(formData, async (actor, db, id) => {
    await reopenCorrectiveAction(db, actor, id, formValues(formData, ["reason"]));
    showOnAction(id, "Corrective action reopened.");
  });
}

export async function linkComplaintsAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return onAction(formData, async (actor, db, id) => {
    const added = await linkComplaintsByReference(db, actor, id, String(formData.get("references") ?? ""));
    return added === 0 ? "Those complaints were already linked." : `${count(added, "complaint")} linked.`;
  });
}

export async function unlinkComplaintsAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return onAction(
    formData,
    async (actor, db, id) => `${count(await unlinkComplaints(db, actor, id, formData.getAll("complaintIds").map(String)), "complaint")} unlinked.`,
    "complaintIds",
  );
}
