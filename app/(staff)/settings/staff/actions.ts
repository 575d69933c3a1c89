"use server";

import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { getDb } from "@/db/client";
import { requireStaff } from "@/lib/auth/session";
import type { ActionState } from "@/lib/forms/action-state";
import { Refusal } from "@/lib/forms/refusal";
import { formValues, runFormAction } from "@/lib/forms/run-form-action";
import { changeRoleSchema, fieldErrorsOf, setActiveSchema, userIdSchema } from "@/lib/staff/schemas";
import { changeStaffRole, createStaffUser, setStaffActive, signOutEverywhere } from "@/lib/staff/users";

// Each action checks the role itself: a server action is a public endpoint, whatever page shows it.

export async function createStaffAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runFormAction(formData, {
    label: "settings",
    work: async () => {
      await requireStaff("owner");
      const values = formValues(formData, ["name", "email", "role", "password"]);
      const created = await createStaffUser(await getDb(), { ...values, role: values.role as "agent" });
      revalidatePath("/settings/staff");
      return `Account created for ${created.name}. Give them their password in person or by phone, not by email.`;
    },
  });
}

/** The row's form, parsed; a malformed post is refused with its first problem. */
function parseRow<T>(schema: z.ZodType<T>, input: Record<string, unknown>): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new Refusal(Object.values(fieldErrorsOf(parsed.error))[0] ?? "Please check the form.");
  return parsed.data;
}

/**
 * An account row's action. The row looks the same afterwards, so its answer shows beside it,
 * without JavaScript too.
 */
function runRowAction(formData: FormData, work: (ownerId: string) => Promise<string>): Promise<ActionState> {
  return runFormAction(formData, {
    label: "settings",
    answerInPlace: true,
    work: async () => work((await requireStaff("owner")).id),
  });
}

export async function changeRoleAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runRowAction(formData, async (ownerId) => {
    const { userId, role } = parseRow(changeRoleSchema, { userId: formData.get("userId"), role: formData.get("role") });
    await changeStaffRole(await getDb(), ownerId, userId, role);
    revalidatePath("/settings/staff");
    return "Role updated.";
  });
}

export async function setActiveAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runRowAction(formData, async (ownerId) => {
    const { userId, active } = parseRow(setActiveSchema, { userId: formData.get("userId"), active: formData.get("active") });
    await setStaffActive(await getDb(), ownerId, userId, active);
    revalidatePath("/settings/staff");
    return active ? "Account reactivated." : "Account deactivated. It can no longer sign in.";
  });
}

/** Ends every session of another account, e.g. after a lost phone (an owner's own: Your account). */
export async function signOutEverywhereAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runRowAction(formData, async (ownerId) => {
    const { userId } = parseRow(userIdSchema, { userId: formData.get("userId") });
    await signOutEverywhere(await getDb(), ownerId, userId);
    return "Signed out everywhere. They can sign in again with their password.";
  });
}
