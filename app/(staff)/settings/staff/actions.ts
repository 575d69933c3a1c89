"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { requireStaff } from "@/lib/auth/session";
import { FORM_OUTAGE_MESSAGE, keepFormDuringOutage } from "@/lib/resilience/outage";
import { changeRoleSchema, fieldErrorsOf, setActiveSchema, userIdSchema } from "@/lib/staff/schemas";
import { changeStaffRole, createStaffUser, setStaffActive, signOutEverywhere, StaffRuleError } from "@/lib/staff/users";

export type StaffFormState = {
  ok?: string;
  error?: string;
  fieldErrors?: Record<string, string>;
  /** What was typed, to put back in the form after a refusal. Never the password. */
  values?: { name: string; email: string; role: string };
};

function refusal(error: unknown, values?: StaffFormState["values"]): StaffFormState {
  if (error instanceof StaffRuleError) return { error: error.message, fieldErrors: error.fieldErrors, values };
  throw error;
}

/** The new account's fields as typed, to put back in the form (never the password). */
function typedStaff(formData: FormData): NonNullable<StaffFormState["values"]> {
  return { name: String(formData.get("name") ?? ""), email: String(formData.get("email") ?? ""), role: String(formData.get("role") ?? "") };
}

// Each action checks the role itself: a server action is a public endpoint, whatever page shows it.

export async function createStaffAction(_previous: StaffFormState, formData: FormData): Promise<StaffFormState> {
  return keepFormDuringOutage("settings", async () => {
    await requireStaff("owner");
    const values = typedStaff(formData);
    try {
      const created = await createStaffUser(await getDb(), { ...values, role: values.role as "agent", password: String(formData.get("password") ?? "") });
      revalidatePath("/settings/staff");
      return { ok: `Account created for ${created.name}. Give them their password in person or by phone, not by email.` };
    } catch (error) {
      return refusal(error, values);
    }
  }, () => ({ error: FORM_OUTAGE_MESSAGE, values: typedStaff(formData) }));
}

export async function changeRoleAction(_previous: StaffFormState, formData: FormData): Promise<StaffFormState> {
  return keepFormDuringOutage("settings", async () => {
    const owner = await requireStaff("owner");
    const parsed = changeRoleSchema.safeParse({ userId: formData.get("userId"), role: formData.get("role") });
    if (!parsed.success) return { error: Object.values(fieldErrorsOf(parsed.error))[0] };
    try {
      await changeStaffRole(await getDb(), owner.id, parsed.data.userId, parsed.data.role);
      revalidatePath("/settings/staff");
      return { ok: "Role updated." };
    } catch (error) {
      return refusal(error);
    }
  }, () => ({ error: FORM_OUTAGE_MESSAGE }));
}

export async function setActiveAction(_previous: StaffFormState, formData: FormData): Promise<StaffFormState> {
  return keepFormDuringOutage("settings", async () => {
    const owner = await requireStaff("owner");
    const parsed = setActiveSchema.safeParse({ userId: formData.get("userId"), active: formData.get("active") });
    if (!parsed.success) return { error: Object.values(fieldErrorsOf(parsed.error))[0] };
    try {
      await setStaffActive(await getDb(), owner.id, parsed.data.userId, parsed.data.active);
      revalidatePath("/settings/staff");
      return { ok: parsed.data.active ? "Account reactivated." : "Account deactivated. It can no longer sign in." };
    } catch (error) {
      return refusal(error);
    }
  }, () => ({ error: FORM_OUTAGE_MESSAGE }));
}

/** Ends every session of another account, e.g. after a lost phone (an owner's own: Your account). */
export async function signOutEverywhereAction(_previous: StaffFormState, formData: FormData): Promise<StaffFormState> {
  return keepFormDuringOutage("settings", async () => {
    const owner = await requireStaff("owner");
    const parsed = userIdSchema.safeParse({ userId: formData.get("userId") });
    if (!parsed.success) return { error: Object.values(fieldErrorsOf(parsed.error))[0] };
    try {
      await signOutEverywhere(await getDb(), owner.id, parsed.data.userId);
      return { ok: "Signed out everywhere. They can sign in again with their password." };
    } catch (error) {
      return refusal(error);
    }
  }, () => ({ error: FORM_OUTAGE_MESSAGE }));
}
